import { awsCandidateStore } from '../adapters/aws-candidate-store';
import { signingKey } from '../adapters/signing-key';
import { ROUTES } from '../http/contract/routes';
import { httpApi } from '../http/http-api';
import { json } from '../http/response';
import { on } from '../http/route-binding';
import { approvalDetails } from '../services/approvals';

// Reads only: no workflow to answer.
const deps = {
  store: awsCandidateStore(),
  now: () => new Date(),
  signingKey: () => signingKey(),
};

/**
 * GET /approvals/{approvalId}/details: what the approval page shows to the approver the link was
 * sent to (dossier summary, documents, votes, deadline), or the decision recorded through it.
 */
export const handler = httpApi(
  on(ROUTES['GET /approvals/{approvalId}/details'], {
    handle: async ({ caller, path: { approvalId } }) =>
      json(200, await approvalDetails(deps, caller, approvalId)),
  }),
);
