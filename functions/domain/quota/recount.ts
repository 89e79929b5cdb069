import type { HistoryEvent } from '../history-event';
import { counterDeltasOfEvent, gaugeDeltas, type StagePosition } from './ledger-deltas';

/**
 * The recount: every counter rebuilt from the immutable history (each event replayed through
 * `counterDeltasOfEvent`, the function the transactions use), every gauge rebuilt from where each
 * candidate stands now, and both compared with what is stored — per unit, metric (or stage) and
 * month; and each stage's running total (`funnel.ts`) compared per unit and stage. Missing items
 * count as 0 (a revoked admission leaves a stored 0 behind).
 *
 * Only units that keep a ledger are compared (`ledger-depth.ts`): a top-level committee's figures
 * are its children's sum, so they are exact when its children's are. Items still stored for a
 * top-level committee (those of the layout before it kept none, until `npm run quota:migrate`
 * deletes them) are counted apart as `leftOnTopUnits`, never as differences.
 */

export interface LedgerDifference {
  kind: 'COUNTER' | 'GAUGE' | 'GAUGE_TOTAL';
  unitId: string;
  /** The quota metric of a counter, the stage of a gauge. */
  key: string;
  /** `YYYY-MM`; empty for a stage total. */
  month: string;
  stored: number;
  recounted: number;
}

export interface RecountInput {
  events: readonly (HistoryEvent & { unitPath: readonly string[] })[];
  candidates: readonly { stage: string; stageEnteredAt: string; unitPath: readonly string[] }[];
  counters: readonly { unitId: string; metric: string; month: string; count: number }[];
  gauges: readonly { unitId: string; stage: string; month: string; count: number }[];
  /** Stored running totals per unit and stage (summed over their shards or not). */
  gaugeTotals: readonly { unitId: string; stage: string; count: number }[];
  /** The top-level committees met so far (they keep no ledger). */
  topUnits?: readonly string[];
}

export interface RecountResult {
  differences: LedgerDifference[];
  /** Keys compared (union of stored and recounted). */
  compared: { counters: number; gauges: number; gaugeTotals: number };
  /** Stored figures (keys) of top-level committees, which keep no ledger: left for the migration. */
  leftOnTopUnits: number;
  events: number;
  candidates: number;
}

const key = (unitId: string, k: string, month: string) => `${unitId}\u0000${k}\u0000${month}`;

/**
 * A recount in progress: the recounted and the stored figures added up so far, by key. Plain
 * JSON, so that an operator's recount over a large table can be saved after a page and continued
 * by a later run (npm run quota:check resumes) — the pages are added one by one, in any split.
 */
export interface LedgerTally {
  recountedCounters: Record<string, number>;
  recountedGauges: Record<string, number>;
  storedCounters: Record<string, number>;
  storedGauges: Record<string, number>;
  /** Absent only in a recount saved before stage totals existed (npm run quota:check restarts it). */
  recountedGaugeTotals: Record<string, number>;
  storedGaugeTotals: Record<string, number>;
  /** Absent in a recount saved before top-level committees stopped keeping a ledger. */
  topUnits?: Record<string, true>;
  events: number;
  candidates: number;
}

export function emptyLedgerTally(): LedgerTally {
  return {
    recountedCounters: {},
    recountedGauges: {},
    storedCounters: {},
    storedGauges: {},
    recountedGaugeTotals: {},
    storedGaugeTotals: {},
    topUnits: {},
    events: 0,
    candidates: 0,
  };
}

function add(totals: Record<string, number>, k: string, delta: number) {
  totals[k] = (totals[k] ?? 0) + delta;
}

/** Adds one page of the table (or all of it) to the tally; answers the same tally. */
export function addToLedgerTally(tally: LedgerTally, page: RecountInput): LedgerTally {
  for (const event of page.events) {
    for (const d of counterDeltasOfEvent(event, event.unitPath)) {
      add(tally.recountedCounters, key(d.unitId, d.metric, d.month), d.delta);
    }
  }
  for (const c of page.candidates) {
    for (const d of gaugeDeltas(undefined, c as StagePosition, c.unitPath)) {
      add(tally.recountedGauges, key(d.unitId, d.stage, d.month), d.delta);
      add(tally.recountedGaugeTotals, key(d.unitId, d.stage, ''), d.delta);
    }
  }
  for (const c of page.counters)
    add(tally.storedCounters, key(c.unitId, c.metric, c.month), c.count);
  for (const g of page.gauges) add(tally.storedGauges, key(g.unitId, g.stage, g.month), g.count);
  for (const t of page.gaugeTotals) {
    add(tally.storedGaugeTotals, key(t.unitId, t.stage, ''), t.count);
  }
  for (const id of page.topUnits ?? []) (tally.topUnits ??= {})[id] = true;
  tally.events += page.events.length;
  tally.candidates += page.candidates.length;
  return tally;
}

/** The differences between what the tally recounted and what it found stored. */
export function compareLedgerTally(tally: LedgerTally): RecountResult {
  const differences: LedgerDifference[] = [];
  const topUnits = tally.topUnits ?? {};
  let leftOnTopUnits = 0;
  const compare = (
    kind: LedgerDifference['kind'],
    recounted: Record<string, number>,
    stored: Record<string, number>,
  ) => {
    const all = new Set([...Object.keys(recounted), ...Object.keys(stored)]);
    let compared = 0;
    for (const k of all) {
      const [unitId, name, month] = k.split('\u0000');
      if (topUnits[unitId]) {
        leftOnTopUnits += stored[k] ? 1 : 0;
        continue;
      }
      compared++;
      const a = stored[k] ?? 0;
      const b = recounted[k] ?? 0;
      if (a !== b) differences.push({ kind, unitId, key: name, month, stored: a, recounted: b });
    }
    return compared;
  };
  const comparedCounters = compare('COUNTER', tally.recountedCounters, tally.storedCounters);
  const comparedGauges = compare('GAUGE', tally.recountedGauges, tally.storedGauges);
  const comparedTotals = compare(
    'GAUGE_TOTAL',
    tally.recountedGaugeTotals,
    tally.storedGaugeTotals,
  );
  differences.sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      a.unitId.localeCompare(b.unitId) ||
      a.key.localeCompare(b.key) ||
      a.month.localeCompare(b.month),
  );
  return {
    differences,
    compared: { counters: comparedCounters, gauges: comparedGauges, gaugeTotals: comparedTotals },
    leftOnTopUnits,
    events: tally.events,
    candidates: tally.candidates,
  };
}

/** The recount of a table held whole in memory, in one call. @internal */
export function recountLedger(input: RecountInput): RecountResult {
  return compareLedgerTally(addToLedgerTally(emptyLedgerTally(), input));
}

export function formatDifferences(differences: readonly LedgerDifference[]): string {
  return differences
    .map(
      (d) =>
        `${d.kind.padEnd(7)} ${d.unitId} ${d.key} ${d.month || '*'}: lưu/stored ${d.stored}, đếm lại/recounted ${d.recounted}`,
    )
    .join('\n');
}
