import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { json } from './response';

/** What a request answers when no route serves its method and path (the API's `$default`). */
export function routeNotFound(event: APIGatewayProxyEventV2) {
  return json(404, {
    code: 'ROUTE_NOT_FOUND',
    message: `Không có đường dẫn ${event.requestContext.http.method} ${event.rawPath}`,
    message_en: `No route ${event.requestContext.http.method} ${event.rawPath}`,
  });
}
