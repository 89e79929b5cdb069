import type { GaugeCount, StageGauges } from './funnel';
import type { QuotaMetric } from './metric';

/**
 * Which units keep a quota ledger of their own (docs/architecture.md, "Sharded ledger items"):
 * the units from this depth down on a candidate's path (0 is the top-level committee, 1 a
 * commune-level committee or a unit directly under the top). A top-level committee keeps none:
 * every transition of its province would write its items, so they would be the items all of a
 * province's transitions contend for. Its counters and gauges are the sum of its direct
 * children's, which its report reads anyway.
 */
export const FIRST_LEDGER_DEPTH = 1;

/**
 * The units on `unitPath` (top-level committee first, as `OrgUnit.path`) whose ledgers a
 * candidate's transition moves: from `FIRST_LEDGER_DEPTH` down, each once (a transaction may not
 * touch one item twice).
 */
export function ledgerUnitsOf(unitPath: readonly string[]): string[] {
  return [...new Set(unitPath.slice(FIRST_LEDGER_DEPTH))];
}

/** Whether the unit whose path (itself last) is `path` keeps a ledger, or sums its children's. */
export function keepsLedger(path: readonly string[]): boolean {
  return path.length - 1 >= FIRST_LEDGER_DEPTH;
}

/**
 * Where a unit's own ledger sits in a top-level committee's figures: `top` keeps none (it sums its
 * children), `first` is one of the children the top sums, `nested` is counted again by the
 * `first` unit above it. A move that changes a unit's place makes the top's sums wrong for the
 * past: a unit going from `first` to `nested` leaves its history in no child of the top, and one
 * going the other way is summed by the top both in its old commune and on its own.
 */
export type LedgerPlace = 'top' | 'first' | 'nested';

/** The place of the unit whose path (itself last) is `path`. */
export function ledgerPlaceOf(path: readonly string[]): LedgerPlace {
  if (!keepsLedger(path)) return 'top';
  return path.length - 1 === FIRST_LEDGER_DEPTH ? 'first' : 'nested';
}

/** What a unit's report shows of its ledger: monthly counts per metric, and its stage gauges. */
export interface LedgerFigures {
  counters: Partial<Record<QuotaMetric, readonly { month: string; count: number }[]>>;
  gauges: StageGauges;
}

/**
 * The figures of a unit that keeps no ledger: its children's added up, per metric and month, per
 * stage, and per stage and entry month. Exact because every file of the unit's subtree lies in
 * exactly one child's subtree (a file sits in a cell, and a top-level committee nominates no one).
 */
export function sumOfChildren(children: readonly LedgerFigures[]): LedgerFigures {
  const counters = new Map<QuotaMetric, Map<string, number>>();
  const totals: Partial<Record<string, number>> = {};
  const buckets = new Map<string, GaugeCount>();
  for (const child of children) {
    for (const [metric, months] of Object.entries(child.counters) as [
      QuotaMetric,
      readonly { month: string; count: number }[],
    ][]) {
      const sums = counters.get(metric) ?? new Map<string, number>();
      for (const { month, count } of months) sums.set(month, (sums.get(month) ?? 0) + count);
      counters.set(metric, sums);
    }
    for (const [stage, count] of Object.entries(child.gauges.totals)) {
      totals[stage] = (totals[stage] ?? 0) + (count ?? 0);
    }
    for (const g of child.gauges.recent) {
      const key = `${g.stage}#${g.month}`;
      const sum = buckets.get(key) ?? { stage: g.stage, month: g.month, count: 0 };
      buckets.set(key, { ...sum, count: sum.count + g.count });
    }
  }
  return {
    counters: Object.fromEntries(
      [...counters].map(([metric, sums]) => [
        metric,
        [...sums].map(([month, count]) => ({ month, count })),
      ]),
    ),
    gauges: { totals, recent: [...buckets.values()] },
  };
}
