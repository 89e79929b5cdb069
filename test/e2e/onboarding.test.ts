import { PIPELINE, completingAction } from '../../functions/domain/pipeline';
import { addDays, addMonths, dayNumber } from '../../functions/domain/rules/calendar-date';
import { vietnamDateOf } from '../../functions/domain/vietnam-time';
import { writeXlsx } from '../../functions/http/xlsx';
import { type ApiClient, type CandidateBody } from './support/api-client';
import { moveClock, readClock } from './support/clock';
import { demoOfficers, officerClient } from './support/officers';
import {
  importFile,
  onboardingRow,
  type Row,
  timeline,
  toCsv,
  toTable,
} from './support/onboarding';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

/**
 * Adoption by a committee that does not start from zero (issue 13): 50 files in progress spread
 * over every stage, and 200 members admitted in earlier years, imported from CSV and XLSX by a
 * committee officer of Đảng ủy Khối doanh nghiệp quận Đống Đa. The imported files then walk on
 * like any other, the quota reports of past years count them exactly once in the month of their
 * facts, and the business clock brings imported probationers to recognition.
 */
jest.setTimeout(600_000);

let runtime: RuntimeProcess;
let importer: ApiClient;
let officers: Awaited<ReturnType<typeof demoOfficers>>;
let today: string;

const CELLS = ['dd-xltbd-kythuat', 'dd-xltbd-xuong'] as const;
const GRASSROOTS_CELL = 'dd-tbdl1';
const STAGES = PIPELINE.map((s) => s.id);

interface Imported {
  row: Row;
  id: string;
}
let inFlight: Imported[] = [];
let past: Imported[] = [];
let inFlightCsv: string;
/** Probationers admitted eight months before adoption, and four whose 12 months are already over. */
let eightMonths: Imported[] = [];
let overdue: Imported[] = [];

const vietnamToday = async () => vietnamDateOf(new Date((await readClock(runtime)).now));

function inFlightRows(): Row[] {
  return Array.from({ length: 50 }, (_, i) => {
    const stage = STAGES[i % STAGES.length];
    const recognition = PIPELINE.find((s) => s.id === stage)!.phase === 'recognition';
    // Admission files started ~200 days ago; files in recognition ~20 months ago.
    const start = addDays(today, recognition ? -620 - (i % 7) : -200 - (i % 7));
    return onboardingRow({
      stage,
      unitId: CELLS[i % 2],
      fullName: `Hồ sơ đang xử lý ${i + 1}`,
      start,
      serial: 1000 + i,
    });
  });
}

function pastRows(): Row[] {
  const rows: Row[] = [];
  let serial = 5000;
  // 45 official members a year, ceremonies from March to October of 2022–2025.
  for (const year of [2022, 2023, 2024, 2025]) {
    for (let k = 0; k < 45; k++) {
      const ceremony = `${year}-${String(3 + (k % 8)).padStart(2, '0')}-${String(1 + (k % 25)).padStart(2, '0')}`;
      const grassrootsCell = k % 3 === 0;
      rows.push(
        onboardingRow({
          stage: 'OFFICIAL',
          unitId: grassrootsCell ? GRASSROOTS_CELL : CELLS[k % 2],
          grassrootsCell,
          fullName: `Đảng viên kết nạp ${year} số ${k + 1}`,
          start: addDays(ceremony, -185),
          serial: serial++,
        }),
      );
    }
  }
  // Probationers: 16 admitted eight months before adoption, 4 thirteen months before.
  for (let k = 0; k < 20; k++) {
    const ceremony = k < 16 ? addDays(addMonths(today, -8), -(k % 4)) : addMonths(today, -13);
    rows.push(
      onboardingRow({
        stage: 'ADMITTED',
        unitId: CELLS[k % 2],
        fullName: `Đảng viên dự bị ${k + 1}`,
        start: addDays(ceremony, -185),
        serial: serial++,
      }),
    );
  }
  return rows;
}

/** What each metric counts, per year, from the rows the test wrote (the ledger's event dates). */
function expectedCounts(rows: readonly Row[], year: string) {
  const inYear = (date: string | undefined) => (date?.startsWith(year) ? 1 : 0);
  const sum = (f: (r: Row) => string | undefined) => rows.reduce((n, r) => n + inYear(f(r)), 0);
  return {
    NOMINATED: sum((r) => r.nominatedOn),
    TRAINED: sum((r) => r['awarenessClass.issuedOn']),
    ADMITTED: sum((r) => r['ceremony.ceremonyDate']),
    OFFICIAL: sum((r) =>
      r.stage === 'OFFICIAL' ? r['recognitionDecision.decisionDate'] : undefined,
    ),
  };
}

async function achieved(period: string): Promise<Record<string, number>> {
  const { status, body } = await importer.request<CandidateBody>(
    'GET',
    `/reports/quotas?unit=dd-kdn&period=${period}`,
  );
  expect(status).toBe(200);
  const unit = body.units.find((u: CandidateBody) => u.unitId === 'dd-kdn');
  return Object.fromEntries(
    unit.metrics.map((m: CandidateBody) => [m.metric, m.achieved as number]),
  );
}

async function waitAll(items: Imported[], stageOf: (i: Imported) => string, timeoutMs = 120_000) {
  for (const item of items) await importer.waitForStage(item.id, stageOf(item), timeoutMs);
}

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  officers = await demoOfficers(runtime);
  importer = await officerClient(runtime, {
    roles: ['committee-officer'],
    unitId: 'dd-kdn',
    name: 'Phạm Thu Nhập',
  });
  today = await vietnamToday();
}, 300_000);
afterAll(() => runtime?.stop());

describe('onboarding files already in progress', () => {
  it('offers the template: Vietnamese headers with English beside, an example, the stages', async () => {
    const { status, body } = await importer.request<CandidateBody>('GET', '/onboarding/template');
    expect(status).toBe(200);
    const header = body.columns.find((c: CandidateBody) => c.key === 'cellResolution.meetingDate');
    expect(header.header).toBe(
      'Ngày họp (Chi bộ xét kết nạp) | Meeting date (Cell admission vote) [cellResolution.meetingDate]',
    );
    const admitted = body.stages.find((s: CandidateBody) => s.stage === 'ADMITTED');
    expect(admitted.requiredColumns).toEqual(expect.arrayContaining(['ceremony.ceremonyDate']));
    const csv = await importer.fetchRaw('/onboarding/template?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(
      text.startsWith('\uFEFFBước hiện tại của hồ sơ | Current stage of the file [stage],'),
    ).toBe(true);
    const xlsx = await importer.fetchRaw('/onboarding/template?format=xlsx');
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const cell = await officerClient(runtime, { roles: ['approver'], unitId: 'dd-kdn' });
    expect(await cell.request('GET', '/onboarding/template')).toMatchObject({
      status: 403,
      body: { code: 'ROLE_NOT_ALLOWED' },
    });
  });

  it('imports 50 files in progress at their stages, each parked where its row says', async () => {
    const rows = inFlightRows();
    inFlightCsv = toCsv(rows);
    const answer = await importFile(importer, inFlightCsv, 'ho-so-dang-xu-ly.csv');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ rows: 50, applied: 50, skipped: 0, refused: 0 });
    inFlight = answer.body.results.map((r, i) => ({ row: rows[i], id: r.candidateId! }));
    expect(answer.body.results.map((r) => r.stage)).toEqual(rows.map((r) => r.stage));
    await waitAll(inFlight, (i) => i.row.stage);

    const sample = inFlight.find((i) => i.row.stage === 'CELL_RESOLUTION')!;
    const { body } = await importer.request<CandidateBody>(
      'GET',
      `/candidates/${sample.id}/history`,
    );
    // The nomination and the five stages behind the file, each saying where it came from.
    expect(body.items.map((e: CandidateBody) => e.toStage)).toEqual(STAGES.slice(0, 6));
    for (const event of body.items) {
      expect(event.imported).toMatchObject({
        fileName: 'ho-so-dang-xu-ly.csv',
        sha256: answer.body.sha256,
        row: inFlight.indexOf(sample) + 2,
        by: { name: 'Phạm Thu Nhập', role: 'committee-officer', unitId: 'dd-kdn' },
      });
    }
    expect(body.items[5]).toMatchObject({
      action: 'recordSponsorship',
      at: new Date(
        `${sample.row['sponsorship.sponsors.2.documentDate']}T12:00:00+07:00`,
      ).toISOString(),
    });
  });

  it('applies nothing twice: the same file again, and an overlapping one, answer row by row', async () => {
    const before = await achieved(today.slice(0, 4));
    const again = await importFile(importer, inFlightCsv, 'ho-so-dang-xu-ly.csv');
    expect(again.body).toMatchObject({ rows: 50, applied: 0, skipped: 50, refused: 0 });
    expect(again.body.results.map((r) => r.candidateId)).toEqual(inFlight.map((i) => i.id));

    const fresh = onboardingRow({
      stage: 'APPLICATION',
      unitId: CELLS[0],
      fullName: 'Hồ sơ mới',
      start: addDays(today, -90),
      serial: 1999,
    });
    const shortVote = onboardingRow({
      stage: 'GRASSROOTS_RESOLUTION',
      unitId: CELLS[1],
      fullName: 'Chưa đủ hai phần ba',
      start: addDays(today, -200),
      serial: 1998,
    });
    // 5 of 8 voting members is short of two thirds: under the rules the file was not admitted.
    Object.assign(shortVote, {
      'cellResolution.votesFor': '5',
      'cellResolution.votesAgainst': '3',
    });
    const badDate = {
      ...fresh,
      nationalId: '077777771997',
      'awarenessClass.issuedOn': 'hôm qua',
    };
    const future = onboardingRow({
      stage: 'SPONSORSHIP',
      unitId: CELLS[0],
      fullName: 'Ngày trong tương lai',
      start: addDays(today, -90),
      serial: 1996,
    });
    future['backgroundCheck.completedOn'] = addDays(today, 30);
    const outside = onboardingRow({
      stage: 'APPLICATION',
      unitId: 'tt-ngoquyen',
      fullName: 'Ngoài phạm vi',
      start: addDays(today, -90),
      serial: 1995,
    });
    // The same person exported a stage earlier by another tool: one open file per person.
    const earlier = inFlight.find((i) => i.row.stage === 'APPLICATION')!;
    const restaged: Row = { ...earlier.row, stage: 'AWARENESS_CLASS' };
    for (const k of Object.keys(restaged)) if (k.startsWith('awarenessClass.')) delete restaged[k];
    const overlap = toCsv([
      ...inFlight.slice(0, 3).map((i) => i.row),
      fresh,
      shortVote,
      badDate,
      future,
      outside,
      restaged,
    ]);
    const answer = await importFile(importer, overlap, 'bo-sung.csv');
    expect(answer.body.results.map((r) => [r.status, r.error?.code, r.error?.field])).toEqual([
      ['SKIPPED', undefined, undefined],
      ['SKIPPED', undefined, undefined],
      ['SKIPPED', undefined, undefined],
      ['APPLIED', undefined, undefined],
      ['REFUSED', 'IMPORT_STAGE_NOT_REACHED', 'cellResolution'],
      ['REFUSED', 'INVALID_ROW', 'awarenessClass.issuedOn'],
      ['REFUSED', 'IMPORT_DATE_IN_FUTURE', 'backgroundCheck'],
      ['REFUSED', 'UNIT_NOT_FOUND', 'unitId'],
      ['REFUSED', 'DUPLICATE_NOMINATION', 'nationalId'],
    ]);
    expect(answer.body.results[8].error).toMatchObject({
      status: 409,
      details: { candidateId: earlier.id },
    });
    expect(answer.body.results[4]).toMatchObject({
      row: 6,
      error: {
        status: 422,
        message: expect.stringContaining('Chi bộ xét kết nạp'),
        details: { outcome: 'failed', toStage: 'REJECTED' },
      },
    });
    expect(answer.body.results[7].error).toMatchObject({ status: 404 });
    const after = await achieved(today.slice(0, 4));
    // Only the one new file counted: its nomination and its certificate.
    const counted = expectedCounts([fresh], today.slice(0, 4));
    expect(after.NOMINATED).toBe(before.NOMINATED + counted.NOMINATED);
    expect(after.TRAINED).toBe(before.TRAINED + counted.TRAINED);
    expect(after.ADMITTED).toBe(before.ADMITTED);
  });

  it('imports 200 members admitted in earlier years, from CSV and from XLSX', async () => {
    const rows = pastRows();
    const first = await importFile(importer, toCsv(rows.slice(0, 100)), 'ket-nap-2022-2023.csv');
    const second = await importFile(
      importer,
      writeXlsx([{ name: 'Dang vien', rows: toTable(rows.slice(100)) }]),
      'ket-nap-2024-2026.xlsx',
    );
    for (const answer of [first, second]) {
      expect([
        answer.status,
        answer.body.refused,
        answer.body.results.filter((r) => r.error).map((r) => r.error),
      ]).toEqual([200, 0, []]);
      expect(answer.body.applied).toBe(100);
    }
    past = [...first.body.results, ...second.body.results].map((r, i) => ({
      row: rows[i],
      id: r.candidateId!,
    }));
    eightMonths = past.filter((p) => p.row.stage === 'ADMITTED').slice(0, 16);
    overdue = past.filter((p) => p.row.stage === 'ADMITTED').slice(16);
    const official = await importer.candidate(past[0].id);
    expect(official.body).toMatchObject({ stage: 'OFFICIAL', status: 'CLOSED' });
    const member = await importer.candidate(eightMonths[0].id);
    expect(member.body).toMatchObject({
      stage: 'ADMITTED',
      probationSchedule: { wakesOn: addMonths(eightMonths[0].row['ceremony.ceremonyDate'], 12) },
    });
  });

  it('reports the quota periods of past years exactly', async () => {
    const all = [...inFlight, ...past].map((i) => i.row);
    for (const year of ['2022', '2023', '2024', '2025']) {
      const counts = await achieved(year);
      const expected = expectedCounts(all, year);
      expect([year, counts.NOMINATED, counts.TRAINED, counts.ADMITTED]).toEqual([
        year,
        expected.NOMINATED,
        expected.TRAINED,
        expected.ADMITTED,
      ]);
      expect([year, counts.OFFICIAL ?? 0]).toEqual([year, expected.OFFICIAL]);
    }
    // 45 a year were admitted in 2022, all recognised in 2023; a quarter holds its own months.
    expect((await achieved('2022')).ADMITTED).toBe(45);
    expect((await achieved('2023')).OFFICIAL).toBe(45);
    const q2 = await achieved('2023-Q2');
    expect(q2.ADMITTED).toBe(
      past.filter((p) => /^2023-0[456]/.test(p.row['ceremony.ceremonyDate'] ?? '')).length,
    );
  });

  it('walks the imported files on, like any other', async () => {
    // One file at each stage takes its next step, with the facts of its own timeline.
    for (const stage of STAGES) {
      const file = inFlight.find((i) => i.row.stage === stage)!;
      const action = completingAction(PIPELINE.find((s) => s.id === stage)!);
      const { facts } = timeline(file.row.nominatedOn, false, 1000 + inFlight.indexOf(file));
      const current = await importer.waitForStage(file.id, stage, 60_000);
      const response = await officers.forAction(stage, action.id).act(file.id, {
        action: action.id,
        expectedVersion: current.version,
        payload: facts[action.dossierKey],
      });
      expect([stage, response.status]).toEqual([stage, 202]);
      const next = response.body.toStage as string;
      const moved = await importer.waitForStage(file.id, next, 60_000);
      expect(moved.version).toBeGreaterThan(current.version);
    }
  });

  it('brings imported probationers to recognition: now if their 12 months are over, else on the day', async () => {
    // Probation already over at adoption: the recognition workflow starts right away.
    await moveClock(runtime, { advanceMs: 5 * 60_000 });
    await waitAll(overdue, () => 'RECOGNITION_CELL_REVIEW');
    expect((await importer.candidate(eightMonths[0].id)).body.stage).toBe('ADMITTED');

    // Admitted eight months before adoption: recognition four months after it.
    const ends = eightMonths.map((m) => addMonths(m.row['ceremony.ceremonyDate'], 12)).sort();
    const now = await vietnamToday();
    await moveClock(runtime, { advanceDays: dayNumber(ends[0]) - dayNumber(now) - 1 });
    expect((await importer.candidate(eightMonths[0].id)).body.stage).toBe('ADMITTED');
    await moveClock(runtime, { advanceDays: dayNumber(ends.at(-1)!) - dayNumber(ends[0]) + 1 });
    expect(dayNumber(await vietnamToday()) - dayNumber(today)).toBeGreaterThanOrEqual(119);
    await waitAll(eightMonths, () => 'RECOGNITION_CELL_REVIEW');
    const woken = await importer.candidate(eightMonths[0].id);
    expect(woken.body.history.at(-1)).toMatchObject({
      action: 'endProbation',
      findings: { probationEndsOn: addMonths(eightMonths[0].row['ceremony.ceremonyDate'], 12) },
    });
  });
});
