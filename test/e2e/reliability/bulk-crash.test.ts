import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/api-client';
import {
  type BulkBody,
  candidatesAtClassStage,
  post,
  resultsOf37,
  settleAll,
} from '../support/bulk';
import { officerClient, tokenFor } from '../support/officers';
import { type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process';
import { createUnits } from '../support/seed-candidates';

/**
 * SIGKILL while a bulk class result is half-way through: the replay of the same request (same
 * Idempotency-Key) completes it. Every candidate ends with exactly one result event, whether its
 * step was recorded before the crash or by the replay, and the class reports 26/37.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'admission-bulk-crash-'));
let runtime: RuntimeProcess;

afterAll(async () => {
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CELL = { roles: ['cell-officer' as const], unitId: 'bc-g', sub: 'bulk-crash-cell' };

describe('a crash in the middle of a bulk class result', () => {
  it('is completed by replaying the same request, nothing applied twice', async () => {
    runtime = await startRuntimeProcess({ dataDir });
    const admin = await officerClient(runtime, { roles: ['admin'], unitId: 'hn' });
    await createUnits(admin, [
      { id: 'bc-g', name: 'Đảng ủy Khối sự cố', level: 'GRASSROOTS', parentId: 'hn-thanhtri' },
      { id: 'bc-c1', name: 'Chi bộ Sự cố', level: 'CELL', parentId: 'bc-g' },
    ]);
    let cell = await officerClient(runtime, CELL);
    const committee = await officerClient(runtime, {
      roles: ['committee-officer'],
      unitId: 'bc-g',
    });
    const ids = await candidatesAtClassStage(cell, 37, ['bc-c1'], 'Học viên Sự Cố');
    const created = await post(committee, '/classes', {
      name: 'Lớp bồi dưỡng khóa II/2026',
      organiserUnitId: 'bc-g',
      startsOn: '2026-04-06',
      endsOn: '2026-04-10',
      capacity: 40,
      location: 'Trung tâm Chính trị',
    });
    const classId = created.body.id as string;
    const enrolled = await post(cell, `/classes/${classId}/enrolments`, { candidateIds: ids });
    expect(enrolled.body.summary).toMatchObject({ applied: 37 });
    await settleAll(cell, ids, 'AWARENESS_CLASS');

    // The bulk result is sent; the runtime dies as soon as the first seat shows a result.
    const key = randomUUID();
    const body = { issuedOn: '2026-04-10', results: resultsOf37(ids) };
    const inFlight = post(cell, `/classes/${classId}/results`, body, key).catch((e) => e);
    for (;;) {
      const view = await cell.request('GET', `/classes/${classId}`);
      const figures = view.body.figures as { awaitingResult: number };
      if (figures.awaitingResult < 37) break;
      await sleep(20);
    }
    await runtime.kill();
    await inFlight;
    runtime = await startRuntimeProcess({ dataDir });
    // The same user, a new token from the restarted issuer (same key on disk).
    cell = new ApiClient(runtime.url, await tokenFor(runtime, CELL));

    const before = await cell.request('GET', `/classes/${classId}`);
    const half = before.body.figures as { awaitingResult: number };
    // The crash did land half-way: some results recorded, not all.
    expect(half.awaitingResult).toBeGreaterThan(0);
    expect(half.awaitingResult).toBeLessThan(37);

    // The replay: refused as in progress until the crashed attempt's lease ends, then completed.
    let replay: { status: number; body: BulkBody & Record<string, unknown> };
    for (;;) {
      replay = await post(cell, `/classes/${classId}/results`, body, key);
      if (replay.status !== 409) break;
      expect(replay.body).toMatchObject({ code: 'REQUEST_IN_PROGRESS' });
      await sleep(2_000);
    }
    expect(replay.status).toBe(200);
    expect(replay.body.summary).toEqual({ total: 37, applied: 37, refused: 0, skipped: 0 });
    // A further replay answers exactly the same.
    const again = await post(cell, `/classes/${classId}/results`, body, key);
    expect(again.body).toEqual(replay.body);

    await settleAll(cell, ids.slice(0, 26), 'APPLICATION');
    await settleAll(cell, ids.slice(26), 'AWARENESS_CLASS');
    const after = await cell.request('GET', `/classes/${classId}`);
    expect(after.body.figures).toMatchObject({
      enrolled: 37,
      passed: 26,
      failed: 6,
      absent: 5,
      awaitingResult: 0,
      passedOfEnrolled: '26/37',
    });
    for (const id of ids) {
      const history = await cell.request('GET', `/candidates/${id}/history`);
      const events = history.body.items as { action?: string }[];
      expect(events.filter((e) => e.action === 'recordClassResult')).toHaveLength(1);
    }
  }, 300_000);
});
