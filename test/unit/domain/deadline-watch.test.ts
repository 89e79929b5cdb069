import {
  EXECUTION_RENEWAL_AGE_DAYS,
  escalationChain,
  escalationLevelOf,
  MAX_WAIT_SECONDS,
  planWake,
  type WatchedDeadline,
} from '../../../functions/domain/deadline-watch';
import { levelsOf, type NotificationTarget } from '../../../functions/domain/notification';
import { startOfVietnamDay } from '../../../functions/domain/vietnam-time';
import { demoOrganisation } from '../../../lib/local/demo-organisation';

const units = demoOrganisation();
const levels = levelsOf(units);
const pathOf = (unitId: string) => units.find((u) => u.id === unitId)!.path;

const CHAIN: NotificationTarget[] = [
  { role: 'approver', unitId: 'dd-kdn' },
  { role: 'approver', unitId: 'hn-dongda' },
  { role: 'approver', unitId: 'hn' },
];
const DAY = 24 * 60 * 60;
const vn = (date: string, time = '09:00') => new Date(`${date}T${time}:00+07:00`);

function deadline(dueOn: string, noticesSent = 0, lastNoticeAt?: string): WatchedDeadline {
  return {
    stage: 'ADMISSION_DECISION',
    version: 8,
    from: '2025-01-01',
    dueOn,
    workingDays: 60,
    policyVersion: 'QD294-2025',
    noticesSent,
    ...(lastNoticeAt ? { lastNoticeAt } : {}),
  };
}

describe('escalationChain', () => {
  it('goes from the deciding committee up to the city committee', () => {
    expect(
      escalationChain('ADMISSION_DECISION', { unitPath: pathOf('dd-xltbd-kythuat'), levels }),
    ).toEqual(CHAIN);
  });

  it('goes from the cell through its grassroots organisation for a cell step', () => {
    expect(escalationChain('CEREMONY', { unitPath: pathOf('dd-xltbd-kythuat'), levels })).toEqual([
      { role: 'cell-officer', unitId: 'dd-xltbd-kythuat' },
      { role: 'committee-officer', unitId: 'dd-xltbd' },
      { role: 'approver', unitId: 'dd-kdn' },
      { role: 'approver', unitId: 'hn-dongda' },
      { role: 'approver', unitId: 'hn' },
    ]);
  });

  it('starts at the grassroots cell itself when the cell is grassroots', () => {
    expect(escalationChain('CEREMONY', { unitPath: pathOf('dd-tbdl1'), levels })[1]).toEqual({
      role: 'approver',
      unitId: 'dd-kdn',
    });
  });
});

describe('planWake', () => {
  // Each row: the clock, the due date, when the step was reached, notices sent (and when the
  // last went), what the wake must do, and the Vietnamese day it must wake again.
  it.each<{
    name: string;
    now: Date;
    dueOn: string;
    entered: string;
    sent?: number;
    lastNoticeAt?: string;
    notice?: [number, 'REMINDER' | 'ESCALATION'];
    wakeOn?: string;
  }>([
    {
      name: 'before the due date: nothing, wake on the first working day after it',
      now: vn('2026-03-02'),
      dueOn: '2026-03-20',
      entered: '2026-01-05',
      wakeOn: '2026-03-23',
    },
    {
      name: 'on the due date itself: still in time',
      now: vn('2026-03-20', '23:59'),
      dueOn: '2026-03-20',
      entered: '2026-01-05',
      wakeOn: '2026-03-23',
    },
    {
      name: 'due the Friday before Tết: the reminder waits until work resumes after Tết',
      now: vn('2026-02-16'),
      dueOn: '2026-02-13',
      entered: '2025-11-17',
      wakeOn: '2026-02-23',
    },
    {
      name: 'first working day after Tết: the reminder',
      now: vn('2026-02-23', '00:00'),
      dueOn: '2026-02-13',
      entered: '2025-11-17',
      notice: [0, 'REMINDER'],
      wakeOn: '2026-03-02',
    },
    {
      name: 'due 31 August: no reminder on Quốc khánh (1–2 September)',
      now: vn('2026-09-02'),
      dueOn: '2026-08-31',
      entered: '2026-06-01',
      wakeOn: '2026-09-03',
    },
    {
      name: 'reminder on 3 September, after the holiday',
      now: vn('2026-09-03'),
      dueOn: '2026-08-31',
      entered: '2026-06-01',
      notice: [0, 'REMINDER'],
      wakeOn: '2026-09-10',
    },
    {
      name: 'reminded before Tết: the escalation counts working days across it',
      now: vn('2026-02-23'),
      dueOn: '2026-02-05',
      entered: '2025-11-10',
      sent: 1,
      lastNoticeAt: vn('2026-02-10').toISOString(),
      wakeOn: '2026-02-24',
    },
    {
      name: 'five working days after the reminder: one level up',
      now: vn('2026-02-24'),
      dueOn: '2026-02-05',
      entered: '2025-11-10',
      sent: 1,
      lastNoticeAt: vn('2026-02-10').toISOString(),
      notice: [1, 'ESCALATION'],
      wakeOn: '2026-03-03',
    },
    {
      name: 'then the next level',
      now: vn('2026-03-03'),
      dueOn: '2026-02-05',
      entered: '2025-11-10',
      sent: 2,
      lastNoticeAt: vn('2026-02-24').toISOString(),
      notice: [2, 'ESCALATION'],
    },
    {
      name: 'entered already overdue (a late entry): told at parking, reminded one interval later',
      now: vn('2026-05-04'),
      dueOn: '2025-07-15',
      entered: vn('2026-05-04', '08:00').toISOString(),
      wakeOn: '2026-05-11',
    },
    {
      name: 'a late entry, one interval later: the reminder',
      now: vn('2026-05-11'),
      dueOn: '2025-07-15',
      entered: vn('2026-05-04', '08:00').toISOString(),
      notice: [0, 'REMINDER'],
      wakeOn: '2026-05-18',
    },
    {
      name: 'an extension moved the due date: a wake just waits again',
      now: vn('2026-04-22'),
      dueOn: '2026-06-03',
      entered: vn('2026-04-20').toISOString(),
      wakeOn: '2026-06-04',
    },
  ])('$name', ({ now, dueOn, entered, sent, lastNoticeAt, notice, wakeOn }) => {
    const plan = planWake({
      now,
      executionStartedAt: new Date(now.getTime() - 30 * DAY * 1000),
      stageEnteredAt: entered.includes('T') ? entered : vn(entered).toISOString(),
      deadline: deadline(dueOn, sent, lastNoticeAt),
      chain: CHAIN,
    });
    expect(plan.continueAsNew).toBe(false);
    expect(plan.notice ? [plan.notice.index, plan.notice.kind] : undefined).toEqual(notice);
    if (notice) expect(plan.notice!.recipient).toEqual(CHAIN[notice[0]]);
    const expected = wakeOn
      ? Math.min(
          MAX_WAIT_SECONDS,
          Math.ceil((startOfVietnamDay(wakeOn).getTime() - now.getTime()) / 1000),
        )
      : MAX_WAIT_SECONDS;
    expect(plan.timeoutSeconds).toBe(expected);
  });

  it('never waits longer than the cap, nor less than a second', () => {
    const far = planWake({
      now: vn('2026-01-05'),
      executionStartedAt: vn('2026-01-05'),
      stageEnteredAt: vn('2026-01-05').toISOString(),
      deadline: deadline('2026-12-31'),
      chain: CHAIN,
    });
    expect(far.timeoutSeconds).toBe(MAX_WAIT_SECONDS);
    const due = planWake({
      now: vn('2026-01-05', '23:59'),
      executionStartedAt: vn('2026-01-05'),
      stageEnteredAt: vn('2025-01-05').toISOString(),
      deadline: deadline('2025-01-01', 3, vn('2025-02-01').toISOString()),
      chain: CHAIN,
    });
    expect(due.notice).toBeUndefined(); // told the top already: nothing more to send
    expect(due.timeoutSeconds).toBe(MAX_WAIT_SECONDS);
  });

  it('a stage without a deadline just waits, at most until the renewal age', () => {
    const started = vn('2026-01-01', '00:00');
    const now = new Date(started.getTime() + (EXECUTION_RENEWAL_AGE_DAYS - 2) * DAY * 1000);
    const plan = planWake({
      now,
      executionStartedAt: started,
      stageEnteredAt: started.toISOString(),
      chain: CHAIN,
    });
    expect(plan).toEqual({ continueAsNew: false, timeoutSeconds: 2 * DAY });
  });

  it.each([
    [EXECUTION_RENEWAL_AGE_DAYS - 1, false],
    [EXECUTION_RENEWAL_AGE_DAYS, true],
    [364, true],
  ])('execution %i days old: continue as new = %s', (days, renew) => {
    const now = vn('2026-06-01');
    const plan = planWake({
      now,
      executionStartedAt: new Date(now.getTime() - days * DAY * 1000),
      stageEnteredAt: vn('2025-01-01').toISOString(),
      deadline: deadline('2025-02-01'),
      chain: CHAIN,
    });
    expect(plan.continueAsNew).toBe(renew);
    // Renewing comes first: the new execution sends what is due, so nothing is sent twice.
    if (renew) expect(plan.notice).toBeUndefined();
  });

  it('names the escalation level', () => {
    expect([0, 1, 2, 3].map((n) => escalationLevelOf({ noticesSent: n }))).toEqual([0, 0, 1, 2]);
  });
});
