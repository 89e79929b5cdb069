import { copy } from './copy';
import {
  ApprovalLinkUsedError,
  type AuditEvent,
  type CandidatePage,
  type CandidateStore,
  DuplicatePersonError,
  type AuditPage,
  type AuditPageQuery,
  type InFlightCursor,
  type InFlightPage,
  StaleCandidateError,
  type SubmissionCompanion,
} from '../../../functions/adapters/candidate-store';
import { watchedForRepair } from '../../../functions/adapters/table-keys';
import { SeatRefusedError, type SeatWrite } from '../../../functions/adapters/class-seat-writes';
import { type ApprovalRecord } from '../../../functions/domain/approval';
import {
  type Candidate,
  freesThePerson,
  isInFlight,
  type PendingStep,
  type Submission,
} from '../../../functions/domain/candidate';
import { type WatchedDeadline } from '../../../functions/domain/deadline-watch';
import { type HistoryEvent } from '../../../functions/domain/history-event';
import { type OrgUnit } from '../../../functions/domain/org-unit';
import { searchKeyOf } from '../../../functions/domain/search-key';
import { vietnamDateOf } from '../../../functions/domain/vietnam-time';
import { type WorkQueueQuery } from '../../../functions/domain/work-queue';
import { InMemoryClasses } from './in-memory-classes';

const IN_FLIGHT_SHARDS = 3;
/** A stable spread of ids over the fake index's shards (the table hashes them the same way). */
function inFlightShardOf(id: string): number {
  return [...id].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % IN_FLIGHT_SHARDS;
}

/**
 * Every part of the candidate store kept in memory, with the DynamoDB adapter's conditions at the
 * port level: a write whose condition fails throws the error the adapter throws
 * (`StaleCandidateError`, `DuplicatePersonError`, `ApprovalLinkUsedError`, `SeatRefusedError`)
 * and changes nothing. Reads return copies, as a table does.
 *
 * Not kept: the quota counters and stage gauges (the quota store's concern, checked on DynamoDB
 * Local), and the approximations of a real listing (pages are exact here).
 */
export class InMemoryCandidates implements CandidateStore {
  readonly items = new Map<string, Candidate>();
  readonly events = new Map<string, HistoryEvent[]>();
  readonly approvals = new Map<string, ApprovalRecord>();
  /** The open file of each person (ID-number fingerprint), as the adapter's PERSON item. */
  readonly people = new Map<string, { candidateId: string; unitPath: string[]; closed: boolean }>();
  /** Candidates written before work queues existed (no search key yet). */
  readonly unlisted = new Set<string>();
  /** Ids whose next write fails with this error (a throttled or refused write). */
  readonly failWrites = new Map<string, Error>();
  private readonly versionsById = new Map<string, OrgUnit[]>();

  constructor(readonly classes = new InMemoryClasses()) {}

  /** Seeds candidates as stored (corrupt ones too, as a table can hold them). */
  put(...candidates: Candidate[]): this {
    for (const candidate of candidates) {
      this.items.set(String(candidate.id), copy(candidate));
      if (candidate.nationalIdFingerprint && isInFlight(candidate)) {
        this.people.set(candidate.nationalIdFingerprint, {
          candidateId: candidate.id,
          unitPath: candidate.unitPath,
          closed: false,
        });
      }
    }
    return this;
  }

  /** Seeds unit versions (the tree as in force from each version's `effectiveFrom`). */
  putUnits(...units: OrgUnit[]): this {
    for (const unit of units) void this.putUnit(unit);
    return this;
  }

  historyOf(id: string): HistoryEvent[] {
    return copy(this.events.get(id) ?? []);
  }

  // Reads

  async getCandidate(id: string): Promise<Candidate | undefined> {
    const item = this.items.get(id);
    return item ? copy(item) : undefined;
  }

  /** In key order, as the table's query returns them: by seq, a notice after its version's event. */
  async getHistory(id: string): Promise<HistoryEvent[]> {
    const order = (e: HistoryEvent) => e.seq * 1000 + (e.notice ? 1 + e.notice.index : 0);
    return this.historyOf(id).sort((a, b) => order(a) - order(b));
  }

  // Intake

  async createCandidate(candidate: Candidate, event: HistoryEvent): Promise<void> {
    this.create(candidate, [event]);
  }

  async createOnboardedCandidate(candidate: Candidate, events: HistoryEvent[]): Promise<void> {
    this.create(candidate, events);
  }

  private create(candidate: Candidate, events: HistoryEvent[]): void {
    this.failIfAsked(candidate.id);
    if (this.items.has(candidate.id)) {
      throw new StaleCandidateError(`candidate ${candidate.id} already exists`);
    }
    const person = this.people.get(candidate.nationalIdFingerprint);
    if (person && person.candidateId !== candidate.id && !person.closed) {
      throw new DuplicatePersonError(person.candidateId, person.unitPath);
    }
    this.items.set(candidate.id, copy(candidate));
    this.events.set(candidate.id, copy(events));
    this.people.set(candidate.nationalIdFingerprint, {
      candidateId: candidate.id,
      unitPath: candidate.unitPath,
      closed: false,
    });
  }

  // Actions

  async recordSubmission(
    id: string,
    expectedVersion: number,
    submission: Submission,
    companion: SubmissionCompanion = {},
  ): Promise<Candidate> {
    this.failIfAsked(id);
    const stored = this.items.get(id);
    if (
      !stored ||
      stored.version !== expectedVersion ||
      stored.stage !== submission.stage ||
      stored.submission !== undefined
    ) {
      throw new StaleCandidateError(`candidate ${id} changed before the action was recorded`);
    }
    if (companion.approval && this.approvals.has(companion.approval.nonce)) {
      throw new ApprovalLinkUsedError(`approval ${companion.approval.nonce} was used already`);
    }
    const seat = companion.seat && this.seatRefusal(companion.seat);
    if (seat) throw new SeatRefusedError(seat);
    // All conditions hold: the transaction commits as a whole.
    if (companion.approval) {
      this.approvals.set(companion.approval.nonce, copy(companion.approval));
    }
    if (companion.seat) this.classes.writeSeat(companion.seat);
    stored.submission = copy(submission);
    return copy(stored);
  }

  private seatRefusal(write: SeatWrite) {
    return this.classes.refusalOf(write);
  }

  async getApprovalRecord(nonce: string): Promise<ApprovalRecord | undefined> {
    const record = this.approvals.get(nonce);
    return record ? copy(record) : undefined;
  }

  // Transitions

  async commitTransition(before: Candidate, after: Candidate, event: HistoryEvent): Promise<void> {
    const stored = this.items.get(before.id);
    this.commit(
      before,
      after,
      event,
      stored !== undefined &&
        stored.version === before.version &&
        stored.submission !== undefined &&
        stored.submission.id === before.submission?.id &&
        stored.execution.generation === before.execution.generation,
      'transition',
    );
  }

  async commitScheduledTransition(
    before: Candidate,
    after: Candidate,
    event: HistoryEvent,
  ): Promise<void> {
    const stored = this.items.get(before.id);
    this.commit(
      before,
      after,
      event,
      stored !== undefined &&
        stored.version === before.version &&
        stored.stage === before.stage &&
        stored.execution.generation === before.execution.generation,
      'scheduled step',
    );
  }

  async commitCorrection(before: Candidate, after: Candidate, event: HistoryEvent): Promise<void> {
    const stored = this.items.get(before.id);
    this.commit(
      before,
      after,
      event,
      stored !== undefined && stored.version === before.version && stored.stage === before.stage,
      'correction',
    );
  }

  private commit(
    before: Candidate,
    after: Candidate,
    event: HistoryEvent,
    holds: boolean,
    what: string,
  ): void {
    this.failIfAsked(before.id);
    if (!holds || this.hasEvent(event.candidateId, event.seq)) {
      throw new StaleCandidateError(
        `candidate ${before.id} changed before the ${what} was committed`,
      );
    }
    this.items.set(after.id, copy(after));
    this.appendEvent(event);
    const person = this.people.get(after.nationalIdFingerprint);
    if (freesThePerson(after.stage) && person?.candidateId === after.id) person.closed = true;
  }

  // Workflow records

  async recordPendingStep(id: string, pending: PendingStep): Promise<Candidate | undefined> {
    this.failIfAsked(id);
    const stored = this.items.get(id);
    if (!stored || stored.stage !== pending.stage) return undefined;
    stored.pendingStep = copy(pending);
    return copy(stored);
  }

  async recordNotified(id: string, notified: NonNullable<Candidate['notified']>): Promise<void> {
    const stored = this.writable(
      id,
      (c) => c.version === notified.version && c.stage === notified.stage,
      `candidate ${id} moved on before its notification was recorded`,
    );
    stored.notified = { ...notified };
  }

  async recordExecution(before: Candidate, execution: Candidate['execution']): Promise<void> {
    const stored = this.writable(
      before.id,
      (c) => c.version === before.version && c.execution.generation === before.execution.generation,
      `candidate ${before.id} changed before its execution was replaced`,
    );
    stored.execution = { ...execution };
    delete stored.pendingStep;
  }

  async recordDeadline(before: Candidate, deadline: WatchedDeadline): Promise<void> {
    const stored = this.writable(
      before.id,
      (c) => c.version === before.version && c.stage === deadline.stage,
      `candidate ${before.id} moved on before its deadline was recorded`,
    );
    stored.deadline = copy(deadline);
  }

  async recordDeadlineNotice(
    before: Candidate,
    deadline: WatchedDeadline,
    event: HistoryEvent & { notice: NonNullable<HistoryEvent['notice']> },
  ): Promise<void> {
    const stored = this.writable(
      before.id,
      (c) =>
        c.version === before.version &&
        c.stage === deadline.stage &&
        c.deadline?.noticesSent === event.notice.index,
      `candidate ${before.id} moved on, or the notice was recorded, before this one`,
    );
    stored.deadline = copy(deadline);
    this.appendEvent(event);
  }

  async recordProbationSchedule(
    before: Candidate,
    schedule: NonNullable<Candidate['probationSchedule']>,
  ): Promise<void> {
    const stored = this.writable(
      before.id,
      (c) => c.version === before.version && c.stage === before.stage,
      `candidate ${before.id} changed before its probation schedule was recorded`,
    );
    stored.probationSchedule = { ...schedule };
  }

  // In-flight repair

  /** Pages of the index read so far (what a sweep costs). */
  inFlightPagesRead = 0;

  /** The sparse index as the table keeps it: shards, each in id order, read a page at a time. */
  async listInFlight(from: InFlightCursor | undefined, limit: number): Promise<InFlightPage> {
    this.inFlightPagesRead++;
    const cursor = from ?? { shard: 0 };
    const rest = [...this.items.values()]
      .filter((c) => inFlightShardOf(c.id) === cursor.shard && watchedForRepair(c))
      .filter((c) => cursor.after === undefined || c.id > cursor.after)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const candidates = rest.slice(0, limit).map((c) => copy(c));
    let next: InFlightCursor | undefined;
    if (rest.length > limit) next = { shard: cursor.shard, after: candidates.at(-1)!.id };
    else if (cursor.shard + 1 < IN_FLIGHT_SHARDS) next = { shard: cursor.shard + 1 };
    return { candidates, ...(next ? { next } : {}) };
  }

  /** The candidates written before work queues existed, as the operator's scan finds them. */
  unlistedCandidates(): Candidate[] {
    return [...this.unlisted].flatMap((id) => {
      const candidate = this.items.get(id);
      return candidate ? [copy(candidate)] : [];
    });
  }

  async listInWorkQueues(candidate: Candidate): Promise<boolean> {
    this.failIfAsked(candidate.id);
    const stored = this.items.get(candidate.id);
    if (!stored || stored.version !== candidate.version || !this.unlisted.has(candidate.id)) {
      return false;
    }
    this.unlisted.delete(candidate.id);
    return true;
  }

  // Work queues

  /** The unit's subtree at the stages, in queue position order (due date, waiting since, id). */
  async listWorkQueue(query: WorkQueueQuery): Promise<CandidatePage> {
    const position = (c: Candidate) => `${c.dueOn ?? '9999-12-31'}#${c.stageEnteredAt}#${c.id}`;
    const matching = [...this.items.values()]
      .filter((c) => !this.unlisted.has(c.id))
      .filter((c) => c.unitPath.includes(query.unitId) && query.stages.includes(c.stage))
      .filter((c) => !query.dueBefore || (c.dueOn !== undefined && c.dueOn < query.dueBefore))
      .filter((c) => !query.search || searchKeyOf(c.fullName).includes(query.search))
      .sort((a, b) => position(a).localeCompare(position(b)))
      .filter((c) => !query.cursor || position(c) > query.cursor);
    const page = matching.slice(0, query.limit);
    const more = matching.length > query.limit;
    return {
      items: page.map((c) => ({
        id: c.id,
        fullName: c.fullName,
        unitId: c.unitId,
        stage: c.stage,
        version: c.version,
        createdAt: c.createdAt,
        stageEnteredAt: c.stageEnteredAt,
        ...(c.dueOn ? { dueOn: c.dueOn } : {}),
      })),
      ...(more ? { nextCursor: position(page[page.length - 1]) } : {}),
    };
  }

  // Audit trail

  /** The subtree's events of the period, by unit path then time; the cursor is the last key. */
  async listAuditPage(query: AuditPageQuery): Promise<AuditPage> {
    const keyOf = (e: AuditEvent) => `${e.unitPath.join('/')}|${e.at}#${e.candidateId}#${e.seq}`;
    const all: AuditEvent[] = [];
    for (const [id, events] of this.events) {
      const unitPath = this.items.get(id)?.unitPath ?? [];
      if (!unitPath.includes(query.unitId)) continue;
      for (const event of events) {
        const day = vietnamDateOf(new Date(event.at));
        if (day >= query.from && day <= query.to) all.push({ ...copy(event), unitPath });
      }
    }
    const after = all
      .sort((a, b) => keyOf(a).localeCompare(keyOf(b)))
      .filter((e) => !query.cursor || keyOf(e) > query.cursor);
    const items = after.slice(0, query.limit);
    return {
      items,
      ...(after.length > query.limit ? { nextCursor: keyOf(items[items.length - 1]) } : {}),
    };
  }

  // Units

  async getUnit(id: string, on: string): Promise<OrgUnit | undefined> {
    const inForce = (this.versionsById.get(id) ?? []).filter((u) => u.effectiveFrom <= on);
    const latest = inForce.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).pop();
    return latest ? copy(latest) : undefined;
  }

  unitIds(): string[] {
    return [...this.versionsById.keys()];
  }

  /** Every version of a unit, oldest first. */
  versionsOf(id: string): OrgUnit[] {
    const versions = copy(this.versionsById.get(id) ?? []);
    return versions.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  }

  async unitVersions(id: string): Promise<OrgUnit[]> {
    return this.versionsOf(id);
  }

  async putUnit(unit: OrgUnit): Promise<void> {
    const versions = (this.versionsById.get(unit.id) ?? []).filter(
      (u) => u.effectiveFrom !== unit.effectiveFrom,
    );
    this.versionsById.set(unit.id, [...versions, copy(unit)]);
  }

  private writable(id: string, holds: (stored: Candidate) => boolean, what: string): Candidate {
    this.failIfAsked(id);
    const stored = this.items.get(id);
    if (!stored || !holds(stored)) throw new StaleCandidateError(what);
    return stored;
  }

  private failIfAsked(id: string): void {
    const failure = this.failWrites.get(id);
    if (failure) throw failure;
  }

  /** Events are keyed by (candidate, seq) or, for notices, (candidate, seq, index): never overwritten. */
  private hasEvent(candidateId: string, seq: number): boolean {
    return (this.events.get(candidateId) ?? []).some((e) => e.seq === seq && !e.notice);
  }

  private appendEvent(event: HistoryEvent): void {
    const events = this.events.get(event.candidateId) ?? [];
    events.push(copy(event));
    this.events.set(event.candidateId, events);
  }
}
