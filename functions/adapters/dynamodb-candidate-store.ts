import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type Candidate,
  freesThePerson,
  type PendingStep,
  type Submission,
} from '../domain/candidate';
import type { WatchedDeadline } from '../domain/deadline-watch';
import { type HistoryEvent } from '../domain/history-event';
import { type OrgUnit } from '../domain/org-unit';
import {
  counterDeltasOfEvent,
  gaugeDeltas,
  type StagePosition,
} from '../domain/quota/ledger-deltas';
import { ledgerTransactUpdates } from './quota-ledger-items';
import { type ApprovalRecord } from '../domain/approval';
import {
  ApprovalLinkUsedError,
  type AuditPage,
  type AuditPageQuery,
  DuplicatePersonError,
  type CandidatePage,
  type CandidateStore,
  type InFlightCursor,
  type InFlightPage,
  StaleCandidateError,
  type SubmissionCompanion,
} from './candidate-store';
import { SeatRefusedError, seatRefusalOf, seatWriteItems } from './class-seat-writes';
import { type WorkQueueQuery } from '../domain/work-queue';
import { searchKeyOf } from '../domain/search-key';
import { stageDueOn } from '../domain/stage-due';
import { listWorkQueue } from './dynamodb-work-queue';
import { queueEntryWrites } from './queue-entries';
import { eventPut, newCandidateWrites } from './new-candidate-writes';
import { addDays } from '../domain/rules/calendar-date';
import { DynamoDbOrgStore } from './dynamodb-org-store';
import {
  approvalRecordKey,
  candidateItem,
  IN_FLIGHT_KEY,
  IN_FLIGHT_SHARDS,
  INDEX,
  keys,
  withoutKeys,
} from './table-keys';
import { isConditionFailure } from './dynamodb-errors';
import { listAuditPage, type OwnAuditEvents } from './dynamodb-audit-trail';

async function staleOnConditionFailure<T>(write: Promise<T>, what: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isConditionFailure(error)) throw new StaleCandidateError(what);
    throw error;
  }
}

export interface CandidateStoreOptions {
  /** Where the audit export reads a unit's own events (dynamodb-audit-trail.ts). */
  ownAuditEvents: OwnAuditEvents;
}

export class DynamoDbCandidateStore implements CandidateStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: CandidateStoreOptions = { ownAuditEvents: 'unit-index' },
  ) {}

  async createCandidate(candidate: Candidate, event: HistoryEvent): Promise<void> {
    await this.createWithHistory(candidate, [event]);
  }

  async createOnboardedCandidate(candidate: Candidate, events: HistoryEvent[]): Promise<void> {
    await this.createWithHistory(candidate, events);
  }

  /**
   * A new candidate with its history so far (one nomination event, or an onboarded file's events),
   * its person's open file, the counters every event earns and the gauges of where it stands:
   * one transaction, so a retry or a second import finds it whole or not at all.
   */
  private async createWithHistory(candidate: Candidate, events: HistoryEvent[]): Promise<void> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: newCandidateWrites(this.tableName, candidate, events),
        }),
      );
    } catch (error) {
      const reasons =
        error instanceof TransactionCanceledException ? error.CancellationReasons : [];
      if (reasons?.[0]?.Code === 'ConditionalCheckFailed') {
        throw new StaleCandidateError(`candidate ${candidate.id} already exists`);
      }
      if (reasons?.[1 + events.length]?.Code === 'ConditionalCheckFailed') {
        const { Item } = await this.documents.send(
          new GetCommand({
            TableName: this.tableName,
            Key: keys.person(candidate.nationalIdFingerprint),
            ConsistentRead: true,
          }),
        );
        throw new DuplicatePersonError(
          String(Item?.candidateId),
          (Item?.unitPath as string[]) ?? [],
        );
      }
      throw error;
    }
  }

  async getCandidate(id: string): Promise<Candidate | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: keys.candidate(id), ConsistentRead: true }),
    );
    return Item ? withoutKeys<Candidate>(Item) : undefined;
  }

  async getHistory(id: string): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :evt)',
          ExpressionAttributeValues: { ':pk': keys.candidate(id).PK, ':evt': keys.eventPrefix },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      events.push(...(page.Items ?? []).map((i) => withoutKeys<HistoryEvent>(i)));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return events;
  }

  listWorkQueue(query: WorkQueueQuery): Promise<CandidatePage> {
    return listWorkQueue(this.documents, this.tableName, query);
  }

  async recordSubmission(
    id: string,
    expectedVersion: number,
    submission: Submission,
    companion: SubmissionCompanion = {},
  ): Promise<Candidate> {
    if (companion.approval || companion.seat) {
      return this.recordSubmissionWith(id, expectedVersion, submission, companion);
    }
    const { Attributes } = await staleOnConditionFailure(
      this.documents.send(
        new UpdateCommand({
          ...this.submissionUpdate(id, expectedVersion, submission),
          ReturnValues: 'ALL_NEW',
        }),
      ),
      `candidate ${id} changed before the action was recorded`,
    );
    return withoutKeys<Candidate>(Attributes!);
  }

  /** Records an action on a candidate still at `expectedVersion` with no other one pending. */
  private submissionUpdate(id: string, expectedVersion: number, submission: Submission) {
    return {
      TableName: this.tableName,
      Key: keys.candidate(id),
      UpdateExpression: 'SET submission = :submission',
      ConditionExpression:
        'version = :version AND stage = :stage AND attribute_not_exists(submission)',
      ExpressionAttributeValues: {
        ':submission': submission,
        ':version': expectedVersion,
        ':stage': submission.stage,
      },
    };
  }

  /** The submission and its companion writes, together or not at all. */
  private async recordSubmissionWith(
    id: string,
    expectedVersion: number,
    submission: Submission,
    { approval, seat }: SubmissionCompanion,
  ): Promise<Candidate> {
    const approvalItems = approval
      ? [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...approvalRecordKey(approval), entity: 'APPROVAL', ...approval },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ]
      : [];
    const seatItems = seat ? seatWriteItems(this.tableName, seat) : [];
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: this.submissionUpdate(id, expectedVersion, submission) },
            ...approvalItems,
            ...seatItems,
          ],
        }),
      );
    } catch (error) {
      const reasons =
        error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') {
        throw new StaleCandidateError(`candidate ${id} changed before the action was recorded`);
      }
      if (approval && reasons[1]?.Code === 'ConditionalCheckFailed') {
        throw new ApprovalLinkUsedError(`approval ${approval.nonce} was used already`);
      }
      const refusal = seat && seatRefusalOf(seat, reasons.slice(1 + approvalItems.length));
      if (refusal) throw new SeatRefusedError(refusal);
      throw error;
    }
    const recorded = await this.getCandidate(id);
    if (!recorded) throw new StaleCandidateError(`candidate ${id} disappeared`);
    return recorded;
  }

  async getApprovalRecord(nonce: string): Promise<ApprovalRecord | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: approvalRecordKey({ nonce }),
        ConsistentRead: true,
      }),
    );
    return Item ? withoutKeys<ApprovalRecord>(Item) : undefined;
  }

  async recordPendingStep(id: string, pending: PendingStep): Promise<Candidate | undefined> {
    try {
      const { Attributes } = await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.candidate(id),
          UpdateExpression: 'SET pendingStep = :pending',
          ConditionExpression: 'stage = :stage',
          ExpressionAttributeValues: { ':pending': pending, ':stage': pending.stage },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return withoutKeys<Candidate>(Attributes!);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async commitTransition(before: Candidate, after: Candidate, event: HistoryEvent): Promise<void> {
    await this.commitStageChange(after, event, before, {
      condition: 'submission.id = :submission',
      values: { ':submission': before.submission?.id },
      what: 'transition',
    });
  }

  async commitScheduledTransition(
    before: Candidate,
    after: Candidate,
    event: HistoryEvent,
  ): Promise<void> {
    await this.commitStageChange(after, event, before, {
      condition: 'stage = :stage',
      values: { ':stage': before.stage },
      what: 'scheduled step',
    });
  }

  /**
   * `after`, its event, the freed person (if the file ended) and the ledger, in one transaction,
   * if the candidate is still at `before`'s version and execution generation and `condition`.
   */
  private async commitStageChange(
    after: Candidate,
    event: HistoryEvent,
    before: Candidate,
    guard: { condition: string; values: Record<string, unknown>; what: string },
  ): Promise<void> {
    await staleOnConditionFailure(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: candidateItem(after),
                ConditionExpression: `version = :version AND ${guard.condition} AND #execution.generation = :generation`,
                ExpressionAttributeNames: { '#execution': 'execution' },
                ExpressionAttributeValues: {
                  ':version': before.version,
                  ':generation': before.execution.generation,
                  ...guard.values,
                },
              },
            },
            this.putEvent(event, after.unitPath),
            ...(freesThePerson(after.stage) ? [this.freePerson(after)] : []),
            ...this.ledgerUpdates(event, before, after, after.unitPath),
            ...queueEntryWrites(this.tableName, before, after),
          ],
        }),
      ),
      `candidate ${before.id} changed before the ${guard.what} was committed`,
    );
  }

  async commitCorrection(before: Candidate, after: Candidate, event: HistoryEvent): Promise<void> {
    await staleOnConditionFailure(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: candidateItem(after),
                ConditionExpression: 'version = :version AND stage = :stage',
                ExpressionAttributeValues: { ':version': before.version, ':stage': before.stage },
              },
            },
            this.putEvent(event, after.unitPath),
            ...this.ledgerUpdates(event, before, after, after.unitPath),
            ...queueEntryWrites(this.tableName, before, after),
          ],
        }),
      ),
      `candidate ${before.id} changed before the correction was committed`,
    );
  }

  async recordExecution(before: Candidate, execution: Candidate['execution']): Promise<void> {
    await staleOnConditionFailure(
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.candidate(before.id),
          UpdateExpression: 'SET #execution = :execution REMOVE pendingStep',
          ConditionExpression: 'version = :version AND #execution.generation = :generation',
          ExpressionAttributeNames: { '#execution': 'execution' },
          ExpressionAttributeValues: {
            ':execution': execution,
            ':version': before.version,
            ':generation': before.execution.generation,
          },
        }),
      ),
      `candidate ${before.id} changed before its execution was replaced`,
    );
  }

  async recordDeadline(before: Candidate, deadline: WatchedDeadline): Promise<void> {
    await staleOnConditionFailure(
      this.documents.send(new UpdateCommand(this.deadlineUpdate(before, deadline))),
      `candidate ${before.id} moved on before its deadline was recorded`,
    );
  }

  async recordDeadlineNotice(
    before: Candidate,
    deadline: WatchedDeadline,
    event: HistoryEvent & { notice: NonNullable<HistoryEvent['notice']> },
  ): Promise<void> {
    const update = this.deadlineUpdate(before, deadline);
    await staleOnConditionFailure(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                ...update,
                ConditionExpression: `${update.ConditionExpression} AND #deadline.noticesSent = :sent`,
                ExpressionAttributeValues: {
                  ...update.ExpressionAttributeValues,
                  ':sent': event.notice.index,
                },
              },
            },
            this.putEvent(
              event,
              before.unitPath,
              keys.notice(event.candidateId, event.seq, event.notice.index),
            ),
            // The work queues show how far the overdue step has been escalated.
            ...queueEntryWrites(this.tableName, before, { ...before, deadline }),
          ],
        }),
      ),
      `candidate ${before.id} moved on, or the notice was recorded, before this one`,
    );
  }

  /** The deadline attribute, only while the candidate is still at that version and stage. */
  private deadlineUpdate(before: Candidate, deadline: WatchedDeadline) {
    return {
      TableName: this.tableName,
      Key: keys.candidate(before.id),
      UpdateExpression: 'SET #deadline = :deadline',
      ConditionExpression: 'version = :version AND stage = :stage',
      ExpressionAttributeNames: { '#deadline': 'deadline' },
      ExpressionAttributeValues: {
        ':deadline': deadline,
        ':version': before.version,
        ':stage': deadline.stage,
      } as Record<string, unknown>,
    };
  }

  async recordNotified(id: string, notified: NonNullable<Candidate['notified']>): Promise<void> {
    await staleOnConditionFailure(
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.candidate(id),
          UpdateExpression: 'SET notified = :notified',
          ConditionExpression: 'version = :version AND stage = :stage',
          ExpressionAttributeValues: {
            ':notified': notified,
            ':version': notified.version,
            ':stage': notified.stage,
          },
        }),
      ),
      `candidate ${id} moved on before its notification was recorded`,
    );
  }

  async recordProbationSchedule(
    before: Candidate,
    schedule: NonNullable<Candidate['probationSchedule']>,
  ): Promise<void> {
    await staleOnConditionFailure(
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.candidate(before.id),
          UpdateExpression: 'SET probationSchedule = :schedule',
          ConditionExpression: 'version = :version AND stage = :stage',
          ExpressionAttributeValues: {
            ':schedule': schedule,
            ':version': before.version,
            ':stage': before.stage,
          },
        }),
      ),
      `candidate ${before.id} changed before its probation schedule was recorded`,
    );
  }

  async listInFlight(from: InFlightCursor | undefined, limit: number): Promise<InFlightPage> {
    const cursor = from ?? { shard: 0 };
    // One shard at a time, in id order: the cursor is the last id read, so a page resumes
    // exactly after it whatever was written meanwhile.
    const { Items, LastEvaluatedKey } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEX.inFlight,
        KeyConditionExpression: cursor.after
          ? '#shard = :shard AND #sort > :after'
          : '#shard = :shard',
        ExpressionAttributeNames: {
          '#shard': IN_FLIGHT_KEY.shard,
          ...(cursor.after ? { '#sort': IN_FLIGHT_KEY.sort } : {}),
        },
        ExpressionAttributeValues: {
          ':shard': cursor.shard,
          ...(cursor.after ? { ':after': cursor.after } : {}),
        },
        // One BatchGetItem reads the page's items: at most 100 keys.
        Limit: Math.min(limit, 100),
      }),
    );
    const candidates = await this.getCandidates((Items ?? []).map((item) => String(item.PK)));
    const last = LastEvaluatedKey?.[IN_FLIGHT_KEY.sort];
    let next: InFlightCursor | undefined;
    if (typeof last === 'string') next = { shard: cursor.shard, after: last };
    else if (cursor.shard + 1 < IN_FLIGHT_SHARDS) next = { shard: cursor.shard + 1 };
    return { candidates, ...(next ? { next } : {}) };
  }

  /**
   * The candidate items under these partition keys, read consistently (the index holds keys
   * only, and may lag): BatchGetItem, keys it leaves unprocessed asked again. Order follows `pks`.
   */
  private async getCandidates(pks: string[]): Promise<Candidate[]> {
    const found = new Map<string, Record<string, unknown>>();
    let keysLeft = pks.map((PK) => ({ PK, SK: 'META' }));
    for (let attempt = 0; keysLeft.length > 0; attempt++) {
      if (attempt > 0)
        await new Promise((done) => setTimeout(done, Math.min(1000, 50 * 2 ** attempt)));
      if (attempt > 8) throw new Error(`${keysLeft.length} in-flight items left unread`);
      const { Responses, UnprocessedKeys } = await this.documents.send(
        new BatchGetCommand({
          RequestItems: { [this.tableName]: { Keys: keysLeft, ConsistentRead: true } },
        }),
      );
      for (const item of Responses?.[this.tableName] ?? []) found.set(String(item.PK), item);
      keysLeft = (UnprocessedKeys?.[this.tableName]?.Keys ?? []) as typeof keysLeft;
    }
    return pks.flatMap((pk) => {
      const item = found.get(pk);
      return item ? [withoutKeys<Candidate>(item)] : [];
    });
  }

  async listInWorkQueues(candidate: Candidate): Promise<boolean> {
    const dueOn = stageDueOn(candidate);
    const listed: Candidate = { ...candidate, ...(dueOn ? { dueOn } : {}) };
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.candidate(candidate.id),
                UpdateExpression: `SET searchKey = :key${dueOn ? ', dueOn = :due' : ''}`,
                ConditionExpression: 'version = :version AND attribute_not_exists(searchKey)',
                ExpressionAttributeValues: {
                  ':key': searchKeyOf(candidate.fullName),
                  ':version': candidate.version,
                  ...(dueOn ? { ':due': dueOn } : {}),
                },
              },
            },
            ...queueEntryWrites(this.tableName, undefined, listed),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  getUnit(id: string, on: string): Promise<OrgUnit | undefined> {
    return new DynamoDbOrgStore(this.documents, this.tableName).getUnit(id, on);
  }

  /**
   * Writes a version of a unit. The child link that lets a quota report find the unit's children
   * (or the top-level units) with one Query follows the parent: a version that moves the unit
   * takes its link from the parent in force the day before.
   */
  async putUnit(unit: OrgUnit): Promise<void> {
    const org = new DynamoDbOrgStore(this.documents, this.tableName);
    const before = await org.getUnit(unit.id, addDays(unit.effectiveFrom, -1));
    await org.putUnitVersion(unit, before ? before.parentId : unit.parentId);
  }

  unitVersions(id: string): Promise<OrgUnit[]> {
    return new DynamoDbOrgStore(this.documents, this.tableName).unitVersions(id);
  }

  /** One page of a unit's subtree's audit events (dynamodb-audit-trail.ts). */
  listAuditPage(query: AuditPageQuery): Promise<AuditPage> {
    return listAuditPage(this.documents, this.tableName, query, this.options.ownAuditEvents);
  }

  private freePerson(candidate: Candidate) {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.person(candidate.nationalIdFingerprint),
        UpdateExpression: 'SET closed = :closed',
        ConditionExpression: 'attribute_not_exists(PK) OR candidateId = :self',
        ExpressionAttributeValues: { ':closed': true, ':self': candidate.id },
      },
    };
  }

  /**
   * The quota counters an event earns (or a correction reverses) and the stage gauges it moves,
   * for the candidate's unit and every ancestor: part of the same transaction as the event, in
   * the candidate's shard of each item (docs/architecture.md, "Sharded ledger items").
   */
  private ledgerUpdates(
    event: HistoryEvent,
    before: StagePosition | undefined,
    after: StagePosition | undefined,
    unitPath: string[],
  ) {
    return ledgerTransactUpdates(this.tableName, event.candidateId, unitPath, {
      counters: counterDeltasOfEvent(event, unitPath),
      gauges: gaugeDeltas(before, after, unitPath),
    });
  }

  private putEvent(
    event: HistoryEvent,
    unitPath: string[],
    key = keys.event(event.candidateId, event.seq),
  ) {
    return eventPut(this.tableName, event, unitPath, key);
  }
}
