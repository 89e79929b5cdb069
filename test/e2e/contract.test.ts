import { randomUUID } from 'node:crypto';
import { openApiDocument } from '../../functions/http/contract/openapi';
import { allRoutes } from '../../functions/http/contract/routes';
import { ApiClient } from './support/api-client';
import {
  APPROVE,
  approverAt,
  decide,
  officersOf,
  walkToDecision,
  waitForLink,
} from './support/approvals';
import { contractViolations, recordedResponses } from './support/contract-recorder';
import { ContractValidator } from './support/contract-validator';
import { candidatesAtClassStage } from './support/bulk';
import { HAPPY_PATH } from './support/happy-path';
import { officerClient } from './support/officers';
import { templateTable } from '../../functions/domain/onboarding/template';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

/**
 * The contract test: every documented route is called through the typed client with real JWTs,
 * successes and refusals alike, and every response must validate against the OpenAPI document
 * (the same check runs after every e2e test file; here it also proves each route was seen).
 */

let runtime: RuntimeProcess;
let cell: ApiClient;
let committee: ApiClient;
let admin: ApiClient;
let anonymous: ApiClient;

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  ({ cell, committee } = await officersOf(runtime));
  admin = await officerClient(runtime, { roles: ['admin'], unitId: 'hn', name: 'Quản trị' });
  anonymous = new ApiClient(runtime.url);
});
afterAll(() => runtime?.stop());

const key = () => randomUUID();
const write = (client: ApiClient, method: string, path: string, body: unknown, id = key()) =>
  client.request(method, path, { body, headers: { 'idempotency-key': id } });

describe('the documented contract, over HTTP', () => {
  it('serves the OpenAPI document generated from the registry, and its docs page, without a JWT', async () => {
    const document = await anonymous.api.GET('/openapi.json');
    expect(document.response.status).toBe(200);
    expect(document.data).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    const page = await anonymous.fetchRaw('/docs');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    for (const route of allRoutes()) expect(html).toContain(`id="${route.operationId}"`);
    const approvalPage = await anonymous.fetchRaw('/approvals/some-approval-id');
    expect(approvalPage.status).toBe(200);
  });

  it('candidates: nominate, read with ETag, act with If-Match, list with a cursor, history', async () => {
    const refused = await cell.nominate({ fullName: 'X' });
    expect(refused).toMatchObject({ status: 400, body: { code: 'INVALID_BODY' } });
    expect(await anonymous.request('GET', '/candidates/abc')).toMatchObject({ status: 401 });

    const nomineeB = {
      fullName: 'Phạm Hợp Đồng',
      dateOfBirth: '1995-03-02',
      nominationSource: 'YOUTH_UNION',
      unitId: 'dd-xltbd-kythuat',
      educationLevel: 'UPPER_SECONDARY',
      youthUnionMember: true,
    };
    const nominated = await cell.nominate(nomineeB);
    expect(nominated.status).toBe(201);
    const id = nominated.body.id as string;
    const parked = await cell.waitForStage(id, 'NOMINATED');

    const read = await cell.api.GET('/candidates/{id}', { params: { path: { id } } });
    const etag = read.response.headers.get('etag')!;
    expect(etag).toBe(`"${parked.version}"`);
    const step = { action: HAPPY_PATH[0].action, payload: HAPPY_PATH[0].payload };
    const act = (ifMatch: string, body: object = step) =>
      cell.request('POST', `/candidates/${id}/actions`, {
        body,
        headers: { 'idempotency-key': key(), 'if-match': ifMatch },
      });
    expect(await act('"999"')).toMatchObject({ status: 412, body: { code: 'VERSION_CONFLICT' } });
    expect(await act('999')).toMatchObject({ status: 400, body: { code: 'INVALID_HEADER' } });
    expect(await act(etag, { ...step, expectedVersion: 998 })).toMatchObject({
      status: 400,
      body: { code: 'INVALID_HEADER', field: 'If-Match' },
    });
    const accepted = await cell.api.POST('/candidates/{id}/actions', {
      params: { path: { id }, header: { 'Idempotency-Key': key(), 'If-Match': etag } },
      body: step,
    });
    expect(accepted.response.status).toBe(202);
    expect(accepted.data).toMatchObject({ status: 'ACCEPTED', toStage: 'AWARENESS_CLASS' });
    expect(await cell.act(id, { ...step, expectedVersion: parked.version })).toMatchObject({
      status: 409,
    });
    await cell.waitForStage(id, 'AWARENESS_CLASS');

    const history = await cell.api.GET('/candidates/{id}/history', { params: { path: { id } } });
    expect(history.data?.items.length).toBe(2);
    expect((await cell.request('GET', '/candidates/nope/history')).status).toBe(404);

    await cell.nominate({ ...nomineeB, fullName: 'Phạm Hợp Đồng Hai' });
    const first = await cell.api.GET('/candidates', {
      params: { query: { unit: 'dd-xltbd-kythuat', limit: 1 } },
    });
    expect(first.data?.items).toHaveLength(1);
    expect(first.data?.nextCursor).toEqual(expect.any(String));
    const refusedCursor = await cell.request('GET', '/candidates?unit=dd-xltbd-kythuat&cursor=bad');
    expect(refusedCursor).toMatchObject({ status: 400, body: { code: 'INVALID_CURSOR' } });
  });

  it('idempotency: a replay answers the first response; the same key with another body is refused', async () => {
    const id = key();
    const body = { kind: 'REVOKE_ADMISSION', reason: 'Thử', effectiveOn: '2025-09-01' };
    const notAdmitted = (await cell.request('GET', '/candidates?unit=dd-xltbd-kythuat')).body
      .items as { id: string }[];
    const path = `/candidates/${notAdmitted[0].id}/corrections`;
    const first = await write(admin, 'POST', path, body, id);
    expect(first).toMatchObject({ status: 409, body: { code: 'CORRECTION_NOT_APPLICABLE' } });
    const nomination = {
      fullName: 'Lặp Lại Một',
      dateOfBirth: '1994-01-05',
      nominationSource: 'CELL',
      unitId: 'dd-xltbd-kythuat',
      educationLevel: 'UPPER_SECONDARY',
    };
    const created = await cell.nominate(nomination, id);
    const replay = await cell.nominate(nomination, id);
    expect(replay).toMatchObject({ status: 201, body: { id: created.body.id } });
    const reused = await cell.nominate({ ...nomination, fullName: 'Lặp Lại Hai' }, id);
    expect(reused).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    const missing = await cell.request('POST', '/candidates', { body: nomination });
    expect(missing).toMatchObject({ status: 400, body: { code: 'MISSING_IDEMPOTENCY_KEY' } });
  });

  it('approvals and corrections: decide through the link, finish, revoke', async () => {
    const officers = { cell, committee };
    // The link goes to the approvers the committee has when the step parks.
    const approver = await approverAt(runtime, 'Vũ Hợp Đồng');
    const id = await walkToDecision(officers);
    const { approvalId } = await waitForLink(runtime, approver, id);
    const details = await approver.api.api.GET('/approvals/{approvalId}/details', {
      params: { path: { approvalId } },
    });
    expect(details.data?.candidate.id).toBe(id);
    expect((await approver.api.request('GET', '/approvals/x.y/details')).status).toBe(404);
    const decided = await decide(approver.api, approvalId, APPROVE);
    expect(decided.status).toBe(200);
    expect(await decide(approver.api, approvalId, APPROVE)).toMatchObject({
      status: 409,
      body: { code: 'APPROVAL_ALREADY_DECIDED' },
    });
    const atCeremony = await cell.waitForStage(id, 'CEREMONY');
    const ceremony = HAPPY_PATH.find((s) => s.stage === 'CEREMONY')!;
    expect(
      await cell.act(id, {
        action: ceremony.action,
        expectedVersion: atCeremony.version,
        payload: ceremony.payload,
      }),
    ).toMatchObject({ status: 202 });
    await cell.waitForStage(id, 'ADMITTED');
    const correction = {
      kind: 'REVOKE_ADMISSION',
      reason: 'Thử hợp đồng',
      effectiveOn: '2025-09-01',
    };
    expect(await write(cell, 'POST', `/candidates/${id}/corrections`, correction)).toMatchObject({
      status: 403,
    });
    const admitted = await admin.candidate(id);
    const correct = (ifMatch: string) =>
      admin.request('POST', `/candidates/${id}/corrections`, {
        body: correction,
        headers: { 'idempotency-key': key(), 'if-match': ifMatch },
      });
    expect(await correct(`"${admitted.body.version - 1}"`)).toMatchObject({
      status: 412,
      body: { code: 'VERSION_CONFLICT', details: { currentVersion: admitted.body.version } },
    });
    const revoked = await correct(admitted.headers.get('etag')!);
    expect(revoked).toMatchObject({ status: 200, body: { stage: 'REVOKED' } });
    expect(revoked.headers.get('etag')).toBe(`"${revoked.body.version}"`);
  });

  it('units: create, import, read with ETag, move, retire — and their refusals', async () => {
    const unit = {
      id: 'ct-hopdong',
      name: 'Huyện ủy Hợp Đồng',
      level: 'DISTRICT_COMMITTEE',
      parentId: 'hn',
      effectiveFrom: '2024-01-01',
    };
    expect((await write(admin, 'POST', '/units', unit)).status).toBe(201);
    expect(await write(admin, 'POST', '/units', unit)).toMatchObject({
      status: 409,
      body: { code: 'UNIT_EXISTS' },
    });
    const rows = [
      {
        id: 'ct-hd-a',
        name: 'Đảng bộ A',
        level: 'GRASSROOTS',
        parentId: 'ct-hopdong',
        effectiveFrom: '2024-01-01',
      },
      {
        id: 'ct-hd-a-1',
        name: 'Chi bộ A1',
        level: 'CELL',
        parentId: 'ct-hd-a',
        effectiveFrom: '2024-01-01',
      },
    ];
    expect(await write(admin, 'POST', '/units/import', rows)).toMatchObject({ status: 200 });
    expect(await write(admin, 'POST', '/units/import', {})).toMatchObject({ status: 400 });
    const read = await admin.api.GET('/units/{id}', {
      params: { path: { id: 'ct-hd-a' }, query: { on: '2025-01-01' } },
    });
    expect(read.response.headers.get('etag')).toMatch(/^W\/"/);
    expect((await admin.request('GET', '/units/nowhere')).status).toBe(404);
    const move = { newParentId: 'hn-dongda', effectiveFrom: '2025-07-01' };
    expect((await write(admin, 'POST', '/units/ct-hd-a/moves', move)).status).toBe(200);
    expect(
      await write(admin, 'POST', '/units/ct-hd-a/moves', { ...move, newParentId: 'ct-hd-a-1' }),
    ).toMatchObject({ status: 422 });
    expect(
      await write(admin, 'POST', '/units/ct-hd-a/retirement', { retiredOn: '2025-08-01' }),
    ).toMatchObject({ status: 422, body: { code: 'UNIT_HAS_CHILDREN' } });
    const retired = await write(admin, 'POST', '/units/ct-hopdong/retirement', {
      retiredOn: '2025-08-01',
    });
    expect(retired.status).toBe(200);
  });

  it('quotas, reports and audit: JSON, CSV and XLSX, and their refusals', async () => {
    const target = {
      unitId: 'hn',
      period: '2026',
      metric: 'ADMITTED',
      issuerId: 'tw',
      issuerName: 'Trung ương',
      kind: 'COUNT',
      value: 3,
    };
    expect((await write(admin, 'PUT', '/quotas', [target])).status).toBe(200);
    expect((await write(cell, 'PUT', '/quotas', [target])).status).toBe(403);
    expect((await admin.request('GET', '/quotas?unit=hn&period=2026')).status).toBe(200);
    expect((await admin.request('GET', '/quotas')).status).toBe(400);
    const csv =
      'don_vi,ky,chi_tieu,co_quan_giao,ten_co_quan_giao,loai,gia_tri\r\nhn,2026,TRAINED,tw,Trung ương,COUNT,5';
    const imported = await admin.request('POST', '/quotas/import', {
      rawBody: csv,
      headers: { 'idempotency-key': key(), 'content-type': 'text/csv' },
    });
    expect(imported.status).toBe(200);
    expect(
      (
        await admin.request('POST', '/quotas/import', {
          rawBody: csv,
          headers: { 'idempotency-key': key() },
        })
      ).status,
    ).toBe(400);
    expect((await admin.fetchRaw('/quotas/export?unit=hn&period=2026')).status).toBe(200);
    expect((await admin.fetchRaw('/quotas/export')).status).toBe(400);
    for (const format of ['json', 'csv', 'xlsx']) {
      const report = await admin.fetchRaw(`/reports/quotas?unit=hn&period=2026&format=${format}`);
      expect([format, report.status]).toEqual([format, 200]);
    }
    expect((await admin.request('GET', '/reports/quotas?unit=hn')).status).toBe(400);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect((await admin.request('GET', `/audit?unit=hn&from=${today}&to=${today}`)).status).toBe(
      200,
    );
    expect(
      (await admin.fetchRaw(`/audit?unit=hn&from=${today}&to=${today}&format=csv`)).status,
    ).toBe(200);
    expect((await admin.request('GET', `/audit?unit=hn&from=${today}`)).status).toBe(400);
  });

  it('work queues, bulk actions and awareness classes — and their refusals', async () => {
    expect((await cell.api.GET('/tasks')).response.status).toBe(200);
    expect((await cell.request('GET', '/tasks?limit=0')).status).toBe(400);
    const [id] = await candidatesAtClassStage(cell, 1, ['dd-xltbd-kythuat'], 'Hợp Đồng Lớp');
    expect((await write(cell, 'POST', '/candidates/bulk-actions', { items: [] })).status).toBe(400);
    const opened = await write(committee, 'POST', '/classes', {
      name: 'Lớp hợp đồng',
      organiserUnitId: 'dd-kdn',
      startsOn: '2026-03-02',
      endsOn: '2026-03-06',
      capacity: 5,
      location: 'Trung tâm Chính trị quận Đống Đa',
    });
    expect(opened.status).toBe(201);
    const classId = opened.body.id as string;
    expect((await write(committee, 'POST', '/classes', { name: 'x' })).status).toBe(400);
    expect((await committee.request('GET', '/classes?organiser=dd-kdn')).status).toBe(200);
    expect((await committee.request('GET', '/classes?limit=0')).status).toBe(400);
    expect((await cell.request('GET', `/classes/${classId}`)).status).toBe(200);
    expect((await cell.request('GET', '/classes/no-such-class')).status).toBe(404);
    const enrol = `/classes/${classId}/enrolments`;
    expect((await write(cell, 'POST', enrol, { candidateIds: [id] })).status).toBe(200);
    expect((await write(cell, 'POST', enrol, { candidateIds: 'x' })).status).toBe(400);
    await cell.waitForStage(id, 'AWARENESS_CLASS');
    const results = `/classes/${classId}/results`;
    expect(
      (
        await write(cell, 'POST', results, {
          issuedOn: '2026-03-10',
          results: [{ candidateId: id, result: 'ABSENT' }],
        })
      ).status,
    ).toBe(200);
    expect((await write(cell, 'POST', results, { results: 'x' })).status).toBe(400);
  });

  it('onboarding: the template in JSON, CSV and XLSX, an import — and their refusals', async () => {
    for (const format of ['json', 'csv', 'xlsx']) {
      const template = await committee.fetchRaw(`/onboarding/template?format=${format}`);
      expect([format, template.status]).toEqual([format, 200]);
    }
    expect((await committee.request('GET', '/onboarding/template?format=pdf')).status).toBe(400);
    const csv = templateTable()
      .map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(','))
      .join('\r\n');
    const imported = await committee.request('POST', '/onboarding/imports?fileName=mau.csv', {
      rawBody: csv,
      headers: { 'idempotency-key': key(), 'content-type': 'text/csv' },
    });
    expect(imported).toMatchObject({ status: 200, body: { applied: 1, refused: 0 } });
    expect(imported.headers.get('cache-control')).toBe('no-store');
    const unknownColumn = await committee.request('POST', '/onboarding/imports', {
      rawBody: 'stage,mystery\r\nNOMINATED,1',
      headers: { 'idempotency-key': key(), 'content-type': 'text/csv' },
    });
    expect(unknownColumn).toMatchObject({ status: 400, body: { code: 'IMPORT_UNKNOWN_COLUMN' } });
    const notAWorkbook = await committee.request('POST', '/onboarding/imports', {
      rawBody: 'not a zip',
      headers: {
        'idempotency-key': key(),
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    });
    expect(notAWorkbook).toMatchObject({ status: 400, body: { code: 'IMPORT_FILE_MALFORMED' } });
  });

  it('accounts and deliveries: create, list, read, change, my deliveries — and their refusals', async () => {
    const account = {
      name: 'Nguyễn Hợp Đồng',
      email: 'hopdong@example.vn',
      roles: ['cell-officer'],
      unitId: 'dd-kdn',
    };
    const created = await write(admin, 'POST', '/accounts', account);
    expect(created.status).toBe(201);
    const id = created.body.userId as string;
    expect(await write(admin, 'POST', '/accounts', account)).toMatchObject({
      status: 409,
      body: { code: 'ACCOUNT_EMAIL_TAKEN' },
    });
    expect((await admin.request('GET', '/accounts?unit=dd-kdn&role=cell-officer')).status).toBe(
      200,
    );
    expect((await admin.request('GET', '/accounts?limit=0')).status).toBe(400);
    expect((await admin.request('GET', `/accounts/${id}`)).status).toBe(200);
    expect((await admin.request('GET', '/accounts/nobody-here')).status).toBe(404);
    const changed = await write(admin, 'PATCH', `/accounts/${id}`, {
      roles: ['cell-officer', 'committee-officer'],
    });
    expect(changed).toMatchObject({ status: 200, body: { version: 2 } });
    expect((await write(admin, 'PATCH', `/accounts/${id}`, {})).status).toBe(400);
    expect((await cell.request('GET', '/me/deliveries')).status).toBe(200);
    expect((await cell.request('GET', '/me/deliveries?limit=0')).status).toBe(400);
  });

  it('refuses every documented write without an Idempotency-Key, before anything else', async () => {
    // A caller with every role, so that no role check answers first.
    const everything = await officerClient(runtime, {
      roles: ['cell-officer', 'committee-officer', 'approver', 'admin'],
      unitId: 'hn',
    });
    const writes = allRoutes().filter((route) => route.method !== 'GET');
    expect(writes.length).toBeGreaterThan(10);
    for (const route of writes) {
      const path = route.path.replace(/\{[^}]+\}/g, 'shapely-id-1');
      const refused = await everything.request(route.method, path, { body: {} });
      expect([route.operationId, refused.status, refused.body.code]).toEqual([
        route.operationId,
        400,
        'MISSING_IDEMPOTENCY_KEY',
      ]);
    }
  });

  it('saw every documented route answer, a success and a refusal each, all as documented', () => {
    const validator = new ContractValidator();
    const seen = new Map<string, Set<string>>();
    for (const response of recordedResponses) {
      const route = validator.routeOf(response.method, response.url);
      if (!route) continue;
      const kinds = seen.get(route) ?? new Set();
      kinds.add(response.status < 400 ? 'success' : 'refusal');
      seen.set(route, kinds);
    }
    const missing = allRoutes().flatMap((route) => {
      const routeKey = `${route.method} ${route.path}`;
      const kinds = seen.get(routeKey) ?? new Set();
      // The public pages have nothing to refuse.
      const expected = route.auth === 'none' ? ['success'] : ['success', 'refusal'];
      return expected.filter((k) => !kinds.has(k)).map((k) => `${routeKey}: no ${k}`);
    });
    expect(missing).toEqual([]);
    expect(contractViolations()).toEqual([]);
  });
});
