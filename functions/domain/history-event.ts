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
  idempotencyKey?: string;
  submissionId?: string;
  /** Who did it, in which role, from where (audit). */
  actor?: Actor;
}
