import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { tokenFor } from '../support/officers';
import { type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process';
import { isErrorShape, nominationFor, type RawResponse, roleTokens, scanAll } from './support';
import { retryThrottled } from '../../../client/api-client';

jest.setTimeout(180_000);

/**
 * Property-based fuzzing of every route of the synthesized API (its RouteKeys, read from the
 * template) with malformed and hostile requests: wrong types, huge strings, unicode, deeply nested
 * JSON, missing and garbage headers, forged, expired and alg-none tokens, path traversal in ids,
 * invalid cursors. No answer may be a 5xx; nothing may be written (every item of the table is the
 * same before and after; idempotency records live in their own table); every refusal has the
 * error shape (the authorizer's 401/403 are API Gateway's own `{message}`, as in AWS).
 */
const TOTAL = 5_000;
const CONCURRENCY = 12;
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);

const template = JSON.parse(
  readFileSync(
    path.join(__dirname, '..', '..', '..', 'cdk.out', 'AdmissionPipeline.template.json'),
    'utf8',
  ),
) as { Resources: Record<string, { Type: string; Properties?: { RouteKey?: string } }> };
const ROUTES = Object.values(template.Resources)
  .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
  .map((r) => r.Properties!.RouteKey!)
  .filter((key) => key !== '$default')
  .map((key) => {
    const [method, route] = key.split(' ');
    return { method, route };
  });

let runtime: RuntimeProcess;
let tokens: Record<string, string>;

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  tokens = await roleTokens(runtime);
  tokens.admin = await tokenFor(runtime, { roles: ['admin'], unitId: 'hn' });
  tokens.expired = await expiredToken();
});
afterAll(() => runtime?.stop());

async function expiredToken(): Promise<string> {
  const response = await fetch(`${runtime.issuerUrl}/local/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sub: 'fuzz-expired',
      name: 'Hết hạn',
      groups: ['cell-officer'],
      unitId: 'dd-kdn',
      expiresInSeconds: -3600,
    }),
  });
  return ((await response.json()) as { id_token: string }).id_token;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Tokens a caller might present: valid ones, and every way to get one wrong. */
function tokenArbitrary(): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    // Mostly valid tokens, so that most requests reach the handlers.
    {
      weight: 14,
      arbitrary: fc
        .constantFrom('cell-officer', 'committee-officer', 'approver', 'admin')
        .map((r) => tokens[r]),
    },
    fc.constant(undefined),
    fc.constant(tokens.expired),
    // alg: none, with a plausible payload
    fc.constant(
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', 'cognito:groups': ['admin'], 'custom:unit_id': 'hn' })}.`,
    ),
    // a real token with its payload swapped (signature no longer matches)
    fc.constant(
      (() => {
        const [header, , signature] = tokens['cell-officer'].split('.');
        return `${header}.${b64({ sub: 'x', 'cognito:groups': ['admin'], 'custom:unit_id': 'hn', exp: 9e9 })}.${signature}`;
      })(),
    ),
    fc.string({ maxLength: 200 }),
    fc.stringMatching(/^[A-Za-z0-9_-]{10,40}\.[A-Za-z0-9_-]{10,40}\.[A-Za-z0-9_-]{0,40}$/),
  );
}

function deepNesting(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Ids and path segments: traversal, encodings, unicode, huge. */
const segment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '..',
    '%2e%2e',
    '..%2f..%2fetc%2fpasswd',
    '%00',
    'c' + '0'.repeat(19),
    '%F0%9F%92%A9',
    '*',
    '%',
    "' OR 1=1 --",
    '$%7Bjndi:ldap://x%7D',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer({ min: 200, max: 3000 }).map((n) => 'x'.repeat(n)),
);

const bodyArbitrary: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 300 }),
  fc.constantFrom('', 'null', '[]', '{', '{"a":', '\u0000', 'true', '1e999', '"x"'),
  fc.integer({ min: 1000, max: 20000 }).map((d) => deepNesting(d, 'array')),
  fc.integer({ min: 1000, max: 20000 }).map((d) => deepNesting(d, 'object')),
  fc.integer({ min: 60_000, max: 80_000 }).map((n) => JSON.stringify({ fullName: 'Ạ'.repeat(n) })),
  // Nominations and actions with wrong types and hostile values.
  fc
    .record(
      {
        fullName: fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 400 }),
          fc.integer(),
          fc.constant(null),
        ),
        dateOfBirth: fc.oneof(fc.string({ maxLength: 12 }), fc.constant('2099-02-30')),
        nominationSource: fc.oneof(fc.string({ maxLength: 12 }), fc.constant('YOUTH_UNION')),
        unitId: fc.oneof(segment, fc.constant('dd-xltbd-kythuat')),
        nationalId: fc.oneof(fc.string({ maxLength: 14 }), fc.constant(12345678901)),
        __proto__: fc.constant({ admin: true }),
        constructor: fc.constant({ prototype: { polluted: true } }),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify({ ...nominationFor('Người Thử'), ...v, fullName: v.fullName ?? 7 })),
  fc
    .record(
      {
        action: fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.constant('confirmNomination'),
          fc.constant(42),
        ),
        expectedVersion: fc.oneof(
          fc.integer(),
          fc.double(),
          fc.string({ maxLength: 5 }),
          fc.constant(null),
        ),
        payload: fc.jsonValue({ maxDepth: 3 }),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
);

const queryArbitrary = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(
      fc.constantFrom('unit', 'stage', 'limit', 'cursor', 'from', 'to', 'format', 'period', 'x'),
      fc.oneof(
        segment,
        fc.constantFrom('-1', '0', '1e9', 'NaN', 'dd-kdn', 'hn', 'csv', 'xlsx', '2025', '2025-Q5'),
        fc.base64String({ maxLength: 200 }),
      ),
    )
    .map((d) => `?${new URLSearchParams(d).toString()}`),
);

const headerArbitrary = fc.record(
  {
    'content-type': fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
      '',
      '*/*',
    ),
    'idempotency-key': fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.stringMatching(/^[A-Za-z0-9._:-]{8,40}$/),
      fc.constant('x'.repeat(300)),
    ),
    'x-forwarded-for': fc.string({ maxLength: 20 }),
  },
  { requiredKeys: [] },
);

const requestArbitrary = () =>
  fc.record({
    route: fc.constantFrom(...ROUTES, { method: 'DELETE', route: '/candidates/{id}' }),
    id: segment,
    query: queryArbitrary,
    token: tokenArbitrary(),
    body: bodyArbitrary,
    headers: headerArbitrary,
  });

type FuzzRequest = ReturnType<typeof requestArbitrary> extends fc.Arbitrary<infer T> ? T : never;

const fetchUnthrottled = retryThrottled(globalThis.fetch, { attempts: 40 });

async function fire(request: FuzzRequest): Promise<RawResponse & { what: string }> {
  const pathWithIds = request.route.route.replace(/\{[^}]+\}/g, () => request.id);
  // Keep the path one URL: an id with '/' or '?' is part of the fuzz, '#' would cut it.
  const url = pathWithIds.replace(/#/g, '%23') + request.query;
  const method = request.route.method;
  const what = `${method} ${url.slice(0, 120)}`;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    // fetch refuses header values with control characters: those never reach a server anyway.
    if (/^[\t\x20-\x7e]*$/.test(value as string)) headers[name] = value as string;
  }
  if (request.token !== undefined && /^[\t\x20-\x7e]*$/.test(request.token)) {
    headers.authorization = `Bearer ${request.token}`;
  }
  const withBody = method !== 'GET' && method !== 'HEAD';
  // Sent again when the stage throttles it, as a client does (API Gateway answers 429 before any
  // function runs): every hostile request reaches the handlers.
  const response = await fetchUnthrottled(
    new Request(`${runtime.url}${url.startsWith('/') ? url : `/${url}`}`, {
      method,
      headers,
      body: withBody ? request.body : undefined,
    }),
  );
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text, headers: response.headers, what };
}

/** The table without what a read may legitimately touch (nothing, today). */
const snapshot = async () =>
  (await scanAll(runtime)).map((item) => JSON.stringify(item, Object.keys(item).sort())).sort();

describe(`${TOTAL} malformed and hostile requests across every route`, () => {
  it('never answer 5xx, never write, and refuse in the error shape', async () => {
    const before = await snapshot();
    const requests = fc.sample(requestArbitrary(), { numRuns: TOTAL, seed: SEED });
    const problems: string[] = [];
    const statuses: Record<number, number> = {};
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const request = requests[next++];
          const r = await fire(request);
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          if (r.status >= 500) problems.push(`${r.status} ← ${r.what}: ${r.text.slice(0, 200)}`);
          const fromAuthorizer = r.status === 401 || r.status === 403;
          if (r.status >= 400 && !isErrorShape(r.body)) {
            if (!(
              fromAuthorizer && typeof (r.body as { message?: unknown })?.message === 'string'
            )) {
              problems.push(`shape ${r.status} ← ${r.what}: ${r.text.slice(0, 200)}`);
            }
          }
        }
      }),
    );
    console.log(
      `fuzz seed ${SEED}: ${requests.length} requests, statuses ${JSON.stringify(statuses)}`,
    );
    expect(problems.slice(0, 20)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
