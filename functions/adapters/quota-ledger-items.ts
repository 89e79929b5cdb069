import type { QuotaMetric } from '../domain/quota/metric';
import type { CounterDelta } from '../domain/quota/counter-keys';
import type { GaugeDelta } from '../domain/quota/ledger-deltas';
import { monthsIn, type PeriodId } from '../domain/quota/period';
import type { QuotaTarget } from '../domain/quota/target';

/**
 * Where the quota ledger lives in the single table (docs/architecture.md, "Table design"): the
 * keys of targets, monthly counters and stage gauges, and the `Update`s that add the deltas the
 * domain computes (counter-keys.ts, ledger-deltas.ts) inside a transition's own transaction.
 * Plain objects, SDK-free, so the candidate store and the recount share them.
 */

/** The counter item's key. */
export function counterKey(
  unitId: string,
  metric: QuotaMetric,
  month: string,
): { PK: string; SK: string } {
  return { PK: counterPartition(unitId, metric), SK: month };
}

function counterPartition(unitId: string, metric: QuotaMetric): string {
  return `CNT#${unitId}#${metric}`;
}

/**
 * The `Update` of a `TransactWriteItems` call for one counter (plain object, SDK-free): adds the
 * delta, creating the item at 0 when it does not exist.
 */
export function counterTransactUpdate(tableName: string, counter: CounterDelta) {
  return {
    Update: {
      TableName: tableName,
      Key: counterKey(counter.unitId, counter.metric, counter.month),
      UpdateExpression: 'ADD #count :delta SET #entity = :entity, #unitId = :unitId',
      ExpressionAttributeNames: { '#count': 'count', '#entity': 'entity', '#unitId': 'unitId' },
      ExpressionAttributeValues: {
        ':delta': counter.delta,
        ':entity': 'COUNTER',
        ':unitId': counter.unitId,
      },
    },
  };
}

/**
 * The report's read for one unit and metric: `PK = :pk AND SK BETWEEN :from AND :to` returns at
 * most one item per month of the period.
 */
export function counterQuery(
  unitId: string,
  metric: QuotaMetric,
  period: PeriodId,
): { PK: string; fromMonth: string; toMonth: string } {
  const months = monthsIn(period);
  return { PK: counterPartition(unitId, metric), fromMonth: months[0], toMonth: months.at(-1)! };
}

function gaugeKey(unitId: string, stage: string, month: string) {
  return { PK: gaugePartition(unitId), SK: `${stage}#${month}` };
}

export function gaugePartition(unitId: string): string {
  return `GAUGE#${unitId}`;
}

/** The `Update` of a `TransactWriteItems` call for one gauge (plain object, SDK-free). */
export function gaugeTransactUpdate(tableName: string, gauge: GaugeDelta) {
  return {
    Update: {
      TableName: tableName,
      Key: gaugeKey(gauge.unitId, gauge.stage, gauge.month),
      UpdateExpression:
        'ADD #count :delta SET #entity = :entity, #unitId = :unitId, #stage = :stage, #month = :month',
      ExpressionAttributeNames: {
        '#count': 'count',
        '#entity': 'entity',
        '#unitId': 'unitId',
        '#stage': 'stage',
        '#month': 'month',
      },
      ExpressionAttributeValues: {
        ':delta': gauge.delta,
        ':entity': 'GAUGE',
        ':unitId': gauge.unitId,
        ':stage': gauge.stage,
        ':month': gauge.month,
      },
    },
  };
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
