import '../support/silent-logs';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { refuse } from '../../../functions/domain/refusal';
import { ROUTES } from '../../../functions/http/contract/routes';
import { httpApi } from '../../../functions/http/http-api';
import { json } from '../../../functions/http/response';
import { on } from '../../../functions/http/route-binding';

function event(
  routeKey: string,
  over: Partial<APIGatewayProxyEventV2> = {},
): APIGatewayProxyEventV2 {
  const [method, rawPath] = routeKey.split(' ');
  return {
    routeKey,
    rawPath,
    headers: {},
    requestContext: {
      http: { method, path: rawPath, sourceIp: '127.0.0.1', userAgent: 'jest' },
      authorizer: {
        jwt: { claims: { sub: 'u-1', 'custom:unit_id': 'hn', name: 'Trần Thị Bình' } },
      },
    },
    ...over,
  } as unknown as APIGatewayProxyEventV2;
}

const bodyOf = (response: { body: string }) => JSON.parse(response.body) as Record<string, unknown>;

describe('the contract middleware', () => {
  it('hands the handler the caller and the query as the route schema gives them', async () => {
    const seen: unknown[] = [];
    const handler = httpApi(
      on(ROUTES['GET /tasks'], {
        handle: async ({ caller, query }) => {
          seen.push({ userId: caller.userId, limit: query.limit, overdue: query.overdue });
          return json(200, {});
        },
      }),
    );
    const response = await handler(
      event('GET /tasks', { queryStringParameters: { limit: '5', overdue: 'true' } }),
      {} as Context,
    );
    expect(response.statusCode).toBe(200);
    expect(seen).toEqual([{ userId: 'u-1', limit: 5, overdue: true }]);
  });

  it('answers a route key the function does not serve as the route-not-found 404', async () => {
    let called = false;
    const handler = httpApi(
      on(ROUTES['GET /units/{id}'], {
        handle: async () => {
          called = true;
          return json(200, {});
        },
      }),
    );
    const response = await handler(
      event('DELETE /units/{id}', { pathParameters: { id: 'hn' } }),
      {} as Context,
    );
    expect(called).toBe(false);
    expect(response.statusCode).toBe(404);
    expect(bodyOf(response)).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: 'Không có đường dẫn DELETE /units/{id}',
      message_en: 'No route DELETE /units/{id}',
    });
  });

  it('runs the authorization before reading the request', async () => {
    const handler = httpApi(
      on(ROUTES['GET /classes/{id}'], {
        authorize: () =>
          refuse('forbidden', { code: 'ROLE_NOT_ALLOWED', message: 'Không', message_en: 'No' }),
        handle: async () => json(200, {}),
      }),
    );
    // The path is malformed too: the role is what the caller learns first.
    const response = await handler(
      event('GET /classes/{id}', { pathParameters: { id: 'x'.repeat(300) } }),
      {} as Context,
    );
    expect(response.statusCode).toBe(403);
    expect(bodyOf(response).code).toBe('ROLE_NOT_ALLOWED');
  });

  it('refuses a malformed candidate id as the candidate not found, naming the parameter', async () => {
    const handler = httpApi(
      on(ROUTES['GET /candidates/{id}'], { handle: async () => json(200, {}) }),
    );
    const response = await handler(
      event('GET /candidates/{id}', { pathParameters: { id: '../etc' } }),
      {} as Context,
    );
    expect(response.statusCode).toBe(404);
    expect(bodyOf(response)).toMatchObject({ code: 'CANDIDATE_NOT_FOUND', field: 'id' });
  });

  it('refuses to serve an idempotent route without the idempotency store', () => {
    const binding = on(ROUTES['POST /classes'], { handle: async () => json(201, {}) });
    expect(() => httpApi(binding)).toThrow(
      'POST /classes is idempotent: serve it with idempotentHttpApi',
    );
  });

  it('refuses to bind one route twice', () => {
    const binding = on(ROUTES['GET /docs'], { handle: async () => json(200, {}) });
    expect(() => httpApi(binding, binding)).toThrow('A route is bound twice');
  });
});
