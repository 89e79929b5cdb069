import { type ApiClient, type CandidateBody } from './support/api-client';
import { DEMO_NOMINATION, HAPPY_PATH } from './support/happy-path';
import { officerClient } from './support/officers';
import { moveClock } from './support/clock';
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

describe('audit export: pages and download links (issue 12)', () => {
  let auditor: ApiClient;
  const period = () => `unit=dd-xltbd&from=${today()}&to=${today()}`;
  const key = (e: CandidateBody) => `${e.candidateId}#${e.seq}`;

  beforeAll(async () => {
    auditor = await officerClient(runtime, { roles: ['committee-officer'], unitId: 'dd-kdn' });
    for (const fullName of ['Lê Văn Ba', 'Phạm Thị Tư', 'Hoàng Văn Năm']) {
      await cell.nominate({ ...DEMO_NOMINATION, fullName });
    }
  });

  it('pages through the subtree with nextCursor: each event once, as one large page has them', async () => {
    const whole = await auditor.request('GET', `/audit?${period()}&limit=1000`);
    expect(whole.status).toBe(200);
    const everything = (whole.body.items as CandidateBody[]).map(key);
    expect(everything.length).toBeGreaterThanOrEqual(5);
    expect(whole.body.nextCursor).toBeUndefined();

    const paged: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = `/audit?${period()}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await auditor.request('GET', query);
      expect(page.status).toBe(200);
      const items = page.body.items as CandidateBody[];
      expect(items.length).toBeLessThanOrEqual(2);
      paged.push(...items.map(key));
      cursor = page.body.nextCursor as string | undefined;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(paged).toEqual(everything);
  });

  it('refuses a cursor it did not issue, a cursor on a CSV and a page size out of range', async () => {
    const first = await auditor.request('GET', `/audit?${period()}&limit=2`);
    const cursor = first.body.nextCursor as string;
    const otherUnit = await auditor.request(
      'GET',
      `/audit?unit=dd-kdn&from=${today()}&to=${today()}&limit=2&cursor=${cursor}`,
    );
    const garbage = await auditor.request('GET', `/audit?${period()}&cursor=bm90LWEtY3Vyc29y`);
    for (const refused of [otherUnit, garbage]) {
      expect(refused).toMatchObject({
        status: 400,
        body: { code: 'INVALID_CURSOR', field: 'cursor' },
      });
      expect(refused.body.message).toEqual(expect.any(String));
      expect(refused.body.message_en).toEqual(expect.any(String));
    }
    expect(
      await auditor.request('GET', `/audit?${period()}&format=csv&cursor=${cursor}`),
    ).toMatchObject({ status: 400, body: { code: 'INVALID_QUERY', field: 'cursor' } });
    expect(await auditor.request('GET', `/audit?${period()}&limit=1001`)).toMatchObject({
      status: 400,
      body: { code: 'INVALID_QUERY', field: 'limit' },
    });
  });

  it('answers a CSV longer than one page with a signed link that downloads it, without a token, until it expires', async () => {
    const answer = await auditor.request('GET', `/audit?${period()}&format=csv&limit=2`);
    expect(answer.status).toBe(200);
    const { count, filename, download } = answer.body as {
      count: number;
      filename: string;
      download: { url: string; expiresAt: string };
    };
    expect(count).toBeGreaterThanOrEqual(5);
    expect(filename).toBe(`audit-dd-xltbd-${today()}-${today()}.csv`);
    const lifetime = Date.parse(download.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(10 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000 + 60_000);

    const file = await fetch(download.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/text\/csv/);
    expect(file.headers.get('content-disposition')).toContain(filename);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer());
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(count + 1);
    expect(text).toContain('Trần Thị Bình');
    expect(text).toContain('audit-test-key-1');

    // Another object under the same signature, or no signature at all: refused as S3 refuses.
    const url = new URL(download.url);
    const tampered = new URL(download.url.replace(/\.csv/, '.json'));
    const unsigned = `${url.origin}${url.pathname}`;
    const refusedWith = async (target: string | URL) => {
      const response = await fetch(target);
      const body = await response.text();
      return { status: response.status, code: /<Code>([^<]+)<\/Code>/.exec(body)?.[1], body };
    };
    expect(await refusedWith(tampered)).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    expect(await refusedWith(unsigned)).toMatchObject({ status: 403, code: 'AccessDenied' });

    await moveClock(runtime, { advanceMs: 16 * 60_000 });
    const expired = await refusedWith(download.url);
    expect(expired).toMatchObject({ status: 403, code: 'AccessDenied' });
    expect(expired.body).toContain('Request has expired');
  });
});
