import { createHash } from 'node:crypto';
import type { QuotaMetric } from '../domain/quota/metric';
import type { CounterDelta } from '../domain/quota/counter-keys';
import type { GaugeDelta } from '../domain/quota/ledger-deltas';
import { monthsIn, type PeriodId } from '../domain/quota/period';
import type { QuotaTarget } from '../domain/quota/target';

/**
 * Where the quota ledger lives in the single table (docs/architecture.md, "Table design" and
 * "Sharded ledger items"): the keys of targets, monthly counters and stage gauges, and the
 * `Update`s that add the deltas the domain computes (counter-keys.ts, ledger-deltas.ts) inside a
 * transition's own transaction. Plain objects, SDK-free, so the candidate store and the recount
 * share them.
 *
 * Every counter and gauge is split into `LEDGER_SHARDS` items per unit and month, and a candidate
 * always writes the same one (`ledgerShard` of its id): two transitions of one province touch a
 * common item only when their candidates share a shard, so concurrent transitions rarely cancel
 * each other, while each shard stays exact (its count is the recount of the candidates hashed to
 * it). A report reads the shards of a month with the same single Query as before (the shard is
 * the sort key's suffix), so its cost is bounded by units × months × shards, never by candidates.
 */

/**
 * Shards per unit, metric (or stage) and month; see docs/architecture.md, "Sharded ledger items"
 * for the measurement it was chosen from. Readers do not depend on it: a Query reads whatever
 * shards exist, so the number can change without moving data.
 */
export const LEDGER_SHARDS = 32;

/** The shard a candidate's counters and gauges live in: stable for the candidate's lifetime. */
export function ledgerShard(candidateId: string, shards: number = LEDGER_SHARDS): string {
  const n = createHash('sha256').update(candidateId).digest().readUInt32BE(0) % shards;
  return String(n).padStart(2, '0');
}

/**
 * The shard `npm run quota:migrate` moves the counts of unsharded items into: they belong to no
 * one candidate's shard. Only shard sums are exact per candidate set; reads and the recount
 * compare sums per unit, metric (or stage) and month, never single shards.
 */
export const LEGACY_SHARD = 'legacy';

/** Sorts after every shard suffix (`#00`…`#99`): the upper bound of a month's range. */
const AFTER_SHARDS = '#~';

/**
 * A ledger sort key split into its parts: `<month>#<shard>` for a counter,
 * `<stage>#<month>#<shard>` for a gauge. Items written before sharding carry no shard suffix
 * (`shard` undefined); reads sum them with the shards until `npm run quota:migrate` moves them.
 */
export function parseCounterSortKey(sk: string): { month: string; shard?: string } {
  const [month, shard] = sk.split('#');
  return { month, shard };
}

export function parseGaugeSortKey(sk: string): { stage: string; month: string; shard?: string } {
  const [stage, month, shard] = sk.split('#');
  return { stage, month, shard };
}

/** The counter item's key. */
export function counterKey(
  unitId: string,
  metric: QuotaMetric,
  month: string,
  shard: string,
): { PK: string; SK: string } {
  return { PK: counterPartition(unitId, metric), SK: `${month}#${shard}` };
}

function counterPartition(unitId: string, metric: QuotaMetric): string {
  return `CNT#${unitId}#${metric}`;
}

/**
 * The `Update` of a `TransactWriteItems` call for one counter shard (plain object, SDK-free):
 * adds the delta, creating the item at 0 when it does not exist.
 */
export function counterTransactUpdate(tableName: string, counter: CounterDelta, shard: string) {
  return {
    Update: {
      TableName: tableName,
      Key: counterKey(counter.unitId, counter.metric, counter.month, shard),
      UpdateExpression:
        'ADD #count :delta SET #entity = :entity, #unitId = :unitId, #month = :month, #shard = :shard',
      ExpressionAttributeNames: {
        '#count': 'count',
        '#entity': 'entity',
        '#unitId': 'unitId',
        '#month': 'month',
        '#shard': 'shard',
      },
      ExpressionAttributeValues: {
        ':delta': counter.delta,
        ':entity': 'COUNTER',
        ':unitId': counter.unitId,
        ':month': counter.month,
        ':shard': shard,
      },
    },
  };
}

/**
 * The report's read for one unit and metric: `PK = :pk AND SK BETWEEN :from AND :to` returns
 * the shards of each month of the period (at most months × shards items).
 */
export function counterQuery(
  unitId: string,
  metric: QuotaMetric,
  period: PeriodId,
): { PK: string; fromMonth: string; toMonth: string } {
  const months = monthsIn(period);
  return {
    PK: counterPartition(unitId, metric),
    fromMonth: months[0],
    toMonth: `${months.at(-1)!}${AFTER_SHARDS}`,
  };
}

export function gaugeKey(unitId: string, stage: string, month: string, shard: string) {
  return { PK: gaugePartition(unitId), SK: `${stage}#${month}#${shard}` };
}

export function gaugePartition(unitId: string): string {
  return `GAUGE#${unitId}`;
}

/** The `Update` of a `TransactWriteItems` call for one gauge shard (plain object, SDK-free). */
export function gaugeTransactUpdate(tableName: string, gauge: GaugeDelta, shard: string) {
  return {
    Update: {
      TableName: tableName,
      Key: gaugeKey(gauge.unitId, gauge.stage, gauge.month, shard),
      UpdateExpression:
        'ADD #count :delta SET #entity = :entity, #unitId = :unitId, #stage = :stage, #month = :month, #shard = :shard',
      ExpressionAttributeNames: {
        '#count': 'count',
        '#entity': 'entity',
        '#unitId': 'unitId',
        '#stage': 'stage',
        '#month': 'month',
        '#shard': 'shard',
      },
      ExpressionAttributeValues: {
        ':delta': gauge.delta,
        ':entity': 'GAUGE',
        ':unitId': gauge.unitId,
        ':stage': gauge.stage,
        ':month': gauge.month,
        ':shard': shard,
      },
    },
  };
}

/** A counter or gauge item of the layout before sharding (sort key without a shard). */
export interface UnshardedLedgerItem {
  PK: string;
  SK: string;
  entity: 'COUNTER' | 'GAUGE';
  unitId: string;
  count: number;
}

/** The `Update` that adds an unsharded item's count to its `LEGACY_SHARD` (npm run quota:migrate). */
export function legacyMoveUpdate(tableName: string, item: UnshardedLedgerItem) {
  if (item.entity === 'COUNTER') {
    const metric = item.PK.slice(item.PK.lastIndexOf('#') + 1) as QuotaMetric;
    const { month } = parseCounterSortKey(item.SK);
    return counterTransactUpdate(
      tableName,
      { unitId: item.unitId, metric, month, delta: item.count },
      LEGACY_SHARD,
    );
  }
  const { stage, month } = parseGaugeSortKey(item.SK);
  return gaugeTransactUpdate(
    tableName,
    { unitId: item.unitId, stage: stage as GaugeDelta['stage'], month, delta: item.count },
    LEGACY_SHARD,
  );
}

/** The target's item key in the single table. */
export function quotaItemKey(t: Pick<QuotaTarget, 'unitId' | 'period' | 'metric' | 'issuerId'>): {
  PK: string;
  SK: string;
} {
  return { PK: `QUOTA#${t.unitId}`, SK: `${t.period}#${t.metric}#${t.issuerId}` };
}

/** Sort-key prefix of a unit's targets for one period (Query `begins_with`). */
export function quotaPeriodPrefix(period: string): string {
  return `${period}#`;
}
