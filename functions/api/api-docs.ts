import { builtOnFirstUse } from '../domain/built-on-first-use';
import { DOCS_PAGE_HEADERS, renderDocsPage } from '../http/contract/docs-page';
import { openApiDocument } from '../http/contract/openapi';
import { ROUTES } from '../http/contract/routes';
import { httpApi } from '../http/http-api';
import { json } from '../http/response';
import { on } from '../http/route-binding';

// Generated from the route contract registry at the first request, then kept for the container
// (it changes only with the code): the cold start does not build every route's JSON Schema.
const docs = builtOnFirstUse(() => {
  const document = openApiDocument();
  return { document, page: renderDocsPage(document) };
});

/**
 * GET /openapi.json and GET /docs, public: the API's contract and its readable page. Neither
 * reads nor writes any data.
 */
export const handler = httpApi(
  on(ROUTES['GET /openapi.json'], {
    handle: async () =>
      json(200, docs().document, {
        'cache-control': 'public, max-age=300',
        'access-control-allow-origin': '*',
      }),
  }),
  on(ROUTES['GET /docs'], {
    handle: async () => ({ statusCode: 200, headers: { ...DOCS_PAGE_HEADERS }, body: docs().page }),
  }),
);
