import { awsDirectoryStore } from '../adapters/dynamodb-directory-store';
import { ROUTES } from '../http/contract/routes';
import { httpApi } from '../http/http-api';
import { json } from '../http/response';
import { on } from '../http/route-binding';

const directory = awsDirectoryStore();

/** GET /me/deliveries: what was sent to the caller, newest first (their own partition only). */
export const handler = httpApi(
  on(ROUTES['GET /me/deliveries'], {
    handle: async ({ caller, query }) => {
      const page = await directory.listDeliveries(caller.userId, query.limit, query.cursor);
      return json(200, { items: page.items, ...(page.cursor ? { nextCursor: page.cursor } : {}) });
    },
  }),
);
