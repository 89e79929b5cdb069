import { randomUUID } from 'node:crypto';
import { type ApiClient } from './support/api-client';
import {
  candidatesAtClassStage,
  post,
  resultsOf37,
  settleAll as settleAllOf,
} from './support/bulk';
import { DEMO_NOMINATION } from './support/happy-path';
import { officerClient } from './support/officers';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';
import { createUnits } from './support/seed-candidates';

let runtime: RuntimeProcess;
let cell: ApiClient;
let committee: ApiClient;

async function settleAll(ids: string[], stage: string) {
  return settleAllOf(cell, ids, stage);
}

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  const admin = await officerClient(runtime, { roles: ['admin'], unitId: 'hn' });
  await createUnits(admin, [
    { id: 'cl-g', name: 'Đảng ủy Khối lớp học', level: 'GRASSROOTS', parentId: 'hn-thanhtri' },
    { id: 'cl-c1', name: 'Chi bộ Lớp Một', level: 'CELL', parentId: 'cl-g' },
    { id: 'cl-c2', name: 'Chi bộ Lớp Hai', level: 'CELL', parentId: 'cl-g' },
  ]);
  cell = await officerClient(runtime, { roles: ['cell-officer'], unitId: 'cl-g' });
  committee = await officerClient(runtime, { roles: ['committee-officer'], unitId: 'cl-g' });
});
afterAll(() => runtime?.stop());

describe('an awareness class of 37: bulk enrolment and bulk results', () => {
  let ids: string[];
  let extra: string[];
  let outsider: string;
  let classId: string;

  beforeAll(async () => {
    // 37 for the class and 3 for a small one, in two cells of one grassroots unit, taken past
    // the nomination with one bulk request (POST /candidates/bulk-actions).
    const nominated = await candidatesAtClassStage(cell, 40, ['cl-c1', 'cl-c2'], 'Học viên Lớp Số');
    ids = nominated.slice(0, 37);
    extra = nominated.slice(37);
    // Someone else's candidate, outside the cell officer's subtree.
    const elsewhere = await officerClient(runtime, { roles: ['cell-officer'], unitId: 'dd-kdn' });
    const other = await elsewhere.nominate({ ...DEMO_NOMINATION, fullName: 'Người Ngoài Phạm Vi' });
    expect(other.status).toBe(201);
    outsider = other.body.id as string;

    const created = await post(committee, '/classes', {
      name: 'Lớp bồi dưỡng nhận thức về Đảng khóa I/2026',
      organiserUnitId: 'cl-g',
      startsOn: '2026-03-02',
      endsOn: '2026-03-06',
      capacity: 37,
      location: 'Trung tâm Chính trị huyện Thanh Trì',
    });
    expect(created.status).toBe(201);
    classId = created.body.id as string;
    expect(created.headers.get('location')).toBe(`/classes/${classId}`);
  }, 300_000);

  it('enrols 37 at once; a replay answers the same and enrols nobody twice', async () => {
    const key = randomUUID();
    const body = { candidateIds: [...ids, outsider, 'c-does-not-exist'] };
    const first = await post(cell, `/classes/${classId}/enrolments`, body, key);
    expect(first.status).toBe(200);
    expect(first.body.summary).toEqual({ total: 39, applied: 37, refused: 2, skipped: 0 });
    expect(first.body.results.map((r) => r.candidateId)).toEqual(body.candidateIds);
    for (const refused of first.body.results.slice(37)) {
      expect(refused).toMatchObject({ status: 'REFUSED', httpStatus: 404 });
      expect(refused.error).toMatchObject({ code: 'CANDIDATE_NOT_FOUND' });
      expect(refused.error!.message).toBeTruthy();
      expect(refused.error!.message_en).toBeTruthy();
    }
    const second = await post(cell, `/classes/${classId}/enrolments`, body, key);
    const third = await post(cell, `/classes/${classId}/enrolments`, body, key);
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    const reused = await post(cell, `/classes/${classId}/enrolments`, { candidateIds: ids }, key);
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });

    const settled = await settleAll(ids, 'AWARENESS_CLASS');
    settled.forEach((c, i) => {
      expect(c.version).toBe(first.body.results[i].accepted!.resultingVersion);
      expect(c.dossier.enrolment).toEqual({
        classId,
        startsOn: '2026-03-02',
        endsOn: '2026-03-06',
      });
    });
    const view = await cell.request('GET', `/classes/${classId}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      enrolled: 37,
      capacity: 37,
      figures: { enrolled: 37, passed: 0, awaitingResult: 37, passedOfEnrolled: '00/37' },
    });
  });

  it('refuses a seat beyond the capacity, per candidate', async () => {
    const small = await post(committee, '/classes', {
      name: 'Lớp nhỏ',
      organiserUnitId: 'cl-g',
      startsOn: '2026-03-09',
      endsOn: '2026-03-13',
      capacity: 2,
      location: 'Hội trường Đảng ủy',
    });
    const enrolled = await post(cell, `/classes/${small.body.id}/enrolments`, {
      candidateIds: extra,
    });
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.summary).toEqual({ total: 3, applied: 2, refused: 1, skipped: 0 });
    const full = enrolled.body.results.find((r) => r.status === 'REFUSED')!;
    expect(full).toMatchObject({ httpStatus: 422, error: { code: 'CLASS_FULL' } });
    const view = await cell.request('GET', `/classes/${small.body.id}`);
    expect(view.body).toMatchObject({ enrolled: 2, figures: { enrolled: 2 } });
    // The refused candidate was not touched: still waiting to enrol, no enrolment on file.
    const untouched = await cell.waitForStage(full.candidateId, 'AWARENESS_CLASS');
    expect(untouched.dossier.enrolment).toBeUndefined();
  });

  it('records 26 passed, 6 failed, 5 absent at once; replays change nothing; 26/37', async () => {
    const results = resultsOf37(ids);
    const notHere = { candidateId: extra[0], result: 'FAILED' };
    const body = { issuedOn: '2026-03-10', results: [...results, notHere] };
    const key = randomUUID();
    const first = await post(cell, `/classes/${classId}/results`, body, key);
    expect(first.status).toBe(200);
    expect(first.body.summary).toEqual({ total: 38, applied: 37, refused: 1, skipped: 0 });
    expect(first.body.results[37]).toMatchObject({
      status: 'REFUSED',
      httpStatus: 422,
      error: { code: 'NOT_ENROLLED_IN_CLASS' },
    });
    const second = await post(cell, `/classes/${classId}/results`, body, key);
    const third = await post(cell, `/classes/${classId}/results`, body, key);
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);

    // Each workflow moved on from the bulk result: a pass to the application, else a retake.
    const passed = await settleAll(ids.slice(0, 26), 'APPLICATION');
    await settleAll(ids.slice(26), 'AWARENESS_CLASS');
    expect(passed[0].dossier.awarenessClass).toEqual({
      result: 'PASSED',
      classId,
      certificateNumber: 'CN-NTVĐ 001/2026',
      issuedOn: '2026-03-10',
    });

    const view = await cell.request('GET', `/classes/${classId}`);
    expect(view.body).toMatchObject({
      status: 'RESULTS_RECORDED',
      figures: {
        enrolled: 37,
        passed: 26,
        failed: 6,
        absent: 5,
        awaitingResult: 0,
        passedOfEnrolled: '26/37',
      },
    });
    const seats = view.body.seats as { candidateId: string; result: string }[];
    expect(seats.find((s) => s.candidateId === ids[33])!.result).toBe('ABSENT');

    // History: one enrolment and one result per candidate, whatever the replays.
    for (const id of ids) {
      const history = await cell.request<{ items?: unknown } & Record<string, unknown>>(
        'GET',
        `/candidates/${id}/history`,
      );
      const events = (
        Array.isArray(history.body) ? history.body : (history.body.items as unknown[])
      ) as { action?: string; outcome?: string }[];
      expect(events.filter((e) => e.action === 'enrolInClass')).toHaveLength(1);
      expect(events.filter((e) => e.action === 'recordClassResult')).toHaveLength(1);
    }

    // The same results under a new key: each candidate already has exactly that on file.
    const again = await post(cell, `/classes/${classId}/results`, { ...body, results });
    expect(again.body.summary).toEqual({ total: 37, applied: 0, refused: 0, skipped: 37 });
    expect(again.body.results[0].reason).toMatchObject({ code: 'ALREADY_RECORDED' });
  });

  it('refuses an unknown class, an oversized or repetitive request, and other roles', async () => {
    const unknown = await post(cell, '/classes/lop-unknown/results', {
      results: [{ candidateId: ids[0], result: 'FAILED' }],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'CLASS_NOT_FOUND' });
    const tooMany = await post(cell, `/classes/${classId}/enrolments`, {
      candidateIds: Array.from({ length: 101 }, (_, i) => `c${i}`),
    });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ code: 'BULK_TOO_LARGE', field: 'candidateIds' });
    const twice = await post(cell, '/candidates/bulk-actions', {
      items: [
        { candidateId: ids[0], action: 'withdraw' },
        { candidateId: ids[0], action: 'withdraw' },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({ code: 'DUPLICATE_CANDIDATE', field: 'items.1' });
    // A committee officer may not take the cell's action: refused per candidate, nothing written.
    const byCommittee = await post(committee, '/candidates/bulk-actions', {
      items: [
        {
          candidateId: ids[30],
          action: 'enrolInClass',
          payload: { classId, startsOn: '2026-04-01', endsOn: '2026-04-03' },
        },
      ],
    });
    expect(byCommittee.status).toBe(200);
    expect(byCommittee.body.results[0]).toMatchObject({
      status: 'REFUSED',
      httpStatus: 403,
      error: { code: 'ROLE_NOT_ALLOWED' },
    });
    const cellCannotOpen = await post(cell, '/classes', {
      name: 'Lớp của chi bộ',
      organiserUnitId: 'cl-g',
      startsOn: '2026-05-04',
      endsOn: '2026-05-08',
      capacity: 10,
      location: 'Nhà văn hóa',
    });
    expect(cellCannotOpen.status).toBe(403);
    const listed = await cell.request('GET', '/classes?organiser=cl-g');
    expect(listed.status).toBe(200);
    expect((listed.body.items as { id: string }[]).map((c) => c.id)).toContain(classId);
    const stranger = await officerClient(runtime, { roles: ['cell-officer'], unitId: 'dd-kdn' });
    const hidden = await stranger.request('GET', `/classes/${classId}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ code: 'CLASS_NOT_FOUND' });
  });
});
