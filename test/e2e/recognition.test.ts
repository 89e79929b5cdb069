import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ListSchedulesCommand } from '@aws-sdk/client-scheduler';
import { addDays, addMonths } from '../../functions/domain/rules/calendar-date';
import { awsClients } from './support/aws-clients';
import { moveClock } from './support/clock';
import { DEMO_NOMINATION } from './support/happy-path';
import { demoOfficers } from './support/officers';
import {
  actAndSettle,
  aWeekLater as aWeekLaterOn,
  grassroots,
  review,
  today as todayOn,
  walkToAdmitted,
} from './support/recognition-walk';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

/**
 * Probation and recognition on the local runtime with the accelerated clock: four members are
 * admitted today; the clock moves 12 months; the probation schedules (local EventBridge Scheduler)
 * start the recognition state machine; each member then walks a path of recognition:
 *   A → OFFICIAL (the walk whose transcript the closing note quotes),
 *   B → three cell votes short of 2/3, escalated to the grassroots committee,
 *   C → a cell that is itself grassroots: no grassroots review,
 *   D → REMOVED (xóa tên).
 */
jest.setTimeout(300_000);

let runtime: RuntimeProcess;
let officers: Awaited<ReturnType<typeof demoOfficers>>;
const transcript: string[] = [];
const members: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };
let admittedOn: string;
let probationEndsOn: string;

const today = () => todayOn(runtime);

async function note(id: string, action: string, stage: string) {
  if (id !== members.A) return;
  transcript.push(`${(await today()).padEnd(12)}| ${action.padEnd(62)}| ${stage}`);
}

/** One action on the step the member waits at; returns the member once the workflow settled. */
async function act(id: string, stage: string, action: string, payload: unknown) {
  const after = await actAndSettle(officers, id, stage, action, payload);
  await note(id, action, after.stage);
  return after;
}

const aWeekLater = () => aWeekLaterOn(runtime);

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  officers = await demoOfficers(runtime);
  admittedOn = await today();
  // The admission decision ten days ago, the ceremony today: probation starts today.
  const people = [
    ['A', 'Đặng Văn Chính', 'dd-xltbd-kythuat'],
    ['B', 'Đặng Thị Ba Lần', 'dd-xltbd-kythuat'],
    ['C', 'Đặng Văn Cơ Sở', 'dd-tbdl1'],
    ['D', 'Đặng Văn Xóa', 'dd-xltbd-kythuat'],
  ] as const;
  for (const [key, fullName, unitId] of people) {
    const response = await officers.cell.nominate({ ...DEMO_NOMINATION, fullName, unitId });
    expect(response.status).toBe(201);
    const id = response.body.id as string;
    members[key] = id;
    await note(id, 'nominate (POST /candidates)', 'NOMINATED');
    await walkToAdmitted(
      officers,
      id,
      { admittedOn, grassrootsCell: unitId === 'dd-tbdl1' },
      (action, after) => note(id, action, after.stage),
    );
  }
  probationEndsOn = addMonths(admittedOn, 12);
}, 900_000);

afterAll(async () => {
  await runtime?.stop();
  const dir = path.join(__dirname, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'walk-to-official.txt'),
    [
      `Accelerated walk to OFFICIAL on the local runtime (member ${members.A}, cell dd-xltbd-kythuat)`,
      `${'clock (VN)'.padEnd(12)}| ${'action'.padEnd(62)}| stage after`,
      ...transcript,
      '',
    ].join('\n'),
  );
});

describe('probation: a schedule, not a Wait state', () => {
  it('schedules the recognition workflow for the end of the 12 months at ADMITTED', async () => {
    await officers.cell.waitForStage(members.A, 'ADMITTED');
    // The schedule is created right after the ADMITTED transition commits, by the same step.
    let member = (await officers.cell.candidate(members.A)).body;
    for (let i = 0; i < 200 && !member.probationSchedule; i++) {
      await new Promise((r) => setTimeout(r, 50));
      member = (await officers.cell.candidate(members.A)).body;
    }
    expect(member).toMatchObject({
      status: 'CLOSED',
      probationSchedule: { name: `probation-${members.A}`, wakesOn: probationEndsOn },
    });
    const { scheduler } = awsClients(runtime);
    const { Schedules = [] } = await scheduler.send(
      new ListSchedulesCommand({ NamePrefix: 'probation-' }),
    );
    expect(Schedules.map((s) => s.Name).sort()).toEqual(
      Object.values(members)
        .map((id) => `probation-${id}`)
        .sort(),
    );
    expect(Schedules.every((s) => s.GroupName?.endsWith('-probation'))).toBe(true);
  });

  it('wakes nobody a day early, and every member on the day the 12 months are complete', async () => {
    const { scheduler } = awsClients(runtime);
    const untilTheEve = Math.round((Date.parse(probationEndsOn) - Date.parse(admittedOn)) / 864e5);
    await moveClock(runtime, { advanceDays: untilTheEve - 1 });
    expect(await today()).toBe(addDays(probationEndsOn, -1));
    expect((await officers.cell.candidate(members.A)).body).toMatchObject({ stage: 'ADMITTED' });

    await moveClock(runtime, { advanceDays: 1 });
    expect(await today()).toBe(probationEndsOn);
    transcript.push(
      `${probationEndsOn.padEnd(12)}| ${`clock +${untilTheEve} days: schedule probation-… starts recognition`.padEnd(62)}| RECOGNITION_CELL_REVIEW`,
    );
    for (const id of Object.values(members)) {
      const woken = await officers.cell.waitForStage(id, 'RECOGNITION_CELL_REVIEW', 60_000);
      expect(woken.status).toBe('AWAITING_ACTION');
      expect(woken.history.at(-1)).toMatchObject({
        fromStage: 'ADMITTED',
        toStage: 'RECOGNITION_CELL_REVIEW',
        action: 'endProbation',
        outcome: 'probationEnded',
        findings: { probationEndsOn, ceremonyDate: admittedOn },
      });
      expect(woken.missingDocuments).toEqual(['10-KNĐ', '11-KNĐ', '12-KNĐ', '13-KNĐ']);
    }
    // ActionAfterCompletion DELETE: the fired schedules are gone.
    const { Schedules = [] } = await scheduler.send(
      new ListSchedulesCommand({ NamePrefix: 'probation-' }),
    );
    expect(Schedules).toEqual([]);
  });
});

describe('recognition after probation', () => {
  it('walks a member to OFFICIAL, official from the end of probation', async () => {
    const id = members.A;
    const early = await officers.cell.act(id, {
      action: 'recordRecognitionCellReview',
      expectedVersion: (await officers.cell.candidate(id)).body.version,
      payload: review(addDays(probationEndsOn, -1), 7),
    });
    expect(early).toMatchObject({
      status: 422,
      body: {
        code: 'RECOGNITION_BEFORE_PROBATION_END',
        field: 'payload.meetingDate',
        details: { previous: probationEndsOn },
      },
    });
    expect(early.body.message).toMatch(/\S/);
    expect(early.body.message_en).toContain(probationEndsOn);

    let day = await aWeekLater();
    const grassrootsStage = await act(
      id,
      'RECOGNITION_CELL_REVIEW',
      'recordRecognitionCellReview',
      review(day, 7),
    );
    expect(grassrootsStage).toMatchObject({ stage: 'RECOGNITION_GRASSROOTS' });
    expect(grassrootsStage.history.at(-1).findings).toMatchObject({
      vote: { denominator: 8, passed: true },
      probationEndsOn,
      late: false,
    });
    day = await aWeekLater();
    await act(id, 'RECOGNITION_GRASSROOTS', 'recordRecognitionGrassroots', grassroots(day));
    day = await aWeekLater();
    const official = await act(id, 'RECOGNITION_DECISION', 'decideRecognition', {
      decision: 'RECOGNISE',
      decisionNumber: '88-QĐ/ĐU',
      decisionDate: day,
    });
    expect(official).toMatchObject({ stage: 'OFFICIAL', status: 'CLOSED' });
    expect(official.history.at(-1)).toMatchObject({
      outcome: 'recognised',
      findings: { officialSince: probationEndsOn, late: false },
    });
    const forms = (official.documents as { form: string; present: boolean }[]).filter((d) =>
      /^1[0-5]-KNĐ$/.test(d.form),
    );
    expect(forms.map((d) => [d.form, d.present])).toEqual([
      ['10-KNĐ', true],
      ['11-KNĐ', true],
      ['12-KNĐ', true],
      ['13-KNĐ', true],
      ['15-KNĐ', true],
    ]);
  });

  it('holds the cell vote again when short of 2/3, and escalates after the third', async () => {
    const id = members.B;
    const outcomes: string[] = [];
    for (let vote = 1; vote <= 3; vote++) {
      const day = await aWeekLater();
      const after = await act(
        id,
        'RECOGNITION_CELL_REVIEW',
        'recordRecognitionCellReview',
        review(day, 5),
      );
      outcomes.push(`${after.history.at(-1).outcome} → ${after.stage}`);
      expect(after.history.at(-1).findings).toMatchObject({ attempt: vote, failedVotes: vote });
    }
    expect(outcomes).toEqual([
      'failed → RECOGNITION_CELL_REVIEW',
      'failed → RECOGNITION_CELL_REVIEW',
      'escalated → RECOGNITION_GRASSROOTS',
    ]);
    // The upper committee decides; the cell's short votes are no resolution (13-KNĐ).
    const escalated = await officers.cell.waitForStage(id, 'RECOGNITION_GRASSROOTS');
    expect(escalated.awaiting.actions.map((a: { actor: string }) => a.actor)).toContain(
      'committee-officer',
    );
    expect(escalated.documents.find((d: { form: string }) => d.form === '13-KNĐ')).toMatchObject({
      present: false,
    });
  });

  it('skips the grassroots review when the cell is itself grassroots', async () => {
    const id = members.C;
    const day = await aWeekLater();
    const next = await act(
      id,
      'RECOGNITION_CELL_REVIEW',
      'recordRecognitionCellReview',
      review(day, 7),
    );
    expect(next).toMatchObject({ stage: 'RECOGNITION_DECISION', unitLevel: 'GRASSROOTS_CELL' });
    expect(next.history.at(-1)).toMatchObject({ outcome: 'passedAtGrassrootsCell' });
    expect(next.documents.map((d: { form: string }) => d.form)).not.toContain('15-KNĐ');
  });

  it('removes a member (xóa tên) on the committee decision', async () => {
    const id = members.D;
    let day = await aWeekLater();
    await act(
      id,
      'RECOGNITION_CELL_REVIEW',
      'recordRecognitionCellReview',
      review(day, 7, 'REMOVE'),
    );
    day = await aWeekLater();
    await act(
      id,
      'RECOGNITION_GRASSROOTS',
      'recordRecognitionGrassroots',
      grassroots(day, 'REMOVE'),
    );
    const removed = await act(id, 'RECOGNITION_DECISION', 'decideRecognition', {
      decision: 'REMOVE',
      decisionNumber: '89-QĐ/ĐU',
      decisionDate: day,
      reason: 'Không đủ tư cách đảng viên sau thời gian dự bị',
    });
    expect(removed).toMatchObject({ stage: 'REMOVED', status: 'CLOSED' });
    expect(removed.history.at(-1)).toMatchObject({ outcome: 'removed' });
  });
});
