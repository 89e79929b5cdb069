import { randomUUID } from 'node:crypto';
import { awsDependencies } from '../adapters/aws-dependencies';
import { ROUTES } from '../http/contract/routes';
import { idempotentHttpApi } from '../http/idempotent-http-api';
import { expectedVersionOf, preconditionOnStale } from '../http/if-match';
import { json } from '../http/response';
import { on } from '../http/route-binding';
import { submitAction } from '../services/submit-action';

const deps = awsDependencies();

/**
 * POST /candidates/{id}/actions: an officer acts on the candidate's pending step. Accepted
 * actions are applied by the workflow; the candidate shows the result once `version` moves.
 * The version read comes as `expectedVersion` or as `If-Match` (the ETag of GET /candidates/{id}).
 */
export const handler = idempotentHttpApi(
  on(ROUTES['POST /candidates/{id}/actions'], {
    handle: async ({ caller, path: { id }, body, ifMatch, idempotencyKey }) => {
      const expected = expectedVersionOf(ifMatch, body.expectedVersion);
      const request = { ...body, expectedVersion: expected.version };
      const accepted = await preconditionOnStale(expected, () =>
        submitAction(deps, caller, id, request, { submissionId: randomUUID(), idempotencyKey }),
      );
      return json(202, { status: 'ACCEPTED', ...accepted }, { location: `/candidates/${id}` });
    },
  }),
);
