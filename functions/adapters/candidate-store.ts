import { type ApprovalRecord } from '../domain/approval';
import { type Candidate, type PendingStep, type Submission } from '../domain/candidate';
import type { WatchedDeadline } from '../domain/deadline-watch';
import { type HistoryEvent } from '../domain/history-event';
import { type OrgUnit } from '../domain/org-unit';
import { type WorkQueueQuery } from '../domain/work-queue';
import { type SeatWrite } from './class-seat-writes';

export interface CandidatePage {
  items: CandidateSummary[];
  nextCursor?: string;
}

/** What a listing shows: enough to pick a candidate, nothing personal. */
export type CandidateSummary = Pick<
  Candidate,
  'id' | 'fullName' | 'unitId' | 'stage' | 'version' | 'createdAt' | 'stageEnteredAt' | 'dueOn'
> & {
  /** Levels an overdue step was escalated up the organisation tree (0: reminded only). */
  escalationLevel?: number;
};

/** Reading a candidate file: the item as it stands and its history, both strongly consistent. */
export interface CandidateReads {
  getCandidate(id: string): Promise<Candidate | undefined>;
  getHistory(id: string): Promise<HistoryEvent[]>;
}

/** New files: a nomination, or an onboarded file with its history so far. */
export interface CandidateIntake {
  /**
   * A nominated candidate and its first event. `StaleCandidateError` if the candidate exists
   * already (a replay), `DuplicatePersonError` if the person has another open file.
   */
  createCandidate(candidate: Candidate, event: HistoryEvent): Promise<void>;
  /**
   * An onboarded file: the candidate where it stands and its history so far, with the counters
   * its events earn, in one transaction. `StaleCandidateError` if the candidate exists already
   * (an earlier import of the row), `DuplicatePersonError` if the person has another open file.
   */
  createOnboardedCandidate(candidate: Candidate, events: HistoryEvent[]): Promise<void>;
}

/** Officers' actions: recorded on the pending step, to be applied by the workflow. */
export interface CandidateActions {
  /**
   * Records an accepted action on a candidate still at `expectedVersion` and at the action's
   * stage with no other one pending (else `StaleCandidateError`). A companion write (an approval
   * link's single-use record, a class seat) is committed in the same transaction or not at all: a
   * used link throws `ApprovalLinkUsedError`, a refused seat `SeatRefusedError`, and nothing is
   * written.
   */
  recordSubmission(
    id: string,
    expectedVersion: number,
    submission: Submission,
    companion?: SubmissionCompanion,
  ): Promise<Candidate>;
  /** The decision taken through an approval link, if any (keyed by the link's nonce). */
  getApprovalRecord(nonce: string): Promise<ApprovalRecord | undefined>;
}

/**
 * Stage changes: the candidate, its history event, the quota counters and gauges and the work
 * queue entries, in one transaction. A rejected condition surfaces as `StaleCandidateError` so
 * callers can re-read and explain what changed.
 */
export interface CandidateTransitions {
  /**
   * Replaces `before` by `after` and appends `event`, atomically, if the candidate is still at
   * `before`'s version and execution generation with `before`'s submission pending.
   */
  commitTransition(before: Candidate, after: Candidate, event: HistoryEvent): Promise<void>;
  /**
   * A schedule ended a wait (probation): `after` (adopted by the schedule's execution) and its
   * event, with the counters and gauges, atomically, if the candidate is still at `before`'s
   * version, stage and execution generation.
   */
  commitScheduledTransition(
    before: Candidate,
    after: Candidate,
    event: HistoryEvent,
  ): Promise<void>;
  /**
   * An administrator's correction (a revoked admission): `after` and its `CORRECTION` event, with
   * the counters it reverses, atomically, if the candidate is still at `before`'s version.
   */
  commitCorrection(before: Candidate, after: Candidate, event: HistoryEvent): Promise<void>;
}

/**
 * What the workflow notes on a candidate as it runs: where it parked, whom it told, which
 * execution holds the file, the deadline it watches and the probation schedule. Each write is
 * conditional on the candidate still being where the writer saw it.
 */
export interface WorkflowRecords {
  /** Records the callback the workflow parked on, if the candidate is still at that stage. */
  recordPendingStep(id: string, pending: PendingStep): Promise<Candidate | undefined>;
  /** Marks the people of the current step as told, if the candidate is still at that step. */
  recordNotified(id: string, notified: NonNullable<Candidate['notified']>): Promise<void>;
  /** Moves the candidate to a new execution generation if it is still at `before`'s generation. */
  recordExecution(before: Candidate, execution: Candidate['execution']): Promise<void>;
  /** Records the deadline of the step the candidate waits at, if it is still at `before`. */
  recordDeadline(before: Candidate, deadline: WatchedDeadline): Promise<void>;
  /**
   * Records a deadline notice: the item's deadline with one more notice and the `REMINDER` or
   * `ESCALATION` event, atomically, if the candidate is still at `before` and no notice was
   * recorded meanwhile (a retry writes nothing twice).
   */
  recordDeadlineNotice(
    before: Candidate,
    deadline: WatchedDeadline,
    event: HistoryEvent & { notice: NonNullable<HistoryEvent['notice']> },
  ): Promise<void>;
  /** Records the probation schedule on a member still at `before`'s version and stage. */
  recordProbationSchedule(
    before: Candidate,
    schedule: NonNullable<Candidate['probationSchedule']>,
  ): Promise<void>;
}

/** The repair passes (resume, migration, backfill): the only readers that walk the table. */
export interface InFlightRepair {
  /**
   * One page of the files in flight and probationary members (`ADMITTED`: their wake-up may be
   * unrecorded, or overdue), read from the sparse in-flight index from `from` (the start when
   * absent); `next` is where the following page starts, absent once the last shard is read.
   * Reads are proportional to the page, never to the table. Items are returned as stored: a
   * corrupt one is the reader's to isolate.
   */
  listInFlight(from: InFlightCursor | undefined, limit: number): Promise<InFlightPage>;
  /**
   * Writes the search key, due date and queue entries of a candidate written before work queues
   * existed, if it is still at that version and unlisted; false when it moved on meanwhile (its
   * own transition then wrote them).
   */
  listInWorkQueues(candidate: Candidate): Promise<boolean>;
}

export interface WorkQueues {
  /** One page of a work queue (a unit's subtree at some stages), in queue position order. */
  listWorkQueue(query: WorkQueueQuery): Promise<CandidatePage>;
}

/** Events of a unit's subtree between two dates (inclusive, YYYY-MM-DD in Vietnam time). */
export interface AuditPageQuery {
  unitId: string;
  /**
   * Every version of the unit, oldest first (`unitVersions`): the paths its subtree's events were
   * filed under during the period.
   */
  versions: readonly OrgUnit[];
  from: string;
  to: string;
  limit: number;
  /** The previous page's nextCursor. */
  cursor?: string;
}

export interface AuditPage {
  items: AuditEvent[];
  /** Absent on the last page. */
  nextCursor?: string;
}

export interface AuditTrail {
  /** Every version of a unit, oldest first (one read: a unit has a handful). */
  unitVersions(id: string): Promise<OrgUnit[]>;
  /** One page of the events, at most `limit`, in the order the audit index keeps them. */
  listAuditPage(query: AuditPageQuery): Promise<AuditPage>;
}

/** The organisation tree as in force on a day. */
export interface UnitLookup {
  getUnit(id: string, on: string): Promise<OrgUnit | undefined>;
}

interface UnitVersions extends UnitLookup {
  putUnit(unit: OrgUnit): Promise<void>;
}

/**
 * Every concern of the candidate table together, as the DynamoDB adapter implements it with
 * conditional writes and transactions. Services depend only on the parts they use, so each part
 * has a small in-memory fake.
 */
export interface CandidateStore
  extends
    CandidateReads,
    CandidateIntake,
    CandidateActions,
    CandidateTransitions,
    WorkflowRecords,
    InFlightRepair,
    WorkQueues,
    AuditTrail,
    UnitVersions {}

/** What an action writes besides the candidate, in the same transaction. */
export interface SubmissionCompanion {
  approval?: ApprovalRecord;
  seat?: SeatWrite;
}

/** A history event as the audit export sees it: with the unit path of its candidate. */
export type AuditEvent = HistoryEvent & { unitPath: string[] };

/** The person (by ID-number fingerprint) already has an open file. */
export class DuplicatePersonError extends Error {
  readonly name = 'DuplicatePersonError';
  constructor(
    readonly existingCandidateId: string,
    readonly existingUnitPath: string[],
  ) {
    super(`person already has candidate ${existingCandidateId}`);
  }
}

/** The approval link was used already: its decision is recorded. */
export class ApprovalLinkUsedError extends Error {
  readonly name = 'ApprovalLinkUsedError';
}

export class StaleCandidateError extends Error {
  readonly name = 'StaleCandidateError';
}

/** Where a walk of the in-flight index stands: a shard, and the last candidate id read in it. */
export interface InFlightCursor {
  shard: number;
  after?: string;
}

export interface InFlightPage {
  candidates: Candidate[];
  next?: InFlightCursor;
}
