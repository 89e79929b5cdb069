import { awsCandidateStore } from '../adapters/aws-dependencies';
import { signingKey } from '../adapters/signing-key';
import { approvalIdOf } from '../http/approval-id';
import { callerOf } from '../http/caller-of';
import { httpRoute } from '../http/http-route';
import { json } from '../http/response';
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
export const handler = httpRoute(async (event) => {
  const caller = callerOf(event);
  const approvalId = approvalIdOf(event);
  return json(200, await approvalDetails(deps, caller, approvalId), {
    'cache-control': 'no-store',
  });
});
