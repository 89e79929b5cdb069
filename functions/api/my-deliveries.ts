import { awsDirectoryStore } from '../adapters/dynamodb-directory-store';
import { parseOrRefuse } from '../domain/parse';
import { callerOf } from '../http/caller-of';
import { ROUTES } from '../http/contract/routes';
import { httpRoute } from '../http/http-route';
import { json } from '../http/response';

const directory = awsDirectoryStore();

/** GET /me/deliveries: what was sent to the caller, newest first (their own partition only). */
export const handler = httpRoute(async (event) => {
  const caller = callerOf(event);
  const query = parseOrRefuse(
    ROUTES['GET /me/deliveries'].query,
    event.queryStringParameters ?? {},
    { code: 'INVALID_QUERY' },
  );
  const page = await directory.listDeliveries(caller.userId, query.limit, query.cursor);
  return json(200, { items: page.items, ...(page.cursor ? { nextCursor: page.cursor } : {}) });
});
