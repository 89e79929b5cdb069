/**
 * How often the deadline watch wakes a waiting candidate over realistic waits (docs/architecture.md,
 * "Workflows"): each human stage's wait re-arms its timer with the deadline planner the workflow
 * itself uses (functions/domain/deadline-watch.ts, `planWake`), so the count follows the code:
 * the 7-day cap (MAX_WAIT_SECONDS) wakes a stage without a deadline weekly, and a stage with one
 * wakes at its reminder and escalation days too. The first check on entering a stage is part of
 * the walk; only the wakes after it are counted here.
 */
import {
  planWake,
  watchedDeadline,
  type WatchedDeadline,
} from '../functions/domain/deadline-watch';
import { type NotificationTarget } from '../functions/domain/notification-target';
import { humanStage, type HumanStageId } from '../functions/domain/pipeline';
import { vietnamDateOf } from '../functions/domain/vietnam-time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Who is told of an overdue step: the cell, grassroots, commune and provincial committees. */
const ESCALATION_CHAIN: NotificationTarget[] = [
  { role: 'cell-officer', unitId: 'cell' },
  { role: 'committee-officer', unitId: 'grassroots' },
  { role: 'approver', unitId: 'commune' },
  { role: 'approver', unitId: 'province' },
];

/** Where a stage's deadline rule finds the date it counts from, once the earlier step is done. */
const DOSSIER_DATE_ON_LEAVING: Partial<Record<HumanStageId, [string, string]>> = {
  CELL_RESOLUTION: ['cellResolution', 'meetingDate'],
  ADMISSION_DECISION: ['admissionDecision', 'decisionDate'],
};

export interface StageWakeUps {
  stage: string;
  waitDays: number;
  wakeUps: number;
  /** Reminders and escalations sent at those wake-ups (the step was overdue). */
  notices: number;
}

/**
 * The wake-ups of one candidate walking `stages` in order, waiting `waitDays[stage]` at each,
 * from `start` (an instant; the execution starts then).
 */
export function wakeUpsOverWaits(
  stages: readonly string[],
  waitDays: Record<string, { days: number }>,
  start = new Date('2026-03-02T02:00:00.000Z'),
): StageWakeUps[] {
  const dossier: Record<string, Record<string, string>> = {};
  let now = start.getTime();
  let executionStartedAt = start;
  return stages.map((stage) => {
    const id = stage as HumanStageId;
    const days = waitDays[stage]?.days ?? 0;
    const enteredAt = new Date(now).toISOString();
    const leaveAt = now + days * DAY_MS;
    const due = humanStage(id).deadline?.({ dossier });
    let deadline: WatchedDeadline | undefined = due ? watchedDeadline(id, 1, due) : undefined;
    const plan = (at: number) =>
      planWake({
        now: new Date(at),
        executionStartedAt,
        stageEnteredAt: enteredAt,
        deadline,
        chain: deadline ? ESCALATION_CHAIN : [],
      });
    let next = plan(now);
    deadline = next.deadline ?? deadline;
    let wakeUps = 0;
    let notices = 0;
    for (;;) {
      const wakeAt = now + next.timeoutSeconds * 1000;
      if (wakeAt >= leaveAt) break;
      wakeUps++;
      now = wakeAt;
      next = plan(now);
      if (next.notice) notices++;
      deadline = next.deadline ?? deadline;
      // Renewed near the one-year limit: the next generation's clock starts now.
      if (next.continueAsNew) executionStartedAt = new Date(now);
    }
    now = leaveAt;
    const recorded = DOSSIER_DATE_ON_LEAVING[id];
    if (recorded) dossier[recorded[0]] = { [recorded[1]]: vietnamDateOf(new Date(now)) };
    return { stage, waitDays: days, wakeUps, notices };
  });
}
