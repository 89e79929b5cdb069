import type { NotificationTarget } from './notification-target';
import type { PolicyVersionId } from './rules/policy';
import type { IsoDate } from './rules/calendar-date';
import type { HumanStageId } from './stage-ids';

/** The deadline of the step a candidate waits at, as the item records it (GET shows it). */
export interface WatchedDeadline {
  stage: HumanStageId;
  /** The candidate version it was computed for: a new version (an extension) recomputes it. */
  version: number;
  from: IsoDate;
  dueOn: IsoDate;
  workingDays: number;
  policyVersion: PolicyVersionId;
  /** Overdue notices sent at this step: 1 = the reminder; 1 + k = escalated k levels up. */
  noticesSent: number;
  /** ISO instant of the last notice, from which the next interval counts. */
  lastNoticeAt?: string;
  /** Who the last notice went to. */
  lastNoticeTo?: NotificationTarget;
}
