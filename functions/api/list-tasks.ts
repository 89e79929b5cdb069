import { awsCandidateStore } from '../adapters/aws-candidate-store';
import { ROUTES } from '../http/contract/routes';
import { httpApi } from '../http/http-api';
import { json } from '../http/response';
import { on } from '../http/route-binding';
import { listTasks } from '../services/work-queues';

const deps = { store: awsCandidateStore(), now: () => new Date() };

/** GET /tasks?overdue=&dueBefore=&q=&limit=&cursor=: what waits for the caller, soonest due first. */
export const handler = httpApi(
  on(ROUTES['GET /tasks'], {
    handle: async ({ caller, query }) => json(200, await listTasks(deps, caller, query)),
  }),
);
