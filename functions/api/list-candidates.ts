import { awsCandidateStore } from '../adapters/aws-dependencies';
import { parseOrRefuse } from '../domain/parse';
import { callerOf } from '../http/caller-of';
import { ROUTES } from '../http/contract/routes';
import { httpRoute } from '../http/http-route';
import { json } from '../http/response';
import { listCandidateQueue } from '../services/work-queues';

const deps = { store: awsCandidateStore(), now: () => new Date() };

/**
 * GET /candidates?unit=&stage=&overdue=&dueBefore=&q=&limit=&cursor=: one page of a work queue,
 * the unit's whole subtree, soonest deadline first.
 */
export const handler = httpRoute(async (event) => {
  const caller = callerOf(event);
  const query = parseOrRefuse(ROUTES['GET /candidates'].query, event.queryStringParameters ?? {}, {
    code: 'INVALID_QUERY',
  });
  return json(200, await listCandidateQueue(deps, caller, query));
});
