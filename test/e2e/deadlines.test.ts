import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { admissionDecisionDeadline } from '../../functions/domain/stage-deadlines';
import { addDays, dayNumber, VIETNAM_CALENDAR } from '../../functions/domain/rules';
import { startOfVietnamDay, vietnamDateOf } from '../../functions/domain/vietnam-time';
import { type CandidateBody } from './support/api-client';
import { awsClients } from './support/aws-clients';
import { moveClock, readClock } from './support/clock';
import { DEMO_NOMINATION, HAPPY_PATH } from './support/happy-path';
import { demoOfficers } from './support/officers';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

/**
 * Deadlines on the local runtime with the accelerated clock: an overdue admission decision is
 * reminded, then escalated one level up, each in history and in the inbox, while the candidate
 * stays where it is; the +30 extension postpones the reminder; an execution nearing the
 * one-year limit continues as new and the candidate can still be advanced.
 */

const HOUR = 60 * 60 * 1000;
let runtime: RuntimeProcess;
let officers: Awaited<ReturnType<typeof demoOfficers>>;
let people = 0;

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  officers = await demoOfficers(runtime);
});
afterAll(() => runtime?.stop());

const today = async () => vietnamDateOf(new Date((await readClock(runtime)).now));
/** One hour into a Vietnamese day: the clock moves there, and what fell due fires. */
const moveTo = (date: string) =>
  moveClock(runtime, { to: new Date(startOfVietnamDay(date).getTime() + HOUR).toISOString() });
/** The last hour of the day before `date`. */
const moveToEve = (date: string) =>
  moveClock(runtime, { to: new Date(startOfVietnamDay(date).getTime() - HOUR).toISOString() });

/**
 * The happy path's payloads with every date moved so that the cell meets on `meetingDate`; a
 * later step (the grassroots meeting) is held the same day, since nothing recorded may be dated
 * after today and the cell meets today.
 */
function pathMeetingOn(meetingDate: string) {
  const shift = dayNumber(meetingDate) - dayNumber('2025-04-20');
  const moved = (value: unknown): unknown => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const date = addDays(value, shift);
      return date > meetingDate ? meetingDate : date;
    }
    if (Array.isArray(value)) return value.map(moved);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, moved(v)]));
    }
    return value;
  };
  return HAPPY_PATH.map((step) => ({ ...step, payload: moved(step.payload) }));
}

async function act(id: string, stage: string, action: string, payload: unknown) {
  const client = officers.forAction(stage, action);
  const current = await client.waitForStage(id, stage);
  return client.act(id, { action, expectedVersion: current.version, payload });
}

/** A new person, walked until the decision waits, the cell having met on `meetingDate`. */
async function atDecision(meetingDate: string): Promise<string> {
  people += 1;
  const nominated = await officers.cell.nominate({
    ...DEMO_NOMINATION,
    fullName: `Người Chờ Hạn ${'ABCDEFGH'[people]}`,
    dateOfBirth: '2000-05-10',
  });
  expect(nominated.status).toBe(201);
  const id = nominated.body.id as string;
  for (const step of pathMeetingOn(meetingDate)) {
    if (step.stage === 'ADMISSION_DECISION') break;
    const accepted = await act(id, step.stage, step.action, step.payload);
    expect(accepted.status).toBe(202);
  }
  await officers.cell.waitForStage(id, 'ADMISSION_DECISION');
  return id;
}

async function historyOf(id: string) {
  const response = await officers.cell.request<{ items: CandidateBody[] }>(
    'GET',
    `/candidates/${id}/history`,
  );
  return response.body.items;
}

const notices = async (id: string) =>
  (await historyOf(id)).filter((e) => e.type === 'REMINDER' || e.type === 'ESCALATION');

async function inbox(role: string, unit: string, id: string) {
  const response = await fetch(`${runtime.url}/inbox.json?role=${role}&unit=${unit}`);
  const body = (await response.json()) as {
    notifications: { kind?: string; stage?: string; body: string }[];
  };
  return body.notifications.filter((n) => n.body.includes(id));
}

describe('deadlines on the accelerated clock', () => {
  it('reminds, then escalates an overdue decision one level up; the candidate waits and can still be decided', async () => {
    const meetingDate = await today();
    const id = await atDecision(meetingDate);
    const dueOn = admissionDecisionDeadline({
      dossier: { cellResolution: { meetingDate } },
    })!.dueOn;
    const parked = await officers.cell.waitForStage(id, 'ADMISSION_DECISION');
    expect(parked.deadline).toMatchObject({
      stage: 'ADMISSION_DECISION',
      from: meetingDate,
      dueOn,
      workingDays: 60,
      overdueNoticesSent: 0,
      escalationLevel: 0,
    });

    // The due date itself and the days off after it are still not worth a reminder.
    const reminderOn = VIETNAM_CALENDAR.addWorkingDays(dueOn, 1);
    await moveToEve(reminderOn);
    expect(await notices(id)).toEqual([]);

    await moveTo(reminderOn);
    const reminded = await officers.cell.waitForStage(id, 'ADMISSION_DECISION');
    expect(reminded.deadline).toMatchObject({ dueOn, overdueNoticesSent: 1, escalationLevel: 0 });
    expect(await notices(id)).toEqual([
      expect.objectContaining({
        type: 'REMINDER',
        toStage: 'ADMISSION_DECISION',
        seq: parked.version,
        notice: {
          index: 0,
          escalationLevel: 0,
          recipient: { role: 'approver', unitId: 'dd-kdn' },
          dueOn,
        },
      }),
    ]);
    const reminders = (await inbox('approver', 'dd-kdn', id)).filter((n) => n.kind === 'REMINDER');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].body).toContain('Nhắc việc');

    // Five working days without a decision: the committee above is told.
    const escalationOn = VIETNAM_CALENDAR.addWorkingDays(reminderOn, 5);
    await moveToEve(escalationOn);
    expect(await notices(id)).toHaveLength(1);
    await moveTo(escalationOn);
    const escalated = await officers.cell.waitForStage(id, 'ADMISSION_DECISION');
    expect(escalated.deadline).toMatchObject({ overdueNoticesSent: 2, escalationLevel: 1 });
    expect((await notices(id)).map((e) => [e.type, e.notice.recipient])).toEqual([
      ['REMINDER', { role: 'approver', unitId: 'dd-kdn' }],
      ['ESCALATION', { role: 'approver', unitId: 'hn-dongda' }],
    ]);
    const upstairs = await inbox('approver', 'hn-dongda', id);
    expect(upstairs.map((n) => [n.kind, n.stage])).toEqual([['ESCALATION', 'ADMISSION_DECISION']]);
    expect(upstairs[0].body).toContain('Quá hạn');

    // Silence decided nothing: same stage, same version, and the approvers still decide.
    expect(escalated).toMatchObject({ stage: 'ADMISSION_DECISION', version: parked.version });
    const decided = await act(id, 'ADMISSION_DECISION', 'decideAdmission', {
      decision: 'APPROVE',
      decisionNumber: '77-QĐ/ĐUK',
      decisionDate: await today(),
    });
    expect(decided.status).toBe(202);
    const ceremony = await officers.cell.waitForStage(id, 'CEREMONY');
    expect(ceremony.version).toBe(parked.version + 1);
    expect(ceremony.deadline).toMatchObject({ stage: 'CEREMONY', overdueNoticesSent: 0 });
  });

  it('records the +30 extension once, with its reason, and the reminder waits for the new date', async () => {
    const meetingDate = await today();
    const id = await atDecision(meetingDate);
    const parked = await officers.approver.waitForStage(id, 'ADMISSION_DECISION');
    const dueBefore = parked.deadline.dueOn as string;

    const extension = { decidedOn: meetingDate, reason: 'Chờ kết quả xác minh bổ sung' };
    const accepted = await officers.approver.act(id, {
      action: 'extendDecisionDeadline',
      expectedVersion: parked.version,
      payload: extension,
    });
    expect(accepted.status).toBe(202);
    const extended = await officers.approver.waitForStage(id, 'ADMISSION_DECISION');
    const dueAfter = admissionDecisionDeadline({
      dossier: { cellResolution: { meetingDate }, decisionExtension: extension },
    })!.dueOn;
    expect(extended.version).toBe(parked.version + 1);
    expect(extended.deadline).toMatchObject({ dueOn: dueAfter, workingDays: 90 });
    expect(VIETNAM_CALENDAR.workingDaysBetween(dueBefore, dueAfter)).toBe(30);
    const recorded = (await historyOf(id)).find((e) => e.action === 'extendDecisionDeadline');
    expect(recorded).toMatchObject({
      type: 'TRANSITION',
      fromStage: 'ADMISSION_DECISION',
      toStage: 'ADMISSION_DECISION',
      payload: extension,
      findings: { dueOnBefore: dueBefore, dueOn: dueAfter, extensionWorkingDays: 30 },
      actor: { role: 'approver' },
    });

    // Once only: a second extension is refused and changes nothing.
    const again = await officers.approver.act(id, {
      action: 'extendDecisionDeadline',
      expectedVersion: extended.version,
      payload: { ...extension, reason: 'Lần nữa' },
    });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({
      code: 'DECISION_DEADLINE_ALREADY_EXTENDED',
      field: 'action',
      message: expect.stringContaining('gia hạn'),
      message_en: expect.stringContaining('extended'),
    });
    expect((await officers.approver.candidate(id)).body.version).toBe(extended.version);

    // The day the old deadline would have been reminded passes quietly …
    await moveTo(VIETNAM_CALENDAR.addWorkingDays(dueBefore, 1));
    expect(await notices(id)).toEqual([]);
    // … and the reminder comes after the new one.
    const reminderOn = VIETNAM_CALENDAR.addWorkingDays(dueAfter, 1);
    await moveToEve(reminderOn);
    expect(await notices(id)).toEqual([]);
    await moveTo(reminderOn);
    expect(await notices(id)).toEqual([
      expect.objectContaining({
        type: 'REMINDER',
        notice: expect.objectContaining({ dueOn: dueAfter }),
      }),
    ]);
  });

  it('continues as new near the one-year limit; exactly one execution runs and the candidate moves on', async () => {
    const nominated = await officers.cell.nominate({
      ...DEMO_NOMINATION,
      fullName: 'Người Chờ Lâu',
      dateOfBirth: '2001-03-03',
    });
    expect(nominated.status).toBe(201);
    const id = nominated.body.id as string;
    const parked = await officers.cell.waitForStage(id, 'NOMINATED');
    const { sfn } = awsClients(runtime);
    const executionsOf = async () =>
      (
        await sfn.send(
          new ListExecutionsCommand({ stateMachineArn: runtime.stateMachineArn, maxResults: 1000 }),
        )
      ).executions!.filter((e) => e.name!.startsWith(`${id}-`));
    const [first] = await executionsOf();
    expect(first.status).toBe('RUNNING');

    // Weekly wakes for 329 days change nothing; then the execution renews itself.
    await moveClock(runtime, { advanceDays: 329 });
    expect((await executionsOf()).map((e) => [e.name, e.status])).toEqual([
      [first.name, 'RUNNING'],
    ]);
    await moveClock(runtime, { advanceDays: 8 });
    const after = await executionsOf();
    expect(after.filter((e) => e.status === 'RUNNING')).toHaveLength(1);
    const renewed = after.find((e) => e.status === 'RUNNING')!;
    expect(renewed.name).not.toBe(first.name);
    expect(after.find((e) => e.name === first.name)!.status).toBe('SUCCEEDED');

    const waiting = await officers.cell.waitForStage(id, 'NOMINATED');
    expect(waiting.version).toBe(parked.version);
    const accepted = await act(id, 'NOMINATED', 'confirmNomination', {
      decisionDate: await today(),
      helperMemberName: 'Trần Thị Bình',
    });
    expect(accepted.status).toBe(202);
    await officers.cell.waitForStage(id, 'AWARENESS_CLASS');
    expect((await executionsOf()).filter((e) => e.status === 'RUNNING')).toEqual([
      expect.objectContaining({ name: renewed.name }),
    ]);
  });
});
