import type { UnitLevel } from './org-unit';
import { type NotificationTarget, recipientsFor, type UnitPathWithLevels } from './notification';
import { type HumanStageId } from './pipeline';
import { type Role } from './roles';
import {
  type AdmissionPolicy,
  compareDates,
  type Deadline,
  type IsoDate,
  POLICY_VERSIONS,
  type PolicyVersionId,
  VIETNAM_CALENDAR,
  type WorkingDayCalendar,
} from './rules';
import { startOfVietnamDay, vietnamDateOf } from './vietnam-time';
import type { WatchedDeadline } from './watched-deadline';

/**
 * What a waiting execution does when its timer fires (docs/architecture.md, Principles 4). A timeout
 * is a wake-up call, never proof that a deadline passed: the plan compares the due date on the
 * candidate item with the clock, so an early wake, a clamped wait or a moved due date (the +30
 * extension) just waits again. Overdue, the people of the step are reminded first; if nothing
 * happens, the case goes one level up the organisation tree at a time. Nothing is ever decided
 * by silence: the candidate stays at its stage.
 */

/** A wait wakes at least this often, far below the Task limits of AWS and of the local engine. */
export const MAX_WAIT_SECONDS = 7 * 24 * 60 * 60;
/** Step Functions ends a standard execution after one year; renew well before, at a wake. */
export const EXECUTION_RENEWAL_AGE_DAYS = 330;
const DAY_MS = 24 * 60 * 60 * 1000;

export type { WatchedDeadline } from './watched-deadline';

export type NoticeKind = 'REMINDER' | 'ESCALATION';

export interface WakePlan {
  /** The execution is near the one-year limit: start the next generation at this stage. */
  continueAsNew: boolean;
  /** The notice due now, if any: index into the escalation chain. */
  notice?: { index: number; kind: NoticeKind; recipient: NotificationTarget };
  /** How long to wait before checking again, in whole seconds (≥ 1, ≤ MAX_WAIT_SECONDS). */
  timeoutSeconds: number;
  /** The deadline record once the notice is sent (the item keeps it with the notice's event). */
  deadline?: WatchedDeadline;
}

export function escalationLevelOf(deadline: Pick<WatchedDeadline, 'noticesSent'>): number {
  return Math.max(0, deadline.noticesSent - 1);
}

/** A fresh record for the deadline of the step a candidate just reached. */
export function watchedDeadline(
  stage: HumanStageId,
  version: number,
  deadline: Deadline,
): WatchedDeadline {
  const { from, dueOn, workingDays, policyVersion } = deadline;
  return { stage, version, from, dueOn, workingDays, policyVersion, noticesSent: 0 };
}

function policyVersion(id: PolicyVersionId): AdmissionPolicy {
  const policy = POLICY_VERSIONS.find((p) => p.version === id);
  if (!policy) throw new Error(`Unknown policy version ${id}`);
  return policy;
}

/** The role that acts for a unit of this level when a case is escalated to it. */
function roleActingFor(level: UnitLevel): Role {
  if (level === 'CELL') return 'cell-officer';
  if (level === 'GRASSROOTS' || level === 'GRASSROOTS_CELL') return 'committee-officer';
  return 'approver';
}

/**
 * Who is told, in order: the people of the step (the reminder), then each unit above them up to
 * the top-level committee (escalations), each by the role that acts for its level.
 */
export function escalationChain(
  stage: HumanStageId,
  unit: UnitPathWithLevels,
): NotificationTarget[] {
  const actor = recipientsFor(stage, unit);
  const chain: NotificationTarget[] = [actor];
  for (let i = unit.unitPath.indexOf(actor.unitId) - 1; i >= 0; i--) {
    const unitId = unit.unitPath[i];
    const level = unit.levels[unitId];
    if (!level) throw new Error(`The level of unit ${unitId} is not known`);
    chain.push({ role: roleActingFor(level), unitId });
  }
  return chain;
}

/**
 * The day the next notice is due: the reminder on the first working day after the due date, but
 * not before the step has waited one interval (a file entered late, already overdue, was just
 * told it waits); each escalation one interval after the notice before it.
 */
function nextNoticeOn(
  deadline: WatchedDeadline,
  stageEnteredAt: string,
  calendar: WorkingDayCalendar = VIETNAM_CALENDAR,
): IsoDate {
  const interval = policyVersion(deadline.policyVersion).overdueNoticeWorkingDays;
  if (deadline.noticesSent > 0 && deadline.lastNoticeAt) {
    return calendar.addWorkingDays(vietnamDateOf(new Date(deadline.lastNoticeAt)), interval);
  }
  const firstOverdue = calendar.addWorkingDays(deadline.dueOn, 1);
  const afterGrace = calendar.addWorkingDays(vietnamDateOf(new Date(stageEnteredAt)), interval);
  return compareDates(firstOverdue, afterGrace) >= 0 ? firstOverdue : afterGrace;
}

export function planWake(input: {
  now: Date;
  executionStartedAt: Date;
  stageEnteredAt: string;
  deadline?: WatchedDeadline;
  /** `escalationChain` of the stage: [the step's people, the unit above, …, the top]. */
  chain: readonly NotificationTarget[];
  calendar?: WorkingDayCalendar;
}): WakePlan {
  const { now, deadline, chain } = input;
  const renewAt = input.executionStartedAt.getTime() + EXECUTION_RENEWAL_AGE_DAYS * DAY_MS;
  if (now.getTime() >= renewAt) return { continueAsNew: true, timeoutSeconds: 1 };
  if (!deadline) return { continueAsNew: false, timeoutSeconds: waitUntil(now, renewAt) };

  const today = vietnamDateOf(now);
  let after = deadline;
  let notice: WakePlan['notice'];
  const index = deadline.noticesSent;
  if (index < chain.length) {
    const dueOn = nextNoticeOn(deadline, input.stageEnteredAt, input.calendar);
    if (compareDates(dueOn, today) <= 0) {
      notice = { index, kind: index === 0 ? 'REMINDER' : 'ESCALATION', recipient: chain[index] };
      after = { ...deadline, noticesSent: index + 1, lastNoticeAt: now.toISOString() };
    }
  }
  let wakeAt = renewAt;
  if (after.noticesSent < chain.length) {
    const next = startOfVietnamDay(nextNoticeOn(after, input.stageEnteredAt, input.calendar));
    wakeAt = Math.min(wakeAt, next.getTime());
  }
  return {
    continueAsNew: false,
    ...(notice ? { notice } : {}),
    timeoutSeconds: waitUntil(now, wakeAt),
    deadline: after,
  };
}

function waitUntil(now: Date, at: number): number {
  const seconds = Math.ceil((at - now.getTime()) / 1000);
  return Math.min(MAX_WAIT_SECONDS, Math.max(1, seconds));
}
