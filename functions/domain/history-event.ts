import { Actor } from './caller';
import { StageId } from './pipeline';

/** One immutable line of a candidate's history; `seq` equals the candidate version it produced. */
export interface HistoryEvent {
  candidateId: string;
  seq: number;
  at: string;
  /** `CORRECTION`: an administrator's correction (a revoked admission), with its reason. */
  type: 'NOMINATED' | 'TRANSITION' | 'CORRECTION';
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
}
