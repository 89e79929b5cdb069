import { type ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  paginateQuery,
  paginateScan,
  PutCommand,
  QueryCommand,
  ScanCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Actor } from '../domain/caller';
import type { HistoryEvent } from '../domain/history-event';
import type { OrgUnit } from '../domain/org-unit';
import { funnelWindowStart } from '../domain/quota/funnel';
import { QUOTA_METRICS } from '../domain/quota/metric';
import { monthsIn } from '../domain/quota/period';
import type { UnitQuotaData } from '../domain/quota/report';
import { type QuotaTarget } from '../domain/quota/target';
import { retryOnTransactionConflict } from './conflict-retry';
import { createDocumentClient, requiredEnv } from './dynamodb-documents';
import { isConditionFailure } from './dynamodb-errors';
import {
  LEDGER_PARTITION_PREFIX,
  ledgerPartition,
  ledgerRanges,
  type LegacyLedgerItem,
  legacyMoveUpdates,
  parseLedgerItem,
  quotaItemKey,
  quotaPeriodPrefix,
  unitLedgerFigures,
} from './quota-ledger-items';
import { keys, withoutKeys } from './table-keys';

/**
 * The quota ledger's side of the single table:
 *
 * | item                       | PK                          | SK                          |
 * | -------------------------- | --------------------------- | --------------------------- |
 * | target                     | `QUOTA#<unitId>`            | `<period>#<metric>#<issuer>`|
 * | ledger month shard         | `LEDGER#<unitId>`           | `M#YYYY-MM#<shard>`         |
 * | ledger stage-total shard   | `LEDGER#<unitId>`           | `T#<shard>`                 |
 * | child link of a unit       | `UNIT#<parentId>`           | `CHILD#<childId>`           |
 * | top-level unit             | `ORG#ROOTS`                 | `CHILD#<unitId>`            |
 *
 * Counters and gauges are written by the candidate store inside each transition's transaction;
 * this adapter writes targets and reads. Every read of a report passes
 * `ReturnConsumedCapacity: TOTAL` and adds what it cost to the optional `capacity` meter.
 */

export interface CapacityMeter {
  readUnits: number;
  requests: number;
}

/** A target as stored: the target plus where it sits in the ledger and who wrote it. */
export interface StoredTarget extends QuotaTarget {
  position: number;
  updatedAt: string;
  updatedBy?: Pick<Actor, 'userId' | 'name' | 'role' | 'unitId'>;
  importId?: string;
}

export type UnitRef = Pick<OrgUnit, 'id' | 'name' | 'level'>;

/** DynamoDB's limit on the items of one transaction: an import is one transaction. */
export const MAX_TARGETS_PER_WRITE = 100;

export const ROOTS_PARTITION = 'ORG#ROOTS';
const CHILD_PREFIX = 'CHILD#';

/** The child-link item that lets a report find a unit's children with one Query. */
export function childLinkItem(unit: OrgUnit): Record<string, unknown> {
  return {
    PK: unit.parentId ? keys.unitPartition(unit.parentId) : ROOTS_PARTITION,
    SK: `${CHILD_PREFIX}${unit.id}`,
    entity: 'UNIT_CHILD',
    id: unit.id,
    name: unit.name,
    level: unit.level,
  };
}

export interface LedgerSnapshot {
  /** Every history event with its candidate's unit path. */
  events: (HistoryEvent & { unitPath: string[] })[];
  candidates: { id: string; stage: string; stageEnteredAt: string; unitPath: string[] }[];
  counters: { unitId: string; metric: string; month: string; count: number }[];
  gauges: { unitId: string; stage: string; month: string; count: number }[];
  gaugeTotals: { unitId: string; stage: string; count: number }[];
  /** Top-level committees (their links under `ORG#ROOTS`): they keep no ledger. */
  topUnits: string[];
}

/** One page of the recount's Scan, and where the next one starts (absent after the last). */
export interface LedgerPage {
  snapshot: LedgerSnapshot;
  /** Items the page read (before the filter): the progress an operator sees. */
  scanned: number;
  next?: Record<string, unknown>;
}

export class DynamoDbQuotaStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly capacity?: CapacityMeter,
  ) {}

  /** All the targets in one transaction: every one is written, or none. */
  async putTargets(
    targets: readonly QuotaTarget[],
    meta: { actor?: Actor; importId?: string; now: Date },
  ): Promise<void> {
    if (targets.length === 0) return;
    if (targets.length > MAX_TARGETS_PER_WRITE) {
      throw new RangeError(`At most ${MAX_TARGETS_PER_WRITE} targets per write`);
    }
    const updatedAt = meta.now.toISOString();
    const by = meta.actor && {
      userId: meta.actor.userId,
      name: meta.actor.name,
      role: meta.actor.role,
      unitId: meta.actor.unitId,
    };
    await this.documents.send(
      new TransactWriteCommand({
        TransactItems: targets.map((target, index) => ({
          Put: {
            TableName: this.tableName,
            Item: {
              ...quotaItemKey(target),
              entity: 'QUOTA',
              ...target,
              // Ledger order: the first issuer of a metric heads the report sentence.
              position: index,
              updatedAt,
              ...(by ? { updatedBy: by } : {}),
              ...(meta.importId ? { importId: meta.importId } : {}),
            },
          },
        })),
      }),
    );
  }

  /** A unit's targets for one period (or every period), in ledger order. */
  async listTargets(unitId: string, period?: string): Promise<StoredTarget[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: period ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
      ExpressionAttributeValues: {
        ':pk': quotaItemKey({ unitId, period: '', metric: 'ADMITTED', issuerId: '' }).PK,
        ...(period ? { ':prefix': quotaPeriodPrefix(period) } : {}),
      },
    });
    return items
      .map((item) => withoutKeys<StoredTarget>(item))
      .sort(
        (a, b) =>
          a.period.localeCompare(b.period) ||
          a.metric.localeCompare(b.metric) ||
          (a.position ?? 0) - (b.position ?? 0) ||
          a.issuerId.localeCompare(b.issuerId),
      );
  }

  /** Direct children of a unit (or the top-level units, for `undefined`). */
  async childrenOf(unitId: string | undefined): Promise<UnitRef[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': unitId === undefined ? ROOTS_PARTITION : keys.unitPartition(unitId),
        ':prefix': CHILD_PREFIX,
      },
    });
    return items.map((i) => ({
      id: String(i.id),
      name: String(i.name),
      level: i.level as OrgUnit['level'],
    }));
  }

  /** The unit as in force on `on` (the latest version not after it). */
  async getUnit(id: string, on: string): Promise<OrgUnit | undefined> {
    const [item] = await this.queryAll(
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :on',
        ExpressionAttributeValues: {
          ':pk': keys.unitPartition(id),
          ':first': 'META#',
          ':on': `META#${on}`,
        },
        ScanIndexForward: false,
        Limit: 1,
      },
      1,
    );
    return item ? withoutKeys<OrgUnit>(item) : undefined;
  }

  /**
   * Targets, counters of every metric and the funnel's gauges of one unit for a report of
   * `period` on `today`: the targets Query and one range of the unit's ledger partition (two when
   * the period lies before the funnel's window), whatever the data and however old the ledger
   * (docs/architecture.md, "Sharded ledger items"). While `npm run quota:migrate` has legacy
   * items left to move, the unit's legacy items are read and added too. A top-level committee
   * keeps no ledger: its figures are its children's sum (`quotaReport` adds them up).
   */
  async unitData(unit: UnitRef, period: string, today: string): Promise<UnitQuotaData> {
    const windowStart = funnelWindowStart(today);
    const [targets, legacy, ...ranges] = await Promise.all([
      this.listTargets(unit.id, period),
      this.legacyItemsOf(unit.id, period),
      ...ledgerRanges(unit.id, period, windowStart).map((r) =>
        this.queryAll({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': r.PK, ':from': r.from, ':to': r.to },
        }),
      ),
    ]);
    const { counters, gauges } = unitLedgerFigures(
      [...ranges.flat(), ...legacy.flatMap((i) => legacyAsLedgerItems(i))],
      period,
      windowStart,
    );
    return { unit: { id: unit.id, name: unit.name, level: unit.level }, targets, counters, gauges };
  }

  /**
   * Whether legacy ledger items may remain (`npm run quota:migrate` marks it before the upgrade
   * and clears it once none is left): one read per minute and function instance.
   */
  private legacyMarker?: { readAt: number; present: Promise<boolean> };

  private legacyLedgerRemains(): Promise<boolean> {
    const now = Date.now();
    if (!this.legacyMarker || now - this.legacyMarker.readAt > 60_000) {
      this.legacyMarker = {
        readAt: now,
        present: this.documents
          .send(
            new GetCommand({
              TableName: this.tableName,
              Key: LEGACY_MARKER_KEY,
              ...(this.capacity ? { ReturnConsumedCapacity: 'TOTAL' } : {}),
            }),
          )
          .then((r) => {
            this.record(r.ConsumedCapacity);
            return r.Item !== undefined;
          }),
      };
    }
    return this.legacyMarker.present;
  }

  /** A unit's legacy items a report needs (counters of the period, every gauge), if any remain. */
  private async legacyItemsOf(unitId: string, period: string): Promise<LegacyLedgerItem[]> {
    if (!(await this.legacyLedgerRemains())) return [];
    const months = monthsIn(period);
    const queries = [
      ...QUOTA_METRICS.map((metric) => ({
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': `CNT#${unitId}#${metric}`,
          ':from': months[0],
          ':to': `${months.at(-1)!}#~`,
        },
      })),
      {
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `GAUGE#${unitId}` },
      },
    ];
    const pages = await Promise.all(
      queries.map((q) => this.queryAll({ TableName: this.tableName, ...q })),
    );
    return pages.flat().map(legacyItem);
  }

  /**
   * Everything the recount needs (history events, candidates, counters and gauges), one Scan
   * page at a time from `from` (a batch job, never a request path): `next` is where the
   * following page starts, absent after the last one. Legacy items not yet moved count with the
   * rest (a legacy gauge bucket is also part of its stage's total), so the recount is exact
   * before, during and after `npm run quota:migrate`.
   */
  async scanLedgerPage(from?: Record<string, unknown>): Promise<LedgerPage> {
    const page = await this.documents.send(
      new ScanCommand({
        TableName: this.tableName,
        FilterExpression:
          'entity IN (:event, :candidate, :counter, :gauge) OR begins_with(PK, :ledger) OR PK = :roots',
        ExpressionAttributeValues: {
          ':roots': ROOTS_PARTITION,
          ':event': 'EVENT',
          ':candidate': 'CANDIDATE',
          ':counter': 'COUNTER',
          ':gauge': 'GAUGE',
          ':ledger': LEDGER_PARTITION_PREFIX,
        },
        ConsistentRead: true,
        ExclusiveStartKey: from,
      }),
    );
    const snapshot = emptySnapshot();
    for (const item of page.Items ?? []) {
      switch (item.entity) {
        case 'EVENT':
          snapshot.events.push(withoutKeys(item));
          break;
        case 'CANDIDATE':
          snapshot.candidates.push({
            id: String(item.id),
            stage: String(item.stage),
            stageEnteredAt: String(item.stageEnteredAt),
            unitPath: item.unitPath as string[],
          });
          break;
        case 'UNIT_CHILD':
          snapshot.topUnits.push(String(item.id));
          break;
        default:
          for (const ledger of item.entity === undefined
            ? [item]
            : legacyAsLedgerItems(legacyItem(item))) {
            addLedgerItem(snapshot, ledger);
          }
      }
    }
    return { snapshot, scanned: page.ScannedCount ?? 0, next: page.LastEvaluatedKey };
  }

  /** The whole of what the recount needs, every page of the Scan above (tests and small tables). */
  async scanLedger(): Promise<LedgerSnapshot> {
    const whole = emptySnapshot();
    let from: Record<string, unknown> | undefined;
    do {
      const { snapshot, next } = await this.scanLedgerPage(from);
      whole.events.push(...snapshot.events);
      whole.candidates.push(...snapshot.candidates);
      whole.counters.push(...snapshot.counters);
      whole.gauges.push(...snapshot.gauges);
      whole.gaugeTotals.push(...snapshot.gaugeTotals);
      whole.topUnits.push(...snapshot.topUnits);
      from = next;
    } while (from);
    return whole;
  }

  /**
   * Marks the table as holding legacy ledger items, so that reports read them until they are
   * moved (`npm run quota:migrate -- --prepare`, before the upgrade is deployed).
   */
  async markLegacyLedger(): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...LEGACY_MARKER_KEY, markedAt: new Date().toISOString() },
      }),
    );
  }

  /** Clears the mark once a pass of the migration found nothing left to move. */
  async clearLegacyLedgerMark(): Promise<void> {
    await this.documents.send(
      new DeleteCommand({ TableName: this.tableName, Key: LEGACY_MARKER_KEY }),
    );
  }

  /**
   * Counter and gauge items of the layouts before this one (`entity` COUNTER or GAUGE), one Scan
   * page at a time: a one-off operator job (npm run quota:migrate), never a request path.
   */
  async *legacyLedgerItems(): AsyncGenerator<LegacyLedgerItem> {
    const pages = paginateScan(
      { client: this.documents },
      {
        TableName: this.tableName,
        FilterExpression: 'entity IN (:counter, :gauge)',
        ExpressionAttributeValues: { ':counter': 'COUNTER', ':gauge': 'GAUGE' },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) yield legacyItem(item);
    }
  }

  /**
   * Moves a legacy item's count into this layout (`LEGACY_SHARD` of its month item, and of its
   * stage total for a gauge) in one transaction: the old item is deleted only if it still holds
   * `count`, so the move happens exactly once and a rerun finds nothing left. `false` when the
   * item changed or went meanwhile (the caller reads it again on its next pass).
   */
  async moveToLedger(item: LegacyLedgerItem): Promise<boolean> {
    try {
      // Live traffic may hold the target item a moment: a conflict is retried, not a failure.
      await retryOnTransactionConflict(() =>
        this.documents.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Delete: {
                  TableName: this.tableName,
                  Key: { PK: item.PK, SK: item.SK },
                  ConditionExpression: '#count = :count',
                  ExpressionAttributeNames: { '#count': 'count' },
                  ExpressionAttributeValues: { ':count': item.count },
                },
              },
              ...legacyMoveUpdates(this.tableName, item),
            ],
          }),
        ),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Deletes a legacy item of a top-level committee, which keeps no ledger (its children's items
   * hold the same counts), if it still holds `count`: `false` when it changed or went meanwhile.
   */
  async dropLegacyItem(item: LegacyLedgerItem): Promise<boolean> {
    try {
      await this.documents.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { PK: item.PK, SK: item.SK },
          ConditionExpression: '#count = :count',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':count': item.count },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Deletes every item of a unit's ledger partition, a page at a time (the items of a top-level
   * committee, which keeps none since docs/architecture.md, "Sharded ledger items"): one Query
   * per page and batched deletes. Answers how many it deleted; safe to run again.
   */
  async deleteLedgerOf(unitId: string): Promise<number> {
    let deleted = 0;
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': ledgerPartition(unitId) },
        ProjectionExpression: 'PK, SK',
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      const keys = (page.Items ?? []).map((i) => ({ PK: i.PK, SK: i.SK }));
      for (let start = 0; start < keys.length; start += BATCH_WRITE_LIMIT) {
        await this.deleteAll(keys.slice(start, start + BATCH_WRITE_LIMIT));
      }
      deleted += keys.length;
    }
    return deleted;
  }

  /** One BatchWriteItem of deletes, its unprocessed part sent again after a pause until none. */
  private async deleteAll(keys: Record<string, unknown>[]): Promise<void> {
    let requests = keys.map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(2_000, 50 * 2 ** attempt)));
      const { UnprocessedItems } = await this.documents.send(
        new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }),
      );
      requests = (UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
    }
  }

  private async queryAll(
    input: QueryCommandInput,
    max = Infinity,
  ): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new QueryCommand({
          ...input,
          ExclusiveStartKey,
          ...(this.capacity ? { ReturnConsumedCapacity: 'TOTAL' } : {}),
        }),
      );
      this.record(page.ConsumedCapacity);
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = items.length >= max ? undefined : page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  private record(consumed: ConsumedCapacity | undefined): void {
    if (!this.capacity) return;
    this.capacity.requests += 1;
    this.capacity.readUnits += consumed?.CapacityUnits ?? 0;
  }
}

/** DynamoDB's limit on the requests of one BatchWriteItem. */
const BATCH_WRITE_LIMIT = 25;

/** Present while legacy ledger items may remain (see `markLegacyLedger`). */
const LEGACY_MARKER_KEY = { PK: 'LEDGER#LAYOUT', SK: 'LEGACY_ITEMS' };

function emptySnapshot(): LedgerSnapshot {
  return { events: [], candidates: [], counters: [], gauges: [], gaugeTotals: [], topUnits: [] };
}

function legacyItem(item: Record<string, unknown>): LegacyLedgerItem {
  return {
    PK: String(item.PK),
    SK: String(item.SK),
    entity: item.entity as LegacyLedgerItem['entity'],
    unitId: String(item.unitId),
    count: Number(item.count ?? 0),
  };
}

/** A legacy item as the items of this layout its move adds to (`legacyMoveUpdates`). */
function legacyAsLedgerItems(item: LegacyLedgerItem): Record<string, unknown>[] {
  return legacyMoveUpdates('', item).map(({ Update }) => ({
    ...Update.Key,
    ...Object.fromEntries(
      Object.entries(Update.ExpressionAttributeNames).map(([token, name]) => [
        name,
        Update.ExpressionAttributeValues[`:${token.slice(1)}`],
      ]),
    ),
  }));
}

function addLedgerItem(snapshot: LedgerSnapshot, item: Record<string, unknown>): void {
  const parsed = parseLedgerItem(item);
  if (parsed?.kind === 'MONTH') {
    for (const c of parsed.counters) {
      snapshot.counters.push({
        unitId: parsed.unitId,
        metric: c.metric,
        month: parsed.month,
        count: c.count,
      });
    }
    for (const g of parsed.gauges) {
      snapshot.gauges.push({
        unitId: parsed.unitId,
        stage: g.stage,
        month: parsed.month,
        count: g.count,
      });
    }
  } else if (parsed?.kind === 'TOTAL') {
    for (const t of parsed.totals) {
      snapshot.gaugeTotals.push({ unitId: parsed.unitId, stage: t.stage, count: t.count });
    }
  }
}

/** The quota store on the table the function's environment names (TABLE_NAME). */
export function awsQuotaStore(capacity?: CapacityMeter): DynamoDbQuotaStore {
  return new DynamoDbQuotaStore(createDocumentClient(), requiredEnv('TABLE_NAME'), capacity);
}
