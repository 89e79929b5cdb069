import { awsDependencies } from '../adapters/aws-dependencies';
import { assertBulkShape, type BulkActionsRequest } from '../domain/bulk';
import { parseOrRefuse } from '../domain/parse';
import { callerOf } from '../http/caller-of';
import { ROUTES } from '../http/contract/routes';
import { httpRoute } from '../http/http-route';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { bulkAnswer } from '../http/bulk-response';
import { idempotentCommand } from '../http/idempotent-command';
import { jsonBody } from '../http/json-body';
import { actOnCandidate, runBulk } from '../services/bulk-actions';

const deps = awsDependencies();

const bulk = idempotentCommand<BulkActionsRequest>(async ({ key, body }, caller) =>
  bulkAnswer(await runBulk(body.items, (item) => actOnCandidate(deps, caller, item, key))),
);

/**
 * POST /candidates/bulk-actions: one action on each of many candidates, through the same path
 * as POST /candidates/{id}/actions; the answer lists each candidate as APPLIED, REFUSED (with the
 * error it would have had alone) or SKIPPED (already recorded). A replay with the same
 * Idempotency-Key answers the first response and applies nothing twice.
 */
export const handler = httpRoute(async (event, context) => {
  const caller = callerOf(event);
  const key = idempotencyKeyOf(event);
  const raw = jsonBody(event);
  assertBulkShape(raw, 'items', (item) => (item as { candidateId?: unknown })?.candidateId);
  const body = parseOrRefuse(ROUTES['POST /candidates/bulk-actions'].body.schema, raw, {
    code: 'INVALID_BODY',
  });
  return bulk({ key: `POST /candidates/bulk-actions ${key}`, body }, caller, context);
});
