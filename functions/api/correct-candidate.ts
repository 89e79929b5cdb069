import { awsCandidateStore } from '../adapters/aws-candidate-store';
import { assertMayCorrect } from '../domain/access';
import { candidateView } from '../http/candidate-view';
import { ROUTES } from '../http/contract/routes';
import { versionETag } from '../http/etag';
import { idempotentHttpApi } from '../http/idempotent-http-api';
import { json } from '../http/response';
import { on } from '../http/route-binding';
import { createPipelineMetrics } from '../observability/transition-metrics';
import { correctCandidate } from '../services/correct-candidate';

// No workflow: a correction closes a candidate that no execution holds any more.
const deps = {
  store: awsCandidateStore(),
  now: () => new Date(),
  metrics: createPipelineMetrics(),
};

/**
 * POST /candidates/{id}/corrections `{kind: 'REVOKE_ADMISSION', reason, effectiveOn}`: an
 * administrator revokes an admission; the counters it earned are reversed with a recorded reason.
 */
export const handler = idempotentHttpApi(
  on(ROUTES['POST /candidates/{id}/corrections'], {
    authorize: assertMayCorrect,
    handle: async ({ caller, path: { id }, body, idempotencyKey, ifMatch }) => {
      const after = await correctCandidate(deps, caller, id, body, idempotencyKey, ifMatch);
      return json(200, candidateView(after), { etag: versionETag(after.version) });
    },
  }),
);
