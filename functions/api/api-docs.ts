import { DOCS_PAGE_HEADERS, renderDocsPage } from '../http/contract/docs-page';
import { openApiDocument } from '../http/contract/openapi';
import { httpRoute } from '../http/http-route';
import { json } from '../http/response';

// Generated once per container from the route contract registry; it changes only with the code.
const document = openApiDocument();
const page = renderDocsPage(document);

/**
 * GET /openapi.json and GET /docs, public: the API's contract and its readable page. Neither
 * reads nor writes any data.
 */
export const handler = httpRoute(async (event) => {
  if (event.routeKey === 'GET /docs') {
    return { statusCode: 200, headers: { ...DOCS_PAGE_HEADERS }, body: page };
  }
  return json(200, document, {
    'cache-control': 'public, max-age=300',
    'access-control-allow-origin': '*',
  });
});
