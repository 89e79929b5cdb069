import { type ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  paginateScan,
  QueryCommand,
  ScanCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Actor } from '../domain/caller';
import type { HistoryEvent } from '../domain/history-event';
import type { OrgUnit } from '../domain/org-unit';
import type { GaugeCount } from '../domain/quota/funnel';
import { QUOTA_METRICS, type QuotaMetric } from '../domain/quota/metric';
import type { UnitQuotaData } from '../domain/quota/report';
import { type QuotaTarget } from '../domain/quota/target';
import { retryOnTransactionConflict } from './conflict-retry';
import { createDocumentClient, requiredEnv } from './dynamodb-documents';
import { isConditionFailure } from './dynamodb-errors';
import {
  counterQuery,
  gaugePartition,
  legacyMoveUpdate,
  type UnshardedLedgerItem,
  parseCounterSortKey,
  parseGaugeSortKey,
  quotaItemKey,
  quotaPeriodPrefix,
} from './quota-ledger-items';
import { keys, withoutKeys } from './table-keys';

/**
 * The quota ledger's side of the single table:
 *
 * | item                       | PK                          | SK                          |
 * | -------------------------- | --------------------------- | --------------------------- |
 * | target                     | `QUOTA#<unitId>`            | `<period>#<metric>#<issuer>`|
 * | monthly counter shard      | `CNT#<unitId>#<metric>`     | `YYYY-MM#<shard>`           |
 * | stage gauge shard          | `GAUGE#<unitId>`            | `<stage>#YYYY-MM#<shard>`   |
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

  /**
   * The monthly counts of one unit and metric over a period: one Query of at most months ×
   * shards items, summed per month here.
   */
  async readCounters(
    unitId: string,
    metric: QuotaMetric,
    period: string,
  ): Promise<{ month: string; count: number }[]> {
    const q = counterQuery(unitId, metric, period);
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': q.PK, ':from': q.fromMonth, ':to': q.toMonth },
      ProjectionExpression: 'SK, #count',
      ExpressionAttributeNames: { '#count': 'count' },
    });
    const byMonth = new Map<string, number>();
    for (const i of items) {
      const { month } = parseCounterSortKey(String(i.SK));
      byMonth.set(month, (byMonth.get(month) ?? 0) + Number(i.count ?? 0));
    }
    return [...byMonth].map(([month, count]) => ({ month, count }));
  }

  /** The unit's stage gauges (every stage, every entry month), the shards summed. */
  async readGauges(unitId: string): Promise<GaugeCount[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': gaugePartition(unitId) },
      ProjectionExpression: 'SK, #count',
      ExpressionAttributeNames: { '#count': 'count' },
    });
    const byBucket = new Map<string, GaugeCount>();
    for (const i of items) {
      const { stage, month } = parseGaugeSortKey(String(i.SK));
      const bucket = byBucket.get(`${stage}#${month}`) ?? { stage, month, count: 0 };
      bucket.count += Number(i.count ?? 0);
      byBucket.set(`${stage}#${month}`, bucket);
    }
    return [...byBucket.values()];
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

  /** Targets, counters of every metric and gauges of one unit: 6 queries, whatever the data. */
  async unitData(unit: UnitRef, period: string): Promise<UnitQuotaData> {
    const [targets, gauges, ...counts] = await Promise.all([
      this.listTargets(unit.id, period),
      this.readGauges(unit.id),
      ...QUOTA_METRICS.map((m) => this.readCounters(unit.id, m, period)),
    ]);
    return {
      unit: { id: unit.id, name: unit.name, level: unit.level },
      targets,
      gauges,
      counters: Object.fromEntries(QUOTA_METRICS.map((m, i) => [m, counts[i]])),
    };
  }

  /**
   * Everything the recount needs (history events, candidates, counters and gauges), one Scan
   * page at a time from `from` (a batch job, never a request path): `next` is where the
   * following page starts, absent after the last one.
   */
  async scanLedgerPage(from?: Record<string, unknown>): Promise<LedgerPage> {
    const page = await this.documents.send(
      new ScanCommand({
        TableName: this.tableName,
        FilterExpression: 'entity IN (:event, :candidate, :counter, :gauge)',
        ExpressionAttributeValues: {
          ':event': 'EVENT',
          ':candidate': 'CANDIDATE',
          ':counter': 'COUNTER',
          ':gauge': 'GAUGE',
        },
        ConsistentRead: true,
        ExclusiveStartKey: from,
      }),
    );
    const snapshot: LedgerSnapshot = { events: [], candidates: [], counters: [], gauges: [] };
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
        case 'COUNTER': {
          const pk = String(item.PK); // CNT#<unit>#<metric>
          const metric = pk.slice(pk.lastIndexOf('#') + 1);
          snapshot.counters.push({
            unitId: String(item.unitId),
            metric,
            month: parseCounterSortKey(String(item.SK)).month,
            count: Number(item.count ?? 0),
          });
          break;
        }
        case 'GAUGE':
          snapshot.gauges.push({
            unitId: String(item.unitId),
            stage: String(item.stage),
            month: String(item.month),
            count: Number(item.count ?? 0),
          });
          break;
      }
    }
    return { snapshot, scanned: page.ScannedCount ?? 0, next: page.LastEvaluatedKey };
  }

  /** The whole of what the recount needs, every page of the Scan above (tests and small tables). */
  async scanLedger(): Promise<LedgerSnapshot> {
    const whole: LedgerSnapshot = { events: [], candidates: [], counters: [], gauges: [] };
    let from: Record<string, unknown> | undefined;
    do {
      const { snapshot, next } = await this.scanLedgerPage(from);
      whole.events.push(...snapshot.events);
      whole.candidates.push(...snapshot.candidates);
      whole.counters.push(...snapshot.counters);
      whole.gauges.push(...snapshot.gauges);
      from = next;
    } while (from);
    return whole;
  }

  /**
   * Counter and gauge items written before the ledger was sharded (no `shard` attribute), one
   * Scan page at a time: a one-off operator job (npm run quota:migrate), never a request path.
   */
  async *unshardedLedgerItems(): AsyncGenerator<UnshardedLedgerItem> {
    const pages = paginateScan(
      { client: this.documents },
      {
        TableName: this.tableName,
        FilterExpression: 'entity IN (:counter, :gauge) AND attribute_not_exists(#shard)',
        ExpressionAttributeNames: { '#shard': 'shard' },
        ExpressionAttributeValues: { ':counter': 'COUNTER', ':gauge': 'GAUGE' },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        yield {
          PK: String(item.PK),
          SK: String(item.SK),
          entity: item.entity as UnshardedLedgerItem['entity'],
          unitId: String(item.unitId),
          count: Number(item.count ?? 0),
        };
      }
    }
  }

  /**
   * Moves an unsharded item's count into shard `LEGACY_SHARD` of the same unit, metric (or stage)
   * and month, in one transaction: the old item is deleted only if it still holds `count`, so the
   * move happens exactly once and a rerun finds nothing left. Reads sum every shard, so the figure
   * a report shows is the same before, during and after. `false` when the item changed or went
   * meanwhile (the caller reads it again on its next pass).
   */
  async moveToShard(item: UnshardedLedgerItem): Promise<boolean> {
    const add = legacyMoveUpdate(this.tableName, item);
    try {
      // Live traffic may hold the shard item a moment: a conflict is retried, not a failure.
      await retryOnTransactionConflict(() =>
        this.documents.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Delete: {
                  TableName: this.tableName,
                  Key: { PK: item.PK, SK: item.SK },
                  ConditionExpression: '#count = :count AND attribute_not_exists(#shard)',
                  ExpressionAttributeNames: { '#count': 'count', '#shard': 'shard' },
                  ExpressionAttributeValues: { ':count': item.count },
                },
              },
              add,
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

/** The quota store on the table the function's environment names (TABLE_NAME). */
export function awsQuotaStore(capacity?: CapacityMeter): DynamoDbQuotaStore {
  return new DynamoDbQuotaStore(createDocumentClient(), requiredEnv('TABLE_NAME'), capacity);
}
