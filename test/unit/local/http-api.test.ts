import * as http from 'node:http';
import * as path from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createFunctionHost, type FunctionHost } from '../../../lib/local/function-host';
import {
  matchRoute,
  readHttpApi,
  startHttpApi,
  toHttpResult,
  type HttpRoute,
  type RunningHttpApi,
} from '../../../lib/local/http-api';
import { createResolver, loadStackTemplate } from '../../../lib/local/template';

const cdkOut = path.join(__dirname, '../../fixtures/local-cdk-out');
const { template, stackName } = loadStackTemplate(cdkOut);
const resolve = createResolver({ template, stackName });

function route(routeKey: string): HttpRoute {
  const [method, routePath] = routeKey === '$default' ? [] : routeKey.split(' ');
  return {
    routeLogicalId: routeKey,
    routeKey,
    method,
    segments: routePath?.split('/').filter(Boolean),
    functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:F',
    authorizationType: 'NONE',
  };
}

describe('matchRoute', () => {
  const routes = [
    '$default',
    'ANY /{proxy+}',
    'GET /pets/{proxy+}',
    'GET /pets/{id}',
    'ANY /pets/dog',
    'GET /pets/dog/{id}',
    'GET /pets/{kind}/1',
  ].map(route);
  const matched = (method: string, rawPath: string) => {
    const match = matchRoute(routes, method, rawPath);
    return match && { routeKey: match.route.routeKey, params: match.pathParameters };
  };

  it('picks the most specific route, like API Gateway', () => {
    expect(matched('GET', '/pets/dog')).toEqual({ routeKey: 'ANY /pets/dog', params: {} });
    expect(matched('GET', '/pets/cat')).toEqual({
      routeKey: 'GET /pets/{id}',
      params: { id: 'cat' },
    });
    expect(matched('GET', '/pets/dog/1')).toEqual({
      routeKey: 'GET /pets/dog/{id}',
      params: { id: '1' },
    });
    expect(matched('GET', '/pets/cat/1')).toEqual({
      routeKey: 'GET /pets/{kind}/1',
      params: { kind: 'cat' },
    });
    expect(matched('GET', '/pets/a/b/c')).toEqual({
      routeKey: 'GET /pets/{proxy+}',
      params: { proxy: 'a/b/c' },
    });
    expect(matched('POST', '/pets/cat')).toEqual({
      routeKey: 'ANY /{proxy+}',
      params: { proxy: 'pets/cat' },
    });
    expect(matched('GET', '/')).toEqual({ routeKey: '$default', params: {} });
  });

  it('URL-decodes path parameters and returns nothing without $default', () => {
    const withoutDefault = routes.filter((r) => r.routeKey !== '$default' && r.method !== 'ANY');
    expect(matchRoute(withoutDefault, 'GET', '/pets/hello%20world%2Fx')?.pathParameters).toEqual({
      id: 'hello world/x',
    });
    expect(matchRoute(withoutDefault, 'DELETE', '/pets/1')).toBeUndefined();
  });
});

describe('toHttpResult (payload format 2.0)', () => {
  it('sends non-structured results as 200 JSON', () => {
    const result = toHttpResult({ ok: true });
    expect(result.statusCode).toBe(200);
    expect(result.headers['content-type']).toBe('application/json');
    expect(result.body.toString()).toBe('{"ok":true}');
    expect(toHttpResult('text').body.toString()).toBe('"text"');
    expect(toHttpResult(null).body.toString()).toBe('null');
  });

  it('uses statusCode, headers, multiValueHeaders, cookies and base64 bodies', () => {
    const result = toHttpResult({
      statusCode: 302,
      headers: { Location: '/next', 'X-Count': 3 },
      multiValueHeaders: { 'X-Tag': ['a', 'b'] },
      cookies: ['a=1', 'b=2'],
      body: Buffer.from('hi').toString('base64'),
      isBase64Encoded: true,
    });
    expect(result.statusCode).toBe(302);
    expect(result.headers).toEqual({
      location: '/next',
      'x-count': '3',
      'x-tag': 'a,b',
      'set-cookie': ['a=1', 'b=2'],
    });
    expect(result.body.toString()).toBe('hi');
    expect(() => toHttpResult({ statusCode: 'nope' })).toThrow(/Malformed/);
  });
});

describe('startHttpApi', () => {
  let host: FunctionHost;
  let api: RunningHttpApi;
  const logged: string[] = [];
  const authorizeCalls: string[] = [];

  beforeAll(async () => {
    host = createFunctionHost({ cdkOut, template, resolve });
    api = await startHttpApi({
      template,
      resolve,
      invoke: (arn, event) => host.invoke(arn, event),
      port: 0,
      maxBodyBytes: 1024,
      pathPrefix: '/api',
      log: (message) => logged.push(message),
      authorize: (event, matched) => {
        authorizeCalls.push(`${matched.authorizationType} ${matched.routeKey}`);
        return event.headers.authorization === 'Bearer good'
          ? { authorized: true, authorizer: { jwt: { claims: { sub: 'user-1' }, scopes: [] } } }
          : { authorized: false };
      },
    });
  });

  afterAll(async () => {
    await api.close();
    await host.close();
  });

  it('reads the routes and their functions from the template', () => {
    const definition = readHttpApi(template, resolve);
    expect(definition.apiId).toBe('HttpApi');
    expect(
      definition.routes.map((r) => `${r.routeKey} → ${r.functionArn.split(':').pop()}`),
    ).toEqual([
      'GET /items/{id} → EchoFunction1A2B3C4D',
      'GET /items/special → ApiFunction',
      'POST /candidates/{id}/actions → ApiFunction',
      'ANY /files/{proxy+} → EchoFunction1A2B3C4D',
      'GET /files/{name} → ApiFunction',
      'GET /boom → ApiFunction',
      'GET /logo.png → BinaryFunction',
    ]);
    expect(api.url).toBe(`http://127.0.0.1:${api.port}`);
  });

  it('builds a payload format 2.0 event and returns a plain result as 200 JSON', async () => {
    const response = await fetch(`${api.url}/items/a%20b?tag=x&tag=y&q=%C3%A9`, {
      headers: { 'X-Custom': 'One', Cookie: 'session=abc; theme=dark', 'User-Agent': 'jest' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('apigw-requestid')).toBeTruthy();
    const { event } = (await response.json()) as { event: APIGatewayProxyEventV2 };
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /items/{id}',
      rawPath: '/items/a%20b',
      rawQueryString: 'tag=x&tag=y&q=%C3%A9',
      cookies: ['session=abc', 'theme=dark'],
      queryStringParameters: { tag: 'x,y', q: 'é' },
      pathParameters: { id: 'a b' },
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        apiId: 'HttpApi',
        domainName: `127.0.0.1:${api.port}`,
        domainPrefix: '127',
        http: {
          method: 'GET',
          path: '/items/a%20b',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'jest',
        },
        routeKey: 'GET /items/{id}',
        stage: '$default',
      },
    });
    expect(event.headers['x-custom']).toBe('One');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect(event.requestContext.time).toMatch(
      /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/,
    );
    expect(Math.abs(event.requestContext.timeEpoch - Date.now())).toBeLessThan(5000);
    expect(event.requestContext.requestId).toBe(response.headers.get('apigw-requestid'));
  });

  it('answers the same routes under the /api prefix, as CloudFront forwards them', async () => {
    const response = await fetch(`${api.url}/api/items/a%20b?tag=x`);
    expect(response.status).toBe(200);
    const { event } = (await response.json()) as { event: APIGatewayProxyEventV2 };
    expect(event).toMatchObject({
      routeKey: 'GET /items/{id}',
      rawPath: '/items/a%20b',
      rawQueryString: 'tag=x',
      pathParameters: { id: 'a b' },
    });
    // Only the whole segment is a prefix: /apiary is not /api.
    expect((await fetch(`${api.url}/apiary/items/x`)).status).toBe(404);
  });

  it('comma-joins repeated request headers', async () => {
    const body = await new Promise<string>((done, fail) => {
      const request = http.request(`${api.url}/items/1`);
      // An array makes Node send the header twice, which API Gateway turns into `a,b`.
      request.setHeader('X-Multi', ['a', 'b']);
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => done(text));
      });
      request.on('error', fail);
      request.end();
    });
    expect(JSON.parse(body).event.headers['x-multi']).toBe('a,b');
  });

  it('prefers the literal route and maps a structured result (status, headers, cookies)', async () => {
    const response = await fetch(`${api.url}/items/special`);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-route-key')).toBe('GET /items/special');
    expect(response.headers.getSetCookie()).toEqual(['session=abc; HttpOnly', 'theme=dark']);
    const { received } = (await response.json()) as { received: APIGatewayProxyEventV2 };
    expect(received.pathParameters).toBeUndefined();
  });

  it('prefers {param} over {proxy+} and passes greedy paths', async () => {
    const byName = await fetch(`${api.url}/files/readme`);
    expect(byName.status).toBe(201);
    const greedy = await fetch(`${api.url}/files/docs/a%2Bb/c.txt`, { method: 'DELETE' });
    const { event } = (await greedy.json()) as { event: APIGatewayProxyEventV2 };
    expect(event.routeKey).toBe('ANY /files/{proxy+}');
    expect(event.pathParameters).toEqual({ proxy: 'docs/a+b/c.txt' });
    expect(event.requestContext.http.method).toBe('DELETE');
  });

  it('passes text bodies as strings and binary bodies as base64', async () => {
    const json = await fetch(`${api.url}/files/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ name: 'Nguyễn' }),
    });
    const text = ((await json.json()) as { event: APIGatewayProxyEventV2 }).event;
    expect(text.body).toBe('{"name":"Nguyễn"}');
    expect(text.isBase64Encoded).toBe(false);

    const bytes = Buffer.from([0, 1, 2, 255]);
    const binary = await fetch(`${api.url}/files/upload`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    const encoded = ((await binary.json()) as { event: APIGatewayProxyEventV2 }).event;
    expect(encoded.isBase64Encoded).toBe(true);
    expect(Buffer.from(encoded.body!, 'base64')).toEqual(bytes);
  });

  it('decodes base64 response bodies', async () => {
    const response = await fetch(`${api.url}/logo.png`);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    );
  });

  it('answers 404 in the project error shape when no route matches', async () => {
    const response = await fetch(`${api.url}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: 'Không tìm thấy đường dẫn',
      message_en: 'Route not found',
    });
    expect((await fetch(`${api.url}/items/1`, { method: 'POST' })).status).toBe(404);
  });

  it('answers 500 like API Gateway when the function throws, and logs the error', async () => {
    const response = await fetch(`${api.url}/boom`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    expect(logged.some((line) => line.includes('GET /boom') && line.includes('boom'))).toBe(true);
  });

  it('answers 413 for bodies above the limit', async () => {
    const response = await fetch(`${api.url}/files/upload`, {
      method: 'POST',
      body: 'x'.repeat(2048),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Dữ liệu gửi lên quá lớn',
      message_en: 'Payload too large',
    });
  });

  it('asks the authorize hook on routes with an authorizer', async () => {
    const denied = await fetch(`${api.url}/candidates/7/actions`, { method: 'POST', body: '{}' });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ message: 'Unauthorized' });
    const allowed = await fetch(`${api.url}/candidates/7/actions`, {
      method: 'POST',
      headers: { authorization: 'Bearer good', 'content-type': 'application/json' },
      body: '{"action":"approve"}',
    });
    expect(allowed.status).toBe(201);
    const { received } = (await allowed.json()) as {
      received: APIGatewayProxyEventV2 & { requestContext: { authorizer: unknown } };
    };
    expect(received.pathParameters).toEqual({ id: '7' });
    expect(received.body).toBe('{"action":"approve"}');
    expect(received.requestContext.authorizer).toEqual({
      jwt: { claims: { sub: 'user-1' }, scopes: [] },
    });
    expect(authorizeCalls).toEqual([
      'JWT POST /candidates/{id}/actions',
      'JWT POST /candidates/{id}/actions',
    ]);
  });

  it('answers CORS preflights from the API CorsConfiguration', async () => {
    const preflight = await fetch(`${api.url}/items/1`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    const other = await fetch(`${api.url}/items/1`, { headers: { origin: 'http://evil.test' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
