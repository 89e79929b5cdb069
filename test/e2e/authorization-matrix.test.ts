import { type Role, ROLES } from '../../functions/domain/roles';
import { ApiClient } from './support/api-client';
import { DEMO_NOMINATION } from './support/happy-path';
import { officerClient } from './support/officers';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

/**
 * Every route × every role × inside / outside the caller's unit subtree, plus no token.
 * Writes that pass authorization are sent with a payload that is then refused (400), so the
 * matrix itself never changes a candidate.
 */
type Scope = 'in' | 'out';
type Route = {
  name: string;
  send: (api: ApiClient) => Promise<{ status: number; body: Record<string, unknown> }>;
  expected: (role: Role, scope: Scope) => number;
};

const READERS: Role[] = ['cell-officer', 'committee-officer', 'approver', 'admin'];
const AUDITORS: Role[] = ['committee-officer', 'approver', 'admin'];
const randomKey = () => `matrix-${Math.random().toString(36).slice(2, 14)}`;
const reader = (ok: number) => (role: Role, scope: Scope) =>
  !READERS.includes(role) ? 403 : scope === 'in' ? ok : 404;

let runtime: RuntimeProcess;
let candidateId: string;
/** The nominator's account (in the directory once signed in): what the account routes read. */
const nominatorSub = `matrix-nominator-${Math.random().toString(36).slice(2, 10)}`;
const admin = (ok: number) => (role: Role, scope: Scope) =>
  role !== 'admin' ? 403 : scope === 'in' ? ok : 404;
let classId: string;

/** A bulk answer is read as the one candidate's answer it holds (its status and error). */
async function firstOutcome(
  response: Promise<{ status: number; body: Record<string, unknown> }>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { status, body } = await response;
  const [first] = (body?.results ?? []) as {
    httpStatus?: number;
    error?: Record<string, unknown>;
  }[];
  return first
    ? { status: first.httpStatus ?? status, body: first.error ?? body }
    : { status, body };
}
/** An import's answer read as its one row's answer (its error's status and body). */
async function firstRowOutcome(
  response: Promise<{ status: number; body: Record<string, unknown> }>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { status, body } = await response;
  const [first] = (body?.results ?? []) as {
    error?: Record<string, unknown> & { status: number };
  }[];
  return first?.error ? { status: first.error.status, body: first.error } : { status, body };
}
const ONBOARDERS: Role[] = ['cell-officer', 'committee-officer', 'admin'];
const clients = new Map<string, ApiClient>();

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  const nominator = await officerClient(runtime, {
    roles: ['cell-officer'],
    unitId: 'dd-kdn',
    sub: nominatorSub,
  });
  candidateId = (await nominator.nominate(DEMO_NOMINATION)).body.id as string;
  await nominator.waitForStage(candidateId, 'NOMINATED');
  const organiser = await officerClient(runtime, {
    roles: ['committee-officer'],
    unitId: 'dd-kdn',
  });
  classId = (
    await organiser.request('POST', '/classes', {
      body: {
        name: 'Lớp ma trận',
        organiserUnitId: 'dd-kdn',
        startsOn: '2026-03-02',
        endsOn: '2026-03-06',
        capacity: 5,
        location: 'Hội trường',
      },
      headers: { 'idempotency-key': randomKey() },
    })
  ).body.id as string;
  for (const role of ROLES) {
    // Inside: the district bloc committee above the candidate's cell. Outside: another district.
    clients.set(`${role}/in`, await officerClient(runtime, { roles: [role], unitId: 'dd-kdn' }));
    clients.set(
      `${role}/out`,
      await officerClient(runtime, { roles: [role], unitId: 'hn-thanhtri' }),
    );
  }
});
afterAll(() => runtime?.stop());

const routes: Route[] = [
  {
    name: 'POST /candidates',
    send: (api) =>
      api.nominate({ ...DEMO_NOMINATION, fullName: 'Ma Trận', dateOfBirth: 'not-a-date' }),
    // A cell officer passes authorization and meets the bad date; nobody else may nominate.
    expected: (role) => (role === 'cell-officer' ? 400 : 403),
  },
  {
    name: 'POST /candidates for a unit outside the caller subtree',
    send: (api) =>
      api.nominate({ ...DEMO_NOMINATION, unitId: 'tt-ngoquyen', fullName: 'Ngoài Phạm Vi' }),
    expected: (role, scope) => (role !== 'cell-officer' ? 403 : scope === 'in' ? 400 : 201),
  },
  {
    name: 'GET /candidates?unit=',
    send: (api) => api.request('GET', `/candidates?unit=${DEMO_NOMINATION.unitId}`),
    expected: reader(200),
  },
  {
    name: 'GET /candidates/{id}',
    send: (api) => api.candidate(candidateId),
    expected: reader(200),
  },
  {
    name: 'GET /candidates/{id}/history',
    send: (api) => api.request('GET', `/candidates/${candidateId}/history`),
    expected: reader(200),
  },
  {
    name: 'POST /candidates/{id}/actions (a cell officer action)',
    send: (api) =>
      api.act(candidateId, {
        action: 'confirmNomination',
        expectedVersion: 1,
        payload: { decisionDate: 'soon' },
      }),
    expected: (role, scope) =>
      !READERS.includes(role) ? 403 : scope === 'out' ? 404 : role === 'cell-officer' ? 400 : 403,
  },
  {
    name: 'GET /audit',
    send: (api) => api.request('GET', '/audit?unit=dd-xltbd&from=2025-01-01&to=2025-01-31'),
    expected: (role, scope) => (!AUDITORS.includes(role) ? 403 : scope === 'in' ? 200 : 404),
  },
  {
    name: 'GET /reports/quotas (figures, never people: every role)',
    send: (api) => api.request('GET', '/reports/quotas?unit=dd-kdn&period=2025'),
    expected: (_role, scope) => (scope === 'in' ? 200 : 404),
  },
  {
    name: 'GET /quotas',
    send: (api) => api.request('GET', '/quotas?unit=dd-kdn&period=2025'),
    expected: (_role, scope) => (scope === 'in' ? 200 : 404),
  },
  {
    name: 'GET /units/{id}',
    send: (api) => api.request('GET', '/units/dd-xltbd'),
    expected: (_role, scope) => (scope === 'in' ? 200 : 404),
  },
  {
    name: 'POST /units (administrators only)',
    send: (api) =>
      api.request('POST', '/units', {
        body: { name: 42 },
        headers: { 'idempotency-key': randomKey() },
      }),
    expected: (role) => (role === 'admin' ? 400 : 403),
  },
  {
    name: 'PUT /quotas (administrators only)',
    send: (api) =>
      api.request('PUT', '/quotas', {
        body: [{ unitId: 7 }],
        headers: { 'idempotency-key': randomKey() },
      }),
    expected: (role) => (role === 'admin' ? 400 : 403),
  },
  {
    name: 'POST /candidates/{id}/corrections (administrators only)',
    send: (api) =>
      api.request('POST', `/candidates/${candidateId}/corrections`, {
        body: { kind: 'NONSENSE' },
        headers: { 'idempotency-key': randomKey() },
      }),
    expected: (role) => (role === 'admin' ? 400 : 403),
  },
  {
    name: 'GET /tasks (the roles that act on a stage, in their own unit)',
    send: (api) => api.request('GET', '/tasks'),
    expected: (role) =>
      ['cell-officer', 'committee-officer', 'approver'].includes(role) ? 200 : 403,
  },
  {
    name: 'POST /candidates/bulk-actions (per candidate, as the single action)',
    send: (api) =>
      firstOutcome(
        api.request('POST', '/candidates/bulk-actions', {
          body: {
            items: [
              { candidateId, action: 'confirmNomination', payload: { decisionDate: 'soon' } },
            ],
          },
          headers: { 'idempotency-key': randomKey() },
        }),
      ),
    expected: (role, scope) =>
      !READERS.includes(role) ? 403 : scope === 'out' ? 404 : role === 'cell-officer' ? 400 : 403,
  },
  {
    name: 'POST /classes (committee officers and administrators)',
    send: (api) =>
      api.request('POST', '/classes', {
        body: { name: 7 },
        headers: { 'idempotency-key': randomKey() },
      }),
    expected: (role) => (['committee-officer', 'admin'].includes(role) ? 400 : 403),
  },
  {
    name: 'GET /classes?organiser=',
    send: (api) => api.request('GET', '/classes?organiser=dd-kdn'),
    expected: reader(200),
  },
  {
    name: 'GET /classes/{id}',
    send: (api) => api.request('GET', `/classes/${classId}`),
    expected: reader(200),
  },
  {
    name: 'POST /classes/{id}/enrolments (a candidate not yet at the class stage)',
    send: (api) =>
      firstOutcome(
        api.request('POST', `/classes/${classId}/enrolments`, {
          body: { candidateIds: [candidateId] },
          headers: { 'idempotency-key': randomKey() },
        }),
      ),
    expected: (role, scope) =>
      !READERS.includes(role) ? 403 : scope === 'out' ? 404 : role === 'cell-officer' ? 409 : 403,
  },
  {
    name: 'POST /classes/{id}/results (a candidate not enrolled)',
    send: (api) =>
      firstOutcome(
        api.request('POST', `/classes/${classId}/results`, {
          body: { results: [{ candidateId, result: 'FAILED' }] },
          headers: { 'idempotency-key': randomKey() },
        }),
      ),
    expected: (role, scope) =>
      !READERS.includes(role) ? 403 : scope === 'out' ? 404 : role === 'cell-officer' ? 422 : 403,
  },
  {
    name: 'GET /onboarding/template (officers of cells and committees, administrators)',
    send: (api) => api.request('GET', '/onboarding/template'),
    expected: (role) => (ONBOARDERS.includes(role) ? 200 : 403),
  },
  {
    name: 'POST /onboarding/imports (a row in the dd-kdn subtree, with a bad ID number)',
    send: (api) =>
      firstRowOutcome(
        api.request('POST', '/onboarding/imports', {
          rawBody:
            'stage,nominatedOn,fullName,dateOfBirth,nominationSource,unitId,nationalId,educationLevel\r\n' +
            'NOMINATED,2026-01-05,Nguyễn Văn Ma Trận,1996-08-17,CELL,dd-xltbd-kythuat,12,UPPER_SECONDARY\r\n',
          headers: { 'idempotency-key': randomKey(), 'content-type': 'text/csv' },
        }),
      ),
    // Inside: the row's own refusal (400); outside: its unit does not exist for the caller.
    expected: (role, scope) => (!ONBOARDERS.includes(role) ? 403 : scope === 'in' ? 400 : 404),
  },
  {
    name: 'GET /accounts?unit= (administrators of the subtree)',
    send: (api) => api.request('GET', '/accounts?unit=dd-kdn'),
    expected: admin(200),
  },
  {
    name: 'GET /accounts/{id} (administrators of the subtree)',
    send: (api) => api.request('GET', `/accounts/${nominatorSub}`),
    expected: admin(200),
  },
  {
    name: 'PATCH /accounts/{id} (administrators only; a bad body)',
    send: (api) =>
      api.request('PATCH', `/accounts/${nominatorSub}`, {
        body: { roles: 'everything' },
        headers: { 'idempotency-key': randomKey() },
      }),
    expected: (role) => (role === 'admin' ? 400 : 403),
  },
  {
    name: 'POST /accounts (administrators only; a bad body)',
    send: (api) =>
      api.request('POST', '/accounts', {
        body: { email: 'not-an-address' },
        headers: { 'idempotency-key': randomKey() },
      }),
    expected: (role) => (role === 'admin' ? 400 : 403),
  },
  {
    name: 'GET /me/deliveries (everyone, their own)',
    send: (api) => api.request('GET', '/me/deliveries'),
    expected: () => 200,
  },
  {
    name: 'GET /approvals/{id}/details with a forged link (nobody learns anything)',
    send: (api) => api.request('GET', '/approvals/forged-link-id/details'),
    expected: () => 404,
  },
];

describe('authorization matrix', () => {
  const cells = routes.flatMap((route) =>
    ROLES.flatMap((role) => (['in', 'out'] as Scope[]).map((scope) => ({ route, role, scope }))),
  );

  it.each(cells.map((c) => [c.route.name, c.role, c.scope, c] as const))(
    '%s as %s (%s of scope)',
    async (_name, role, scope, cell) => {
      const response = await cell.route.send(clients.get(`${role}/${scope}`)!);
      expect([response.status, response.body.code]).toEqual([
        cell.route.expected(role, scope),
        response.body.code,
      ]);
      if (response.status >= 400) {
        expect(response.body).toEqual(
          expect.objectContaining({
            code: expect.any(String),
            message: expect.any(String),
            message_en: expect.any(String),
          }),
        );
      }
    },
  );

  it.each(routes.map((r) => [r.name, r] as const))(
    '%s without a token is 401',
    async (_name, route) => {
      const response = await route.send(new ApiClient(runtime.url));
      expect(response.status).toBe(401);
    },
  );

  it('hides an out-of-scope candidate exactly like a missing one', async () => {
    const outsider = clients.get('approver/out')!;
    const hidden = await outsider.candidate(candidateId);
    const missing = await outsider.candidate('c0000000000000000000');
    const withoutId = (text: unknown) => String(text).replace(/c[0-9a-f]{19}|c0{19}/g, '<id>');
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    for (const key of ['code', 'message', 'message_en', 'field']) {
      expect(withoutId(hidden.body[key])).toBe(withoutId(missing.body[key]));
    }
  });

  it('leaves the candidate untouched', async () => {
    const { body } = await clients.get('cell-officer/in')!.candidate(candidateId);
    expect(body).toMatchObject({ stage: 'NOMINATED', version: 1 });
  });
});
