import { awsDependencies } from '../adapters/aws-dependencies';
import { assertBulkShape } from '../domain/bulk';
import { bulkAnswer } from '../http/bulk-response';
import { ROUTES } from '../http/contract/routes';
import { idempotentHttpApi } from '../http/idempotent-http-api';
import { on } from '../http/route-binding';
import { actOnCandidate, runBulk } from '../services/bulk-actions';

const deps = awsDependencies();

/**
 * POST /candidates/bulk-actions: one action on each of many candidates, through the same path
 * as POST /candidates/{id}/actions; the answer lists each candidate as APPLIED, REFUSED (with the
 * error it would have had alone) or SKIPPED (already recorded). A replay with the same
 * Idempotency-Key answers the first response and applies nothing twice.
 */
export const handler = idempotentHttpApi(
  on(ROUTES['POST /candidates/bulk-actions'], {
    checkBody: (raw) =>
      assertBulkShape(raw, 'items', (item) => (item as { candidateId?: unknown })?.candidateId),
    handle: async ({ caller, body, commandKey }) =>
      bulkAnswer(
        await runBulk(body.items, (item) => actOnCandidate(deps, caller, item, commandKey)),
      ),
  }),
);
