import { createHash } from 'node:crypto';
import type { CounterDelta } from '../domain/quota/counter-keys';
import type { GaugeCount, StageGauges } from '../domain/quota/funnel';
import type { GaugeDelta } from '../domain/quota/ledger-deltas';
import { FIRST_LEDGER_DEPTH } from '../domain/quota/ledger-depth';
import { QUOTA_METRICS, type QuotaMetric } from '../domain/quota/metric';
import { monthsIn, type PeriodId } from '../domain/quota/period';
import type { QuotaTarget } from '../domain/quota/target';
import { HUMAN_STAGE_IDS, type HumanStageId } from '../domain/stage-ids';

/**
 * Where the quota ledger lives in the single table (docs/architecture.md, "Sharded ledger items"):
 * the keys of targets and of each unit's ledger partition, and the `Update`s that add the deltas
 * the domain computes (counter-keys.ts, ledger-deltas.ts) inside a transition's own transaction.
 * Plain objects, SDK-free, so the candidate store, the report, the recount and the migration
 * share them.
 *
 * A unit's ledger is one partition, `LEDGER#<unitId>`, of two kinds of items, each split into
 * shards (a candidate always writes the same one); a top-level committee has none
 * (`FIRST_LEDGER_DEPTH`: its figures are its children's sum):
 *
 * | item        | SK                      | attributes                                              |
 * | ----------- | ----------------------- | ------------------------------------------------------- |
 * | month       | `M#<YYYY-MM>#<shard>`   | per metric, what was counted that month; per stage, the candidates who entered it that month and are still there |
 * | stage total | `T#<shard>`             | per stage, the candidates there now                     |
 *
 * Attributes are short codes (`METRIC_ATTRIBUTE`, `STAGE_ATTRIBUTE`) and the items carry nothing
 * else: the unit, month and shard are in the keys. A report reads one range of the partition:
 * the months of its period, the last `FUNNEL_WINDOW_MONTHS` months and the totals, bounded by
 * the period's length and the number of shards, never by candidates or by the ledger's age.
 */

/**
 * Shards per unit by its depth on a candidate's path, from `FIRST_LEDGER_DEPTH` (a top-level
 * committee keeps no ledger: ledger-depth.ts): [commune-level, every deeper level]. The hottest
 * items are then a commune's, which only its own transitions write, and a grassroots
 * organisation or a cell sees few transitions at all. See docs/architecture.md, "Sharded ledger
 * items" for the measurement they were chosen from. Readers do not depend on them: a Query reads
 * whatever shards exist, so they can change without moving data.
 */
export const LEDGER_SHARDS_BY_DEPTH: Readonly<Record<number, number>> = {
  [FIRST_LEDGER_DEPTH]: 2,
  [FIRST_LEDGER_DEPTH + 1]: 1,
};

const DEEPEST_SHARDED_DEPTH = Math.max(...Object.keys(LEDGER_SHARDS_BY_DEPTH).map(Number));

export function shardsAtDepth(depth: number): number {
  if (depth < FIRST_LEDGER_DEPTH) {
    throw new RangeError(`A unit at depth ${depth} keeps no ledger (ledger-depth.ts)`);
  }
  return LEDGER_SHARDS_BY_DEPTH[Math.min(depth, DEEPEST_SHARDED_DEPTH)];
}

/** The shard a candidate's counts live in among `shards`: stable for the candidate's lifetime. */
export function ledgerShard(candidateId: string, shards: number): string {
  const n = createHash('sha256').update(candidateId).digest().readUInt32BE(0) % shards;
  return String(n).padStart(2, '0');
}

/**
 * The shard `npm run quota:migrate` adds the counts of items of the earlier layouts to: they
 * belong to no one candidate's shard. Only shard sums are exact per candidate set; reads and the
 * recount compare sums per unit, metric (or stage) and month, never single shards.
 */
export const LEGACY_SHARD = 'legacy';

/** The attribute of a metric's count on a month item (lower case: never a stage's). */
export const METRIC_ATTRIBUTE: Readonly<Record<QuotaMetric, string>> = {
  NOMINATED: 'n',
  TRAINED: 't',
  ADMITTED: 'a',
  OFFICIAL: 'o',
};

/** The attribute of a stage's count on a month item (its bucket) and on a total item. */
export const STAGE_ATTRIBUTE: Readonly<Record<HumanStageId, string>> = {
  NOMINATED: 'NO',
  AWARENESS_CLASS: 'AC',
  APPLICATION: 'AP',
  BACKGROUND_CHECK: 'BC',
  SPONSORSHIP: 'SP',
  CELL_RESOLUTION: 'CR',
  GRASSROOTS_RESOLUTION: 'GR',
  ADMISSION_DECISION: 'AD',
  CEREMONY: 'CE',
  RECOGNITION_CELL_REVIEW: 'RC',
  RECOGNITION_GRASSROOTS: 'RG',
  RECOGNITION_DECISION: 'RD',
};

const METRIC_OF = new Map(QUOTA_METRICS.map((m) => [METRIC_ATTRIBUTE[m], m]));
const STAGE_OF = new Map(HUMAN_STAGE_IDS.map((s) => [STAGE_ATTRIBUTE[s], s]));

const PARTITION_PREFIX = 'LEDGER#';
const MONTH_PREFIX = 'M#';
const TOTAL_PREFIX = 'T#';
/** Sorts after every shard suffix (`#00`…`#99`, `#legacy`). */
const AFTER_SHARDS = '#~';

/** The partition of a unit's ledger items. */
export function ledgerPartition(unitId: string): string {
  return `${PARTITION_PREFIX}${unitId}`;
}

/** Whether a table item is a ledger item of this layout (the recount's Scan filter). */
export const LEDGER_PARTITION_PREFIX = PARTITION_PREFIX;

function monthItemKey(unitId: string, month: string, shard: string) {
  return { PK: ledgerPartition(unitId), SK: `${MONTH_PREFIX}${month}#${shard}` };
}

function totalItemKey(unitId: string, shard: string) {
  return { PK: ledgerPartition(unitId), SK: `${TOTAL_PREFIX}${shard}` };
}

/** What a ledger item adds to a unit's figures, read back from its keys and attributes. */
export type LedgerItemCounts =
  | {
      kind: 'MONTH';
      unitId: string;
      month: string;
      shard: string;
      counters: { metric: QuotaMetric; count: number }[];
      gauges: { stage: HumanStageId; count: number }[];
    }
  | {
      kind: 'TOTAL';
      unitId: string;
      shard: string;
      totals: { stage: HumanStageId; count: number }[];
    };

export function parseLedgerItem(item: Record<string, unknown>): LedgerItemCounts | undefined {
  const pk = String(item.PK);
  const sk = String(item.SK);
  if (!pk.startsWith(PARTITION_PREFIX)) return undefined;
  const unitId = pk.slice(PARTITION_PREFIX.length);
  const counts = <K>(of: Map<string, K>) =>
    Object.entries(item).flatMap(([name, value]) => {
      const key = of.get(name);
      return key === undefined ? [] : [{ key, count: Number(value ?? 0) }];
    });
  if (sk.startsWith(TOTAL_PREFIX)) {
    return {
      kind: 'TOTAL',
      unitId,
      shard: sk.slice(TOTAL_PREFIX.length),
      totals: counts(STAGE_OF).map(({ key, count }) => ({ stage: key, count })),
    };
  }
  if (!sk.startsWith(MONTH_PREFIX)) return undefined;
  const [month, shard] = sk.slice(MONTH_PREFIX.length).split('#');
  return {
    kind: 'MONTH',
    unitId,
    month,
    shard,
    counters: counts(METRIC_OF).map(({ key, count }) => ({ metric: key, count })),
    gauges: counts(STAGE_OF).map(({ key, count }) => ({ stage: key, count })),
  };
}

/** `ADD` of every attribute of `adds` on one item, creating it at 0 (zero adds are left out). */
function ledgerItemUpdate(
  tableName: string,
  key: { PK: string; SK: string },
  adds: Readonly<Record<string, number>>,
) {
  const entries = Object.entries(adds).filter(([, delta]) => delta !== 0);
  return {
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: `ADD ${entries.map((_, i) => `#a${i} :a${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, d], i) => [`:a${i}`, d])),
    },
  };
}

/** Per item key, the attribute deltas to add (merged: a transaction touches an item once). */
class LedgerWrites {
  private readonly items = new Map<
    string,
    { key: { PK: string; SK: string }; adds: Record<string, number> }
  >();

  add(key: { PK: string; SK: string }, attribute: string, delta: number): void {
    const id = `${key.PK}\u0000${key.SK}`;
    const item = this.items.get(id) ?? { key, adds: {} };
    item.adds[attribute] = (item.adds[attribute] ?? 0) + delta;
    this.items.set(id, item);
  }

  updates(tableName: string) {
    return [...this.items.values()]
      .filter(({ adds }) => Object.values(adds).some((d) => d !== 0))
      .map(({ key, adds }) => ledgerItemUpdate(tableName, key, adds));
  }
}

/**
 * The `Update`s of a `TransactWriteItems` call that add a candidate's counter and gauge deltas
 * (for its unit and every ancestor on `unitPath` that keeps a ledger, as the domain's deltas
 * name them): each unit's items in the candidate's shard
 * among the unit's shards (`shardsAtDepth` of its place on the path); a gauge delta moves its
 * month bucket and its stage total alike. One `Update` per item, every delta on it merged.
 */
export function ledgerTransactUpdates(
  tableName: string,
  candidateId: string,
  unitPath: readonly string[],
  deltas: { counters: readonly CounterDelta[]; gauges: readonly GaugeDelta[] },
) {
  const writes = new LedgerWrites();
  addLedgerDeltas(writes, candidateId, unitPath, deltas);
  return writes.updates(tableName);
}

/**
 * The `Update`s that carry an open file's stage gauges from its old unit path to its new one when
 * a unit above it moves (`setUnitPath`): the recount places a file's gauges by its path now, and
 * its next transition takes them off the new path. Minus on every unit of the old path, plus on
 * every unit of the new one (those that keep a ledger), each in the shard of its depth there: a
 * unit on both at the same depth nets to nothing and is not written — a commune moving to another
 * province writes no ledger item at all. Counters stay where they were counted (history).
 */
export function ledgerMoveUpdates(
  tableName: string,
  candidateId: string,
  gauges: { leaving: readonly GaugeDelta[]; entering: readonly GaugeDelta[] },
  paths: { from: readonly string[]; to: readonly string[] },
) {
  const writes = new LedgerWrites();
  addLedgerDeltas(writes, candidateId, paths.from, { counters: [], gauges: gauges.leaving });
  addLedgerDeltas(writes, candidateId, paths.to, { counters: [], gauges: gauges.entering });
  return writes.updates(tableName);
}

function addLedgerDeltas(
  writes: LedgerWrites,
  candidateId: string,
  unitPath: readonly string[],
  deltas: { counters: readonly CounterDelta[]; gauges: readonly GaugeDelta[] },
): void {
  const shardOf = (unitId: string) =>
    ledgerShard(candidateId, shardsAtDepth(unitPath.indexOf(unitId)));
  for (const c of deltas.counters) {
    writes.add(
      monthItemKey(c.unitId, c.month, shardOf(c.unitId)),
      METRIC_ATTRIBUTE[c.metric],
      c.delta,
    );
  }
  for (const g of deltas.gauges) {
    const shard = shardOf(g.unitId);
    writes.add(monthItemKey(g.unitId, g.month, shard), STAGE_ATTRIBUTE[g.stage], g.delta);
    writes.add(totalItemKey(g.unitId, shard), STAGE_ATTRIBUTE[g.stage], g.delta);
  }
}

/** One `SK BETWEEN :from AND :to` range of a unit's ledger partition. */
export interface LedgerRange {
  PK: string;
  from: string;
  to: string;
}

/**
 * What a report of `period` on the day whose month is `windowStart`+`FUNNEL_WINDOW_MONTHS` reads
 * of a unit: the month items of the period, and from `windowStart` on every month item and the
 * stage totals. One range when the two meet (a report of the current period), else two.
 */
export function ledgerRanges(unitId: string, period: PeriodId, windowStart: string): LedgerRange[] {
  const months = monthsIn(period);
  const PK = ledgerPartition(unitId);
  const first = months[0];
  const last = months.at(-1)!;
  const toEnd = `${TOTAL_PREFIX}${AFTER_SHARDS.slice(1)}`;
  if (first >= windowStart) {
    return [{ PK, from: `${MONTH_PREFIX}${windowStart}`, to: toEnd }];
  }
  if (nextMonth(last) >= windowStart) {
    return [{ PK, from: `${MONTH_PREFIX}${first}`, to: toEnd }];
  }
  return [
    { PK, from: `${MONTH_PREFIX}${first}`, to: `${MONTH_PREFIX}${last}${AFTER_SHARDS}` },
    { PK, from: `${MONTH_PREFIX}${windowStart}`, to: toEnd },
  ];
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * A unit's figures from the items `ledgerRanges` returned, shards summed: monthly counts per
 * metric (the months of `period`), and the stage gauges of the funnel (totals, and the buckets
 * from `windowStart` on).
 */
export function unitLedgerFigures(
  items: readonly Record<string, unknown>[],
  period: PeriodId,
  windowStart: string,
): {
  counters: Partial<Record<QuotaMetric, { month: string; count: number }[]>>;
  gauges: StageGauges;
} {
  const counters = new Map<string, number>();
  const buckets = new Map<string, number>();
  const totals: Partial<Record<HumanStageId, number>> = {};
  const months = new Set(monthsIn(period));
  for (const item of items) {
    const parsed = parseLedgerItem(item);
    if (parsed?.kind === 'TOTAL') {
      for (const t of parsed.totals) totals[t.stage] = (totals[t.stage] ?? 0) + t.count;
    } else if (parsed?.kind === 'MONTH') {
      for (const c of months.has(parsed.month) ? parsed.counters : []) {
        const k = `${c.metric}#${parsed.month}`;
        counters.set(k, (counters.get(k) ?? 0) + c.count);
      }
      if (parsed.month < windowStart) continue;
      for (const g of parsed.gauges) {
        const k = `${g.stage}#${parsed.month}`;
        buckets.set(k, (buckets.get(k) ?? 0) + g.count);
      }
    }
  }
  const byMetric: Partial<Record<QuotaMetric, { month: string; count: number }[]>> = {};
  for (const [k, count] of counters) {
    const [metric, month] = k.split('#') as [QuotaMetric, string];
    (byMetric[metric] ??= []).push({ month, count });
  }
  const recent: GaugeCount[] = [...buckets].map(([k, count]) => {
    const [stage, month] = k.split('#');
    return { stage, month, count };
  });
  return { counters: byMetric, gauges: { totals, recent } };
}

/**
 * A counter or gauge item of the layouts before this one (`entity` COUNTER or GAUGE):
 * `CNT#<unitId>#<metric>` / `<month>[#<shard>]` and `GAUGE#<unitId>` / `<stage>#<month>[#<shard>]`.
 * Readers ignore them; `npm run quota:migrate` moves their counts into this layout.
 */
export interface LegacyLedgerItem {
  PK: string;
  SK: string;
  entity: 'COUNTER' | 'GAUGE';
  unitId: string;
  count: number;
}

/** A legacy item's unit, key (metric or stage) and month, from its keys. */
function parseLegacyItem(item: LegacyLedgerItem): {
  unitId: string;
  key: string;
  month: string;
} {
  if (item.entity === 'COUNTER') {
    return {
      unitId: item.unitId,
      key: item.PK.slice(item.PK.lastIndexOf('#') + 1),
      month: item.SK.split('#')[0],
    };
  }
  const [stage, month] = item.SK.split('#');
  return { unitId: item.unitId, key: stage, month };
}

/**
 * The `Update`s that add a legacy item's count to this layout, in `LEGACY_SHARD`: a counter to
 * its month item; a gauge to its month bucket and its stage total.
 */
export function legacyMoveUpdates(tableName: string, item: LegacyLedgerItem) {
  const { unitId, key, month } = parseLegacyItem(item);
  if (item.count === 0) return [];
  if (item.entity === 'COUNTER') {
    return [
      ledgerItemUpdate(tableName, monthItemKey(unitId, month, LEGACY_SHARD), {
        [METRIC_ATTRIBUTE[key as QuotaMetric]]: item.count,
      }),
    ];
  }
  const attribute = STAGE_ATTRIBUTE[key as HumanStageId];
  return [
    ledgerItemUpdate(tableName, monthItemKey(unitId, month, LEGACY_SHARD), {
      [attribute]: item.count,
    }),
    ledgerItemUpdate(tableName, totalItemKey(unitId, LEGACY_SHARD), { [attribute]: item.count }),
  ];
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
