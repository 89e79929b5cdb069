import '../support/silent-logs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { Refusal } from '../../../functions/domain/refusal';
import { ERROR_CODES } from '../../../functions/http/contract/error-codes';
import { type RouteContract, routeKeyOf } from '../../../functions/http/contract/route';
import { allRoutes } from '../../../functions/http/contract/routes';
import { csvBody } from '../../../functions/http/csv-body';
import { httpApi } from '../../../functions/http/http-api';
import { MAX_BODY_BYTES } from '../../../functions/http/json-body';
import { on } from '../../../functions/http/route-binding';
import { readRouteInput, type RouteReading } from '../../../functions/http/route-input';
import { MAX_SPREADSHEET_BYTES, spreadsheetBody } from '../../../functions/http/spreadsheet-body';
import { unitImportRows } from '../../../functions/http/unit-import-body';
import { XLSX_CONTENT_TYPE } from '../../../functions/http/xlsx';

/*
 * Every refusal code a route documents in the registry is produced by some test, and the contract
 * middleware answers no code its route does not document.
 *
 * The codes of the one enforcement point (functions/http/contract-middleware.ts) are produced
 * here, for every route, by requests it must refuse. The codes of services and rules must be
 * asserted by another test (unit or e2e): some test source names the code.
 */

const ROOT = join(__dirname, '../../..');

/** The routes whose body is not the route's JSON, with the reader their binding declares. */
const READERS: Record<string, NonNullable<RouteReading<unknown>['readBody']>> = {
  'POST /quotas/import': csvBody,
  'POST /onboarding/imports': spreadsheetBody,
  'POST /units/import': unitImportRows,
};

const VALID_ID = 'abc123';
const MALFORMED_ID = 'x'.repeat(2000);

interface Request {
  claims?: boolean;
  headers?: Record<string, string>;
  path?: string;
  query?: Record<string, string>;
  body?: string;
  base64?: boolean;
}

function eventFor(route: RouteContract, request: Request = {}): APIGatewayProxyEventV2 {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const claims = request.claims === false ? undefined : { sub: 'u-1', 'custom:unit_id': 'hn' };
  return {
    routeKey: routeKeyOf(route),
    rawPath: route.path,
    headers: {
      'content-type': route.body?.contentType ?? 'application/json',
      'idempotency-key': 'key-00000001',
      ...request.headers,
    },
    pathParameters: Object.fromEntries(names.map((n) => [n, request.path ?? VALID_ID])),
    queryStringParameters: request.query,
    body: request.body,
    isBase64Encoded: request.base64 ?? false,
    requestContext: {
      http: { method: route.method, path: route.path, sourceIp: '127.0.0.1', userAgent: 'jest' },
      authorizer: claims ? { jwt: { claims } } : undefined,
    },
  } as unknown as APIGatewayProxyEventV2;
}

async function refusalCodeOf(route: RouteContract, request: Request): Promise<string | undefined> {
  const reading = { readBody: READERS[routeKeyOf(route)] };
  try {
    await readRouteInput(route, reading, eventFor(route, request));
    return undefined;
  } catch (error) {
    if (error instanceof Refusal) return error.body.code;
    throw error;
  }
}

type BodyKind = 'json' | 'csv' | 'spreadsheet' | 'json-or-csv';
const bodyKindOf = (route: RouteContract): BodyKind | undefined => {
  if (!route.body) return undefined;
  const reader = READERS[routeKeyOf(route)];
  if (reader === csvBody) return 'csv';
  if (reader === spreadsheetBody) return 'spreadsheet';
  if (reader === unitImportRows) return 'json-or-csv';
  return 'json';
};

const notUtf8 = Buffer.from([0x61, 0xff, 0xfe, 0x62]).toString('base64');

/** Requests the middleware must refuse, for the routes each applies to. */
const PROBES: { name: string; applies: (r: RouteContract) => boolean; request: Request }[] = [
  { name: 'no caller', applies: (r) => r.auth === 'jwt', request: { claims: false } },
  {
    name: 'no Idempotency-Key',
    applies: (r) => Boolean(r.idempotent),
    request: { headers: { 'idempotency-key': '' } },
  },
  {
    name: 'a short Idempotency-Key',
    applies: (r) => Boolean(r.idempotent),
    request: { headers: { 'idempotency-key': 'short' } },
  },
  {
    name: 'an If-Match that is no ETag',
    applies: (r) => Boolean(r.ifMatch),
    request: { headers: { 'if-match': 'latest' } },
  },
  {
    name: 'a malformed path id',
    applies: (r) => Boolean(r.params),
    request: { path: MALFORMED_ID },
  },
  { name: 'an unknown query', applies: (r) => Boolean(r.query), request: { query: { zzz: '1' } } },
  { name: 'no body', applies: (r) => Boolean(r.body), request: { body: '' } },
  {
    name: 'an unknown media type',
    applies: (r) => Boolean(r.body),
    request: { body: 'x', headers: { 'content-type': 'application/x-unknown' } },
  },
  {
    name: 'broken JSON',
    applies: (r) => ['json', 'json-or-csv'].includes(bodyKindOf(r) ?? ''),
    request: { body: '{', headers: { 'content-type': 'application/json' } },
  },
  {
    name: 'JSON of the wrong shape',
    applies: (r) => ['json', 'json-or-csv'].includes(bodyKindOf(r) ?? ''),
    request: { body: '{"zzz":1}', headers: { 'content-type': 'application/json' } },
  },
  {
    name: 'a workbook that is not one',
    applies: (r) => bodyKindOf(r) === 'spreadsheet',
    request: {
      body: Buffer.from('not a zip').toString('base64'),
      base64: true,
      headers: { 'content-type': XLSX_CONTENT_TYPE },
    },
  },
  {
    name: 'a body over the limit',
    applies: (r) => Boolean(r.body),
    request: { body: 'x'.repeat(Math.max(MAX_BODY_BYTES, MAX_SPREADSHEET_BYTES) + 1) },
  },
  {
    name: 'bytes that are not UTF-8',
    applies: (r) => Boolean(r.body),
    request: { body: notUtf8, base64: true },
  },
];

const routes = allRoutes();

/** For each route, the codes the probes drew from the middleware. */
async function probedCodes(route: RouteContract): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  for (const probe of PROBES.filter((p) => p.applies(route))) {
    const code = await refusalCodeOf(route, probe.request);
    if (code) codes.set(code, probe.name);
  }
  return codes;
}

/** Whatever a handler throws becomes the one error shape, on every route's stack. */
async function handlerErrorCodes(route: RouteContract): Promise<string[]> {
  const bare = {
    ...route,
    idempotent: false,
    params: undefined,
    query: undefined,
    body: undefined,
  };
  const codes: string[] = [];
  const failures: Error[] = [
    new Error('a bug'),
    // A public route reads and writes nothing: no AWS call of its can be throttled.
    ...(route.auth === 'jwt'
      ? [Object.assign(new Error('throttled'), { name: 'ThrottlingException' })]
      : []),
    ...(route.idempotent
      ? [
          Object.assign(new Error('conflict'), {
            name: 'TransactionCanceledException',
            CancellationReasons: [{ Code: 'TransactionConflict' }],
          }),
        ]
      : []),
  ];
  for (const failure of failures) {
    const handler = httpApi(
      on(bare, {
        handle: async () => {
          throw failure;
        },
      }),
    );
    const response = await handler(eventFor(bare), {} as Context);
    codes.push((JSON.parse(response.body) as { code: string }).code);
  }
  return codes;
}

/** The error codes the sources under `dir` name ('CODE', "CODE", `CODE` or /CODE/). */
function codesNamedUnder(dir: string, skip: (path: string) => boolean): Set<string> {
  const known = new Set(Object.keys(ERROR_CODES));
  const named = new Set<string>();
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !skip(path)) {
        for (const [, code] of readFileSync(path, 'utf8').matchAll(
          /['"`/]([A-Z][A-Z0-9_]+)['"`/]/g,
        )) {
          if (known.has(code)) named.add(code);
        }
      }
    }
  };
  walk(join(ROOT, dir));
  return named;
}

describe('refusal codes and the tests that produce them', () => {
  it('knows the reader of every route whose body is not JSON', () => {
    const custom = routes
      .filter((r) => r.body && (r.body.contentType || r.body.alternatives))
      .map(routeKeyOf);
    expect(custom.sort()).toEqual(Object.keys(READERS).sort());
  });

  it.each(routes.map((r) => [routeKeyOf(r), r] as const))(
    '%s: the middleware answers only codes the route documents',
    async (_key, route) => {
      const undocumented = [...(await probedCodes(route))]
        .filter(([code]) => !route.errors.includes(code as never))
        .map(([code, probe]) => `${code} (${probe})`);
      const fromHandler = (await handlerErrorCodes(route)).filter(
        (code) => !route.errors.includes(code as never),
      );
      expect([...undocumented, ...fromHandler]).toEqual([]);
    },
  );

  it('every code a route documents is produced by some test', async () => {
    // A code only the middleware answers must come from the route's own probes; a code of the
    // services and rules (which the middleware may share) from some test that names it.
    const http = join(ROOT, 'functions', 'http');
    const outsideHttp = codesNamedUnder('functions', (path) => path.startsWith(http));
    const namedByTests = codesNamedUnder('test', (path) => path === __filename);
    const producedOn = new Map<RouteContract, Set<string>>();
    for (const route of routes) {
      producedOn.set(
        route,
        new Set([...(await probedCodes(route)).keys(), ...(await handlerErrorCodes(route))]),
      );
    }
    const byMiddleware = new Set([...producedOn.values()].flatMap((codes) => [...codes]));
    const unproduced: string[] = [];
    for (const [route, produced] of producedOn) {
      for (const code of route.errors) {
        const middlewareOnly = byMiddleware.has(code) && !outsideHttp.has(code);
        const covered = produced.has(code) || (!middlewareOnly && namedByTests.has(code));
        if (!covered) unproduced.push(`${routeKeyOf(route)} ${code}`);
      }
    }
    expect(unproduced).toEqual(AWAITING_A_TEST);
  });
});

/**
 * Documented codes no test produces yet: refusals of the org-unit and account services that
 * neither the service tests on in-memory fakes nor the e2e suite reach so far. The list only shrinks: once a test produces one, the test above fails until
 * it is taken off.
 */
const AWAITING_A_TEST: string[] = [];
