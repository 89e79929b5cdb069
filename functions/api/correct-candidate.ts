import { awsCandidateStore } from '../adapters/aws-dependencies';
import { assertMayCorrect } from '../domain/access';
import { parseOrRefuse } from '../domain/parse';
import { callerOf } from '../http/caller-of';
import { ROUTES } from '../http/contract/routes';
import { candidateIdOf } from '../http/candidate-id';
import { candidateView } from '../http/candidate-view';
import { httpRoute } from '../http/http-route';
import { versionETag } from '../http/etag';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { ifMatchVersionOf } from '../http/if-match';
import { idempotentCommand } from '../http/idempotent-command';
import { jsonBody } from '../http/json-body';
import { json } from '../http/response';
import { createPipelineMetrics } from '../observability/transition-metrics';
import { type Correction, correctCandidate } from '../services/correct-candidate';

// No workflow: a correction closes a candidate that no execution holds any more.
const deps = {
  store: awsCandidateStore(),
  now: () => new Date(),
  metrics: createPipelineMetrics(),
};

const correct = idempotentCommand<
  Correction & { candidateId: string; idempotencyKey: string; ifMatch?: number }
>(async ({ body }, caller) => {
  const { candidateId, idempotencyKey, ifMatch, ...correction } = body;
  const after = await correctCandidate(
    deps,
    caller,
    candidateId,
    correction,
    idempotencyKey,
    ifMatch,
  );
  return json(200, candidateView(after), { etag: versionETag(after.version) });
});

/**
 * POST /candidates/{id}/corrections `{kind: 'REVOKE_ADMISSION', reason, effectiveOn}`: an
 * administrator revokes an admission; the counters it earned are reversed with a recorded reason.
 */
export const handler = httpRoute(async (event, context) => {
  const caller = callerOf(event);
  assertMayCorrect(caller);
  const candidateId = candidateIdOf(event);
  const idempotencyKey = idempotencyKeyOf(event);
  const correction = parseOrRefuse(
    ROUTES['POST /candidates/{id}/corrections'].body.schema,
    jsonBody(event),
    { code: 'INVALID_BODY' },
  );
  return correct(
    {
      key: `POST /candidates/${candidateId}/corrections ${idempotencyKey}`,
      body: { ...correction, candidateId, idempotencyKey, ifMatch: ifMatchVersionOf(event) },
    },
    caller,
    context,
  );
});
