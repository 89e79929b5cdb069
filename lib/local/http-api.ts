/**
 * Serves the template's API Gateway HTTP API (ApiGatewayV2) with node:http. Handlers receive the
 * same payload format 2.0 event and their results are mapped with the same rules as in AWS, so a
 * handler that works here works behind the real API, and vice versa.
 */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { AccessContext } from './access-log';
import { createRouteThrottler, readStageThrottling, type StageThrottling } from './route-throttle';
import { listResources, type CfnTemplate, type Resolve } from './template';

export interface HttpRoute {
  routeLogicalId: string;
  /** As in the template: `GET /items/{id}`, `ANY /{proxy+}` or `$default`. */
  routeKey: string;
  /** Upper case, or `ANY`; `undefined` for `$default`. */
  method?: string;
  /** Path segments of the route, e.g. `['items', '{id}']`; `undefined` for `$default`. */
  segments?: string[];
  functionArn: string;
  authorizationType: string;
  authorizerId?: string;
  authorizationScopes?: string[];
}

interface CorsConfiguration {
  AllowOrigins?: string[];
  AllowMethods?: string[];
  AllowHeaders?: string[];
  ExposeHeaders?: string[];
  MaxAge?: number;
  AllowCredentials?: boolean;
}

export interface HttpApiDefinition {
  apiLogicalId: string;
  apiId: string;
  routes: HttpRoute[];
  cors?: CorsConfiguration;
  /** The `$default` stage's throttling (DefaultRouteSettings and per-route RouteSettings). */
  throttling: StageThrottling;
}

export type AuthorizeResult =
  | { authorized: true; /** Becomes `event.requestContext.authorizer`. */ authorizer?: object }
  | { authorized: false; statusCode?: 401 | 403 };

/** Called for routes whose AuthorizationType is not NONE (JWT, CUSTOM, AWS_IAM). */
export type Authorize = (
  event: APIGatewayProxyEventV2,
  route: HttpRoute,
) => AuthorizeResult | Promise<AuthorizeResult>;

export interface HttpApiOptions {
  /** Local-only pages served beside the API; each returns true when it handled the request. */
  extraHandlers?: ((request: http.IncomingMessage, response: http.ServerResponse) => boolean)[];
  template: CfnTemplate;
  resolve: Resolve;
  invoke: (functionArn: string, event: unknown) => Promise<unknown>;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  authorize?: Authorize;
  /** Needed only when the template has several HTTP APIs. */
  apiLogicalId?: string;
  /** API Gateway HTTP APIs reject payloads above 10 MB. */
  maxBodyBytes?: number;
  /** Where integration failures are reported; stderr by default. */
  log?: (message: string) => void;
  /** Each request's `$context` values, once answered (the stage's access log). */
  onAccess?: (context: AccessContext) => void;
  /**
   * A path prefix that reaches the same routes (`/api`): CloudFront forwards `/api/*` to the API
   * without the prefix, so the console calls the API identically on AWS and here.
   */
  pathPrefix?: string;
}

export interface RunningHttpApi {
  url: string;
  port: number;
  api: HttpApiDefinition;
  close(): Promise<void>;
}

const TEN_MEGABYTES = 10 * 1024 * 1024;

export function readHttpApi(
  template: CfnTemplate,
  resolve: Resolve,
  apiLogicalId?: string,
): HttpApiDefinition {
  const apis = listResources(template, 'AWS::ApiGatewayV2::Api').filter(
    ({ resource }) => (resource.Properties?.ProtocolType ?? 'HTTP') === 'HTTP',
  );
  const api = apiLogicalId ? apis.find((a) => a.logicalId === apiLogicalId) : apis[0];
  if (!api) throw new Error(`No HTTP API ${apiLogicalId ?? ''} in the template.`);
  if (!apiLogicalId && apis.length > 1) {
    const ids = apis.map((a) => a.logicalId).join(', ');
    throw new Error(`The template has several HTTP APIs (${ids}); pass apiLogicalId.`);
  }
  const apiId = String(resolve({ Ref: api.logicalId }));

  const routes: HttpRoute[] = [];
  for (const { logicalId, resource } of listResources(template, 'AWS::ApiGatewayV2::Route')) {
    const properties = resolve(resource.Properties ?? {}) as Record<string, unknown>;
    if (properties.ApiId !== apiId || typeof properties.Target !== 'string') continue;
    const integrationId = properties.Target.replace(/^integrations\//, '');
    const integration = template.Resources[integrationId];
    const uri = String(resolve(integration?.Properties?.IntegrationUri ?? ''));
    // Either the function ARN itself or the apigateway `.../functions/<arn>/invocations` form.
    const functionArn = /arn:[^:]+:lambda:[^:]*:[^:]*:function:[^/:]+/.exec(uri)?.[0];
    if (!functionArn) continue; // HTTP_PROXY and service integrations are not hosted locally
    const routeKey = String(properties.RouteKey);
    const [method, routePath] = routeKey === '$default' ? [] : routeKey.split(' ');
    routes.push({
      routeLogicalId: logicalId,
      routeKey,
      method: method?.toUpperCase(),
      segments: routePath === undefined ? undefined : splitPath(routePath),
      functionArn,
      authorizationType: String(properties.AuthorizationType ?? 'NONE'),
      authorizerId: properties.AuthorizerId as string | undefined,
      authorizationScopes: properties.AuthorizationScopes as string[] | undefined,
    });
  }
  const cors = resolve(api.resource.Properties?.CorsConfiguration) as CorsConfiguration | undefined;
  const stage = listResources(template, 'AWS::ApiGatewayV2::Stage')
    .map(({ resource }) => resolve(resource.Properties ?? {}) as Record<string, unknown>)
    .find((properties) => properties.ApiId === apiId && properties.StageName === '$default');
  const throttling = readStageThrottling(stage ?? {});
  return { apiLogicalId: api.logicalId, apiId, routes, cors, throttling };
}

function splitPath(path: string): string[] {
  const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
  return trimmed === '' ? [] : trimmed.split('/');
}

export interface RouteMatch {
  route: HttpRoute;
  pathParameters: Record<string, string>;
}

/**
 * API Gateway picks the most specific route: routes without a greedy `{proxy+}` beat greedy ones,
 * a literal segment beats a `{param}` at the first position where they differ, a longer greedy
 * prefix beats a shorter one, a named method beats ANY, and `$default` comes last.
 */
export function matchRoute(
  routes: HttpRoute[],
  method: string,
  rawPath: string,
): RouteMatch | undefined {
  const requestSegments = splitPath(rawPath);
  const candidates: { match: RouteMatch; rank: number[] }[] = [];
  for (const route of routes) {
    if (!route.segments || (route.method !== 'ANY' && route.method !== method)) continue;
    const pathParameters = matchSegments(route.segments, requestSegments);
    if (!pathParameters) continue;
    const greedy = route.segments.at(-1)?.endsWith('+}') ?? false;
    const segmentRanks = route.segments.map((s) =>
      !s.startsWith('{') ? 2 : s.endsWith('+}') ? 0 : 1,
    );
    const rank = [greedy ? 0 : 1, ...segmentRanks, route.method === 'ANY' ? 0 : 1];
    candidates.push({ match: { route, pathParameters }, rank });
  }
  candidates.sort((a, b) => compareRanks(b.rank, a.rank));
  if (candidates[0]) return candidates[0].match;
  const fallback = routes.find((route) => route.routeKey === '$default');
  return fallback && { route: fallback, pathParameters: {} };
}

function compareRanks(a: number[], b: number[]): number {
  // The last entry (method) only decides between routes with identical paths.
  const pathA = a.slice(0, -1);
  const pathB = b.slice(0, -1);
  for (let i = 0; i < Math.min(pathA.length, pathB.length); i++) {
    if (pathA[i] !== pathB[i]) return pathA[i] - pathB[i];
  }
  if (pathA.length !== pathB.length) return pathA.length - pathB.length;
  return a[a.length - 1] - b[b.length - 1];
}

function matchSegments(route: string[], request: string[]): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (let i = 0; i < route.length; i++) {
    const segment = route[i];
    if (segment.startsWith('{') && segment.endsWith('+}')) {
      const rest = request.slice(i);
      if (rest.length === 0 || rest.join('') === '') return undefined;
      parameters[segment.slice(1, -2)] = rest.map(decodeSegment).join('/');
      return parameters;
    }
    const value = request[i];
    if (value === undefined || value === '') return undefined;
    if (segment.startsWith('{') && segment.endsWith('}')) {
      parameters[segment.slice(1, -1)] = decodeSegment(value);
    } else if (segment !== value) {
      return undefined;
    }
  }
  return route.length === request.length ? parameters : undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** API Gateway passes these as text; any other body is base64-encoded. */
function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return true;
  const mime = contentType.split(';')[0].trim().toLowerCase();
  return (
    mime.startsWith('text/') ||
    /^application\/(json|xml|javascript|graphql|x-ndjson)$/.test(mime) ||
    /\+(json|xml)$/.test(mime)
  );
}

interface RequestFacts {
  method: string;
  url: string;
  httpVersion: string;
  rawHeaders: string[];
  sourceIp: string;
  body: Buffer;
}

function toHttpApiEvent(
  request: RequestFacts,
  match: RouteMatch,
  context: { apiId: string; accountId: string; requestId: string; now?: Date },
): APIGatewayProxyEventV2 {
  const now = context.now ?? new Date();
  const questionMark = request.url.indexOf('?');
  const rawPath = questionMark < 0 ? request.url : request.url.slice(0, questionMark);
  const rawQueryString = questionMark < 0 ? '' : request.url.slice(questionMark + 1);

  // Repeated headers are comma-joined, and the cookie header moves to `cookies`, as in 2.0.
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i].toLowerCase();
    const value = request.rawHeaders[i + 1];
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((c) => c.trim())
          .filter(Boolean),
      );
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  headers['x-forwarded-for'] ??= request.sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  const domainName = headers.host ?? 'localhost';
  headers['x-forwarded-port'] ??= domainName.split(':')[1] ?? '80';

  const queryStringParameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    queryStringParameters[name] =
      name in queryStringParameters ? `${queryStringParameters[name]},${value}` : value;
  }

  const text = isTextContentType(headers['content-type']);
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: match.route.routeKey,
    rawPath,
    rawQueryString,
    headers,
    requestContext: {
      accountId: context.accountId,
      apiId: context.apiId,
      domainName,
      domainPrefix: domainName.split('.')[0],
      http: {
        method: request.method,
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: context.requestId,
      routeKey: match.route.routeKey,
      stage: '$default',
      time: formatRequestTime(now),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: false,
  };
  // Absent rather than empty, as API Gateway sends them.
  if (cookies.length) event.cookies = cookies;
  if (Object.keys(queryStringParameters).length) {
    event.queryStringParameters = queryStringParameters;
  }
  if (Object.keys(match.pathParameters).length) event.pathParameters = match.pathParameters;
  if (request.body.length) {
    event.body = request.body.toString(text ? 'utf8' : 'base64');
    event.isBase64Encoded = !text;
  }
  return event;
}

/** `12/Mar/2020:19:03:58 +0000`, API Gateway's requestContext.time format. */
function formatRequestTime(date: Date): string {
  const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * Payload format 2.0 response rules: an object with `statusCode` is a structured response;
 * anything else is sent as a 200 application/json body of its JSON.
 */
export function toHttpResult(result: unknown): HttpResult {
  const structured =
    typeof result === 'object' &&
    result !== null &&
    !Array.isArray(result) &&
    'statusCode' in result;
  if (!structured) {
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(result ?? null)),
    };
  }
  const response = result as {
    statusCode: unknown;
    headers?: Record<string, unknown>;
    multiValueHeaders?: Record<string, unknown[]>;
    cookies?: unknown[];
    body?: unknown;
    isBase64Encoded?: boolean;
  };
  const statusCode = Number(response.statusCode);
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new Error(`Malformed Lambda proxy response: statusCode ${response.statusCode}`);
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    headers[name.toLowerCase()] = String(value);
  }
  for (const [name, values] of Object.entries(response.multiValueHeaders ?? {})) {
    const key = name.toLowerCase();
    const all = [
      ...(headers[key] === undefined ? [] : [headers[key]].flat()),
      ...values.map(String),
    ];
    headers[key] = key === 'set-cookie' ? all : all.join(',');
  }
  if (response.cookies?.length) {
    const existing = headers['set-cookie'];
    headers['set-cookie'] = [
      ...(existing === undefined ? [] : [existing].flat()),
      ...response.cookies.map(String),
    ];
  }
  const body =
    response.body === undefined || response.body === null
      ? Buffer.alloc(0)
      : typeof response.body === 'string'
        ? Buffer.from(response.body, response.isBase64Encoded ? 'base64' : 'utf8')
        : Buffer.from(JSON.stringify(response.body));
  return { statusCode, headers, body };
}

function jsonResult(statusCode: number, payload: object): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(payload)),
  };
}

const ROUTE_NOT_FOUND = {
  code: 'ROUTE_NOT_FOUND',
  message: 'Không tìm thấy đường dẫn',
  message_en: 'Route not found',
};
/**
 * What API Gateway answers a throttled request: its own body, not the integration's error shape
 * (HTTP APIs have no customisable gateway responses), and no Retry-After header.
 */
const TOO_MANY_REQUESTS = { message: 'Too Many Requests' };
const PAYLOAD_TOO_LARGE = {
  code: 'PAYLOAD_TOO_LARGE',
  message: 'Dữ liệu gửi lên quá lớn',
  message_en: 'Payload too large',
};

export async function startHttpApi(options: HttpApiOptions): Promise<RunningHttpApi> {
  const api = readHttpApi(options.template, options.resolve, options.apiLogicalId);
  const accountId = String(options.resolve({ Ref: 'AWS::AccountId' }));
  const maxBodyBytes = options.maxBodyBytes ?? TEN_MEGABYTES;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const throttler = createRouteThrottler(api.throttling);

  const handle = async (
    request: http.IncomingMessage,
    body: Buffer,
    access: AccessContext,
  ): Promise<HttpResult> => {
    const method = (request.method ?? 'GET').toUpperCase();
    const url = withoutPrefix(request.url ?? '/', options.pathPrefix);
    const preflight = corsPreflight(api.cors, method, request.headers);
    if (preflight) return preflight;

    const match = matchRoute(api.routes, method, url.split('?')[0]);
    if (!match) return jsonResult(404, ROUTE_NOT_FOUND);
    const requestId = access.requestId as string;
    access.routeKey = match.route.routeKey;
    // The stage throttles before the authorizer and the integration run.
    if (!throttler.admit(match.route.routeKey)) {
      const result = jsonResult(429, TOO_MANY_REQUESTS);
      result.headers['apigw-requestid'] = requestId;
      return result;
    }
    const event = toHttpApiEvent(
      {
        method,
        url,
        httpVersion: request.httpVersion,
        rawHeaders: request.rawHeaders,
        sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        body,
      },
      match,
      { apiId: api.apiId, accountId, requestId },
    );

    if (options.authorize && match.route.authorizationType !== 'NONE') {
      const decision = await options.authorize(event, match.route);
      if (!decision.authorized) {
        const status = decision.statusCode ?? 401;
        return jsonResult(status, { message: status === 403 ? 'Forbidden' : 'Unauthorized' });
      }
      if (decision.authorizer) {
        (event.requestContext as { authorizer?: object }).authorizer = decision.authorizer;
      }
    }

    try {
      const result = toHttpResult(await options.invoke(match.route.functionArn, event));
      result.headers['apigw-requestid'] = requestId;
      return result;
    } catch (error) {
      const err = error as Error;
      access.integrationErrorMessage = err.message;
      log(`[http-api] ${method} ${url} (${match.route.routeKey}) failed: ${err.stack ?? err}`);
      return jsonResult(500, { message: 'Internal Server Error' });
    }
  };

  const server = http.createServer((request, response) => {
    // Local-only pages (the inbox) answer before any API route is matched.
    for (const handle of options.extraHandlers ?? []) if (handle(request, response)) return;
    const startedAt = performance.now();
    const access: AccessContext = { requestId: randomBytes(11).toString('base64') };
    const send = (result: HttpResult, closeConnection = false) => {
      const headers = { ...result.headers, ...corsHeaders(api.cors, request.headers.origin) };
      headers['content-length'] = String(result.body.length);
      if (closeConnection) headers.connection = 'close';
      response.writeHead(result.statusCode, headers);
      response.end(request.method === 'HEAD' ? undefined : result.body);
      access.status = result.statusCode;
      access.responseLatency = Math.round(performance.now() - startedAt);
      options.onAccess?.(access);
    };
    const tooLarge = () => {
      send(jsonResult(413, PAYLOAD_TOO_LARGE), true);
      // Stop reading the rest of an oversized upload once the answer is out.
      response.once('finish', () => request.destroy());
    };

    if (Number(request.headers['content-length'] ?? 0) > maxBodyBytes) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    let rejected = false;
    request.on('data', (chunk: Buffer) => {
      if (rejected) return;
      size += chunk.length;
      if (size > maxBodyBytes) {
        rejected = true;
        tooLarge();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (rejected) return;
      handle(request, Buffer.concat(chunks), access).then(send, (error: Error) => {
        log(`[http-api] ${request.method} ${request.url} failed: ${error.stack ?? error}`);
        send(jsonResult(500, { message: 'Internal Server Error' }));
      });
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    api,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function withoutPrefix(url: string, prefix: string | undefined): string {
  if (
    !prefix ||
    (url !== prefix && !url.startsWith(`${prefix}/`) && !url.startsWith(`${prefix}?`))
  ) {
    return url;
  }
  const rest = url.slice(prefix.length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** API Gateway answers CORS preflights itself when the API has a CorsConfiguration. */
function corsPreflight(
  cors: CorsConfiguration | undefined,
  method: string,
  headers: http.IncomingHttpHeaders,
): HttpResult | undefined {
  if (!cors || method !== 'OPTIONS' || !headers.origin) return undefined;
  if (!headers['access-control-request-method']) return undefined;
  const result: HttpResult = { statusCode: 204, headers: {}, body: Buffer.alloc(0) };
  if (!allowedOrigin(cors, headers.origin)) return result;
  const allowHeaders = cors.AllowHeaders ?? [];
  result.headers = {
    'access-control-allow-methods': (cors.AllowMethods ?? ['*']).join(','),
    ...(allowHeaders.length && {
      'access-control-allow-headers': allowHeaders.includes('*')
        ? String(headers['access-control-request-headers'] ?? '*')
        : allowHeaders.join(','),
    }),
    ...(cors.MaxAge !== undefined && { 'access-control-max-age': String(cors.MaxAge) }),
  };
  return result;
}

function corsHeaders(cors: CorsConfiguration | undefined, origin: string | undefined) {
  const headers: Record<string, string> = {};
  const allowed = cors && origin ? allowedOrigin(cors, origin) : undefined;
  if (!cors || !allowed) return headers;
  headers['access-control-allow-origin'] = allowed;
  if (cors.AllowCredentials) headers['access-control-allow-credentials'] = 'true';
  if (cors.ExposeHeaders?.length) {
    headers['access-control-expose-headers'] = cors.ExposeHeaders.join(',');
  }
  return headers;
}

function allowedOrigin(cors: CorsConfiguration, origin: string): string | undefined {
  const origins = cors.AllowOrigins ?? [];
  if (origins.includes(origin)) return origin;
  if (origins.includes('*')) return cors.AllowCredentials ? origin : '*';
  return undefined;
}
