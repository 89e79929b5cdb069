import type { HistoryEvent } from '../history-event';
import { counterDeltasOfEvent, gaugeDeltas, type StagePosition } from './ledger-deltas';

/**
 * The recount: every counter rebuilt from the immutable history (each event replayed through
 * `counterDeltasOfEvent`, the function the transactions use), every gauge rebuilt from where each
 * candidate stands now, and both compared with what is stored — per unit, metric (or stage) and
 * month. Missing items count as 0 (a revoked admission leaves a stored 0 behind).
 */

export interface LedgerDifference {
  kind: 'COUNTER' | 'GAUGE';
  unitId: string;
  /** The quota metric of a counter, the stage of a gauge. */
  key: string;
  month: string;
  stored: number;
  recounted: number;
}

export interface RecountInput {
  events: readonly (HistoryEvent & { unitPath: readonly string[] })[];
  candidates: readonly { stage: string; stageEnteredAt: string; unitPath: readonly string[] }[];
  counters: readonly { unitId: string; metric: string; month: string; count: number }[];
  gauges: readonly { unitId: string; stage: string; month: string; count: number }[];
}

export interface RecountResult {
  differences: LedgerDifference[];
  /** Keys compared (union of stored and recounted). */
  compared: { counters: number; gauges: number };
  events: number;
  candidates: number;
}

const key = (unitId: string, k: string, month: string) => `${unitId}\u0000${k}\u0000${month}`;

function add(map: Map<string, number>, k: string, delta: number) {
  map.set(k, (map.get(k) ?? 0) + delta);
}

export function recountLedger(input: RecountInput): RecountResult {
  const counters = new Map<string, number>();
  for (const event of input.events) {
    for (const d of counterDeltasOfEvent(event, event.unitPath)) {
      add(counters, key(d.unitId, d.metric, d.month), d.delta);
    }
  }
  const gauges = new Map<string, number>();
  for (const c of input.candidates) {
    for (const d of gaugeDeltas(undefined, c as StagePosition, c.unitPath)) {
      add(gauges, key(d.unitId, d.stage, d.month), d.delta);
    }
  }
  const differences: LedgerDifference[] = [];
  const compare = (
    kind: LedgerDifference['kind'],
    recounted: Map<string, number>,
    stored: readonly { unitId: string; month: string; count: number; k: string }[],
  ) => {
    const storedMap = new Map<string, number>();
    for (const s of stored) add(storedMap, key(s.unitId, s.k, s.month), s.count);
    const all = new Set([...recounted.keys(), ...storedMap.keys()]);
    for (const k of all) {
      const a = storedMap.get(k) ?? 0;
      const b = recounted.get(k) ?? 0;
      if (a !== b) {
        const [unitId, name, month] = k.split('\u0000');
        differences.push({ kind, unitId, key: name, month, stored: a, recounted: b });
      }
    }
    return all.size;
  };
  const comparedCounters = compare(
    'COUNTER',
    counters,
    input.counters.map((c) => ({ ...c, k: c.metric })),
  );
  const comparedGauges = compare(
    'GAUGE',
    gauges,
    input.gauges.map((g) => ({ ...g, k: g.stage })),
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
    compared: { counters: comparedCounters, gauges: comparedGauges },
    events: input.events.length,
    candidates: input.candidates.length,
  };
}

export function formatDifferences(differences: readonly LedgerDifference[]): string {
  return differences
    .map(
      (d) =>
        `${d.kind.padEnd(7)} ${d.unitId} ${d.key} ${d.month}: lưu/stored ${d.stored}, đếm lại/recounted ${d.recounted}`,
    )
    .join('\n');
}
