import { type Actor } from './caller';
import type { NoticeKind } from './deadline-watch';
import type { NotificationTarget } from './notification';
import { type StageId } from './pipeline';

/** One immutable line of a candidate's history; `seq` equals the candidate version it produced. */
export interface HistoryEvent {
  candidateId: string;
  seq: number;
  at: string;
  /** `CORRECTION`: an administrator's correction (a revoked admission), with its reason. */
  type: 'NOMINATED' | 'TRANSITION' | 'CORRECTION' | NoticeKind;
  fromStage?: StageId;
  toStage: StageId;
  action?: string;
  outcome?: string;
  /** The action's recorded facts (votes, numbers, dates); never the candidate's personal data. */
  payload?: unknown;
  /** The policy version in force on the event's date, which judged it (QD24-2021, …). */
  policyVersion?: string;
  /**
   * What the stage's rules found: the vote with its denominator, validity dates, and for an
   * expiry (`outcome` `certificateExpired` / `dossierStale`) the rule and the dates involved.
   */
  findings?: Record<string, unknown>;
  idempotencyKey?: string;
  submissionId?: string;
  /** Who did it, in which role, from where (audit). */
  actor?: Actor;
  /**
   * A `REMINDER` or `ESCALATION` about an overdue step: who was told, about which due date. It
   * changes nothing (the stage stays, `seq` is the version it was sent at, never a new one).
   */
  /** Set on the events an onboarding import wrote: who imported them, from which file and row. */
  imported?: ImportProvenance;
  notice?: {
    index: number;
    escalationLevel: number;
    recipient: NotificationTarget;
    dueOn: string;
  };
}

/**
 * Where an imported event came from: the file (name and SHA-256) and its row, when, by whom. The
 * importer's address and user agent stay on the event's `actor`, for the audit export only.
 */
export interface ImportProvenance {
  fileName: string;
  sha256: string;
  row: number;
  importedAt: string;
  by: Pick<Actor, 'userId' | 'name' | 'role' | 'unitId'>;
}

/** A deadline notice records that people were told; it moves no candidate and no counter. */
export function isDeadlineNotice(event: Pick<HistoryEvent, 'type'>): boolean {
  return event.type === 'REMINDER' || event.type === 'ESCALATION';
}
