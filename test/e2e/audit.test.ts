import { type ApiClient, type CandidateBody } from './support/api-client';
import { DEMO_NOMINATION, HAPPY_PATH } from './support/happy-path';
import { officerClient } from './support/officers';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

let runtime: RuntimeProcess;
let cell: ApiClient;
let candidateId: string;

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  cell = await officerClient(runtime, {
    roles: ['cell-officer'],
    unitId: 'dd-xltbd-kythuat',
    name: 'Trần Thị Bình',
  });
  candidateId = (await cell.nominate(DEMO_NOMINATION)).body.id as string;
  const parked = await cell.waitForStage(candidateId, 'NOMINATED');
  const step = HAPPY_PATH[0];
  await cell.request('POST', `/candidates/${candidateId}/actions`, {
    body: { action: step.action, expectedVersion: parked.version, payload: step.payload },
    headers: { 'idempotency-key': 'audit-test-key-1', 'user-agent': 'audit-test/1.0' },
  });
  await cell.waitForStage(candidateId, 'AWARENESS_CLASS');
});
afterAll(() => runtime?.stop());

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

describe('audit export', () => {
  it('lists who did what, when, how and from where, for a unit subtree and period', async () => {
    const auditor = await officerClient(runtime, {
      roles: ['committee-officer'],
      unitId: 'dd-kdn',
    });
    const { status, body } = await auditor.request(
      'GET',
      `/audit?unit=dd-xltbd&from=${today()}&to=${today()}`,
    );
    expect(status).toBe(200);
    const mine = (body.items as CandidateBody[]).filter((e) => e.candidateId === candidateId);
    expect(mine.map((e) => e.seq)).toEqual([1, 2]);
    expect(mine[1]).toMatchObject({
      action: 'confirmNomination',
      idempotencyKey: 'audit-test-key-1',
      actor: {
        name: 'Trần Thị Bình',
        role: 'cell-officer',
        unitId: 'dd-xltbd-kythuat',
        sourceIp: '127.0.0.1',
        userAgent: 'audit-test/1.0',
      },
    });
  });

  it('exports CSV with a BOM and Vietnamese text intact', async () => {
    const auditor = await officerClient(runtime, { roles: ['admin'], unitId: 'hn' });
    const response = await auditor.fetchRaw(
      `/audit?unit=dd-kdn&from=${today()}&to=${today()}&format=csv`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text).toContain('Trần Thị Bình');
    expect(text).toContain('audit-test-key-1');
  });

  it('finds nothing outside the period, and refuses units outside the scope and cell officers', async () => {
    const auditor = await officerClient(runtime, { roles: ['approver'], unitId: 'dd-kdn' });
    const past = await auditor.request('GET', '/audit?unit=dd-kdn&from=2020-01-01&to=2020-12-31');
    expect(past).toMatchObject({ status: 200, body: { items: [] } });
    const outside = await auditor.request(
      'GET',
      `/audit?unit=hn-thanhtri&from=${today()}&to=${today()}`,
    );
    expect(outside).toMatchObject({ status: 404, body: { code: 'UNIT_NOT_FOUND' } });
    const cellOfficer = await cell.request(
      'GET',
      `/audit?unit=dd-xltbd-kythuat&from=${today()}&to=${today()}`,
    );
    expect(cellOfficer).toMatchObject({ status: 403, body: { code: 'ROLE_NOT_ALLOWED' } });
    const reversed = await auditor.request(
      'GET',
      '/audit?unit=dd-kdn&from=2025-02-01&to=2025-01-01',
    );
    expect(reversed).toMatchObject({ status: 400, body: { code: 'INVALID_QUERY', field: 'to' } });
  });
});

describe('privacy in views (issue 13)', () => {
  it("the candidate's file and history name who acted and in which role, never from where (failed before: IP and user agent shown)", async () => {
    const file = await cell.candidate(candidateId);
    const history = await cell.request('GET', `/candidates/${candidateId}/history`);
    for (const body of [file.body, history.body]) {
      const text = JSON.stringify(body);
      expect(text).toContain('Trần Thị Bình');
      expect(text).toContain('cell-officer');
      expect(text).not.toContain('sourceIp');
      expect(text).not.toContain('userAgent');
      expect(text).not.toContain('audit-test/1.0');
    }
  });

  it('answers with personal data are neither cached nor sniffed: JSON, CSV and refusals alike', async () => {
    const admin = await officerClient(runtime, { roles: ['admin'], unitId: 'hn' });
    const answers = await Promise.all([
      cell.fetchRaw(`/candidates/${candidateId}`),
      cell.fetchRaw(`/candidates/${candidateId}/history`),
      cell.fetchRaw('/candidates?unit=dd-xltbd-kythuat&limit=5'),
      admin.fetchRaw(`/audit?unit=dd-kdn&from=${today()}&to=${today()}&format=csv`),
      admin.fetchRaw(`/audit?unit=dd-kdn&from=${today()}&to=${today()}`),
      cell.fetchRaw('/candidates/c0000000000000000000'),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 404]);
    for (const response of answers) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
