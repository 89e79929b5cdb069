import { awsCandidateStore } from '../adapters/aws-candidate-store';
import { ROUTES } from '../http/contract/routes';
import { httpApi } from '../http/http-api';
import { json } from '../http/response';
import { on } from '../http/route-binding';
import { listCandidateQueue } from '../services/work-queues';

const deps = { store: awsCandidateStore(), now: () => new Date() };

/**
 * GET /candidates?unit=&stage=&overdue=&dueBefore=&q=&limit=&cursor=: one page of a work queue,
 * the unit's whole subtree, soonest deadline first.
 */
export const handler = httpApi(
  on(ROUTES['GET /candidates'], {
    handle: async ({ caller, query }) => json(200, await listCandidateQueue(deps, caller, query)),
  }),
);
