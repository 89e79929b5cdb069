import { awsCandidateStore } from '../adapters/aws-dependencies';
import { parseOrRefuse } from '../domain/parse';
import { callerOf } from '../http/caller-of';
import { httpRoute } from '../http/http-route';
import { json } from '../http/response';
import { ROUTES } from '../http/contract/routes';
import { listTasks } from '../services/work-queues';

const deps = { store: awsCandidateStore(), now: () => new Date() };

/** GET /tasks?overdue=&dueBefore=&q=&limit=&cursor=: what waits for the caller, soonest due first. */
export const handler = httpRoute(async (event) => {
  const caller = callerOf(event);
  const query = parseOrRefuse(ROUTES['GET /tasks'].query, event.queryStringParameters ?? {}, {
    code: 'INVALID_QUERY',
  });
  return json(200, await listTasks(deps, caller, query));
});
