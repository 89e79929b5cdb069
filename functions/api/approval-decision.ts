import { randomUUID } from 'node:crypto';
import { awsDependencies } from '../adapters/aws-dependencies';
import { signingKey } from '../adapters/signing-key';
import { ROUTES } from '../http/contract/routes';
import { idempotentHttpApi } from '../http/idempotent-http-api';
import { json } from '../http/response';
import { on } from '../http/route-binding';
import { decideThroughApproval } from '../services/approvals';

const deps = { ...awsDependencies(), signingKey: () => signingKey() };

/**
 * POST /approvals/{approvalId}/decision: the approver's decision through the link, recorded once
 * (a second click answers 409 with `details.decision`) and handed to the workflow like any action.
 */
export const handler = idempotentHttpApi(
  on(ROUTES['POST /approvals/{approvalId}/decision'], {
    handle: async ({ caller, path: { approvalId }, body, idempotencyKey }) => {
      const decided = await decideThroughApproval(deps, caller, approvalId, body, {
        submissionId: randomUUID(),
        idempotencyKey,
      });
      return json(200, decided);
    },
  }),
);
