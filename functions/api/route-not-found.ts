import { httpRoute } from '../http/http-route';
import { json } from '../http/response';

/** The API's `$default` route, so that unknown paths answer in the one error shape too. */
export const handler = httpRoute(async (event) =>
  json(404, {
    code: 'ROUTE_NOT_FOUND',
    message: `Không có đường dẫn ${event.requestContext.http.method} ${event.rawPath}`,
    message_en: `No route ${event.requestContext.http.method} ${event.rawPath}`,
  }),
);
