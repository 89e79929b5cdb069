import { type Actor } from './caller';
import type { WatchedDeadline } from './watched-deadline';
import type { UnitLevel } from './org-unit';
import { type HumanStageId, type StageId, TERMINAL_STAGE_IDS } from './stage-ids';
import type {
  EducationLevel,
  FormerMembership,
  OverAgeConsent,
  PolicyVersionId,
  SpecialArea,
} from './rules';

export const NOMINATION_SOURCES = ['YOUTH_UNION', 'TRADE_UNION', 'CELL'] as const;
type NominationSource = (typeof NOMINATION_SOURCES)[number];

/** An action accepted for a pending step, kept on the item until the workflow applies it. */
export interface Submission {
  id: string;
  stage: HumanStageId;
  action: string;
  payload: unknown;
  outcome: string;
  toStage: StageId;
  /** The policy version in force on the action's date, which judged it. */
  policyVersion?: PolicyVersionId;
  /** What the stage's rules found (votes, validity dates, an expiry), kept in history. */
  findings?: Record<string, unknown>;
  idempotencyKey: string;
  submittedAt: string;
  actor: Actor;
}

/** The callback the workflow is parked on. The token never leaves the server. */
export interface PendingStep {
  stage: HumanStageId;
  taskToken: string;
  executionArn: string;
  parkedAt: string;
}

export interface Candidate {
  id: string;
  fullName: string;
  /** Personal data: stored on the item only, never in history, logs, metrics or listings. */
  dateOfBirth: string;
  /** HMAC of the ID number under the server key: finds duplicates without keeping the number. */
  nationalIdFingerprint: string;
  nationalIdMasked: string;
  nominationSource: NominationSource;
  /** Kept for separation of duties: the nominator may not decide the admission. */
  nominatedBy: Actor;
  unitId: string;
  /**
   * Ancestors from the top-level committee down to the unit itself. Set at nomination and
   * recomputed for open files when an administrator moves a unit (POST /units/{id}/moves).
   */
  unitPath: string[];
  /**
   * The cell's level at nomination: a `GRASSROOTS_CELL` skips the grassroots committee's vote.
   * Absent on files nominated before the organisation tree carried levels (then: `CELL`).
   */
  unitLevel?: UnitLevel;
  /** The cell's area attributes at nomination (education minimum). */
  unitAreas?: SpecialArea[];
  /** Eligibility facts declared at nomination (judged by the rules, with the policy in force). */
  educationLevel?: EducationLevel;
  youthUnionMember?: boolean;
  tradeUnionMember?: boolean;
  /** The competent standing committee's prior written consent to admit someone over 60. */
  over60Consent?: OverAgeConsent;
  /** A former Party member asking to be admitted again (judged at the cell meeting). */
  formerMembership?: FormerMembership;
  stage: StageId;
  version: number;
  createdAt: string;
  updatedAt: string;
  stageEnteredAt: string;
  /**
   * When the current step is due (YYYY-MM-DD, Vietnam calendar), set at each transition from the
   * procedure's deadlines (stage-due.ts); absent for steps without one. Work queues sort by it.
   */
  dueOn?: string;
  dossier: Record<string, unknown>;
  pendingStep?: PendingStep;
  submission?: Submission;
  /** The step whose people were last told it waits for them, so a re-park does not tell twice. */
  notified?: { stage: HumanStageId; version: number };
  /** The execution that is meant to hold this candidate; a resume starts the next generation. */
  execution: { name: string; generation: number };
  /**
   * The deadline of the step the candidate waits at, and the notices sent since it passed. Kept
   * by the workflow's wake step; current only while `stage` and `version` match its own.
   */
  deadline?: WatchedDeadline;
  /**
   * The schedule that wakes the recognition workflow at the end of probation, once it exists.
   * A probationary member without it is picked up by the resume job, which creates it.
   */
  probationSchedule?: { name: string; wakesOn: string };
}

export function isInFlight(candidate: Pick<Candidate, 'stage'>): boolean {
  return !(TERMINAL_STAGE_IDS as readonly string[]).includes(candidate.stage);
}

/** A probationary member whose wake-up at the end of probation is not known to be scheduled. */
export function awaitsProbationSchedule(
  candidate: Pick<Candidate, 'stage' | 'probationSchedule'>,
): boolean {
  return candidate.stage === 'ADMITTED' && !candidate.probationSchedule;
}

/**
 * A file that ended without admission, or with removal after probation, frees the person to be
 * nominated again later (readmission has its own rules).
 */
export function freesThePerson(stage: StageId): boolean {
  return stage === 'REJECTED' || stage === 'WITHDRAWN' || stage === 'REMOVED';
}

export function executionName(candidateId: string, generation: number): string {
  return `${candidateId}-g${generation}`;
}
