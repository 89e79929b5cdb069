import { parseIsoDate } from '../rules/calendar-date';
import { ledgerUnitsOf } from './ledger-depth';
import { type QuotaMetric } from './metric';
import { monthsIn, type PeriodId } from './period';

/**
 * Quota counters (docs/architecture.md, "Sharded ledger items"): a count per unit, metric and
 * month, incremented inside the same transaction that commits the stage change — for the
 * candidate's unit **and every ancestor that keeps a ledger** (`ledger-depth.ts`: all but the
 * top-level committee, whose figure is its children's sum), so a committee's figure is one read
 * of its own counters, or of its children's, never a walk over its cells.
 *
 * A report for a period reads, per unit, the months of the period: its cost is units × months,
 * independent of how many candidates there are.
 */

export interface CounterDelta {
  unitId: string;
  metric: QuotaMetric;
  /** `YYYY-MM` of the event in Vietnam (UTC+7). */
  month: string;
  delta: number;
}

/**
 * Which transition earns which metric. `null` as the from-stage is the nomination itself.
 * OFFICIAL belongs to the recognition workflow (stages after probation): its decision moves a
 * member to `OFFICIAL`.
 */
const COUNTER_RULES: readonly {
  metric: QuotaMetric;
  /** `'*'` for any stage. */
  from: string | null;
  to: string;
}[] = [
  { metric: 'NOMINATED', from: null, to: 'NOMINATED' },
  // Passing the class is the only way out of AWARENESS_CLASS to the next stage; a failed class
  // loops back to AWARENESS_CLASS and a withdrawal goes to WITHDRAWN: neither counts.
  { metric: 'TRAINED', from: 'AWARENESS_CLASS', to: 'APPLICATION' },
  { metric: 'ADMITTED', from: 'CEREMONY', to: 'ADMITTED' },
  { metric: 'OFFICIAL', from: '*', to: 'OFFICIAL' },
];

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The `YYYY-MM` month an event falls in, in Asia/Ho_Chi_Minh. A `YYYY-MM-DD` date is already a
 * Vietnamese calendar day (a ceremony date, a decision date); an ISO instant with `Z` or an
 * offset (the `at` of a history event) is moved to UTC+7 first: 2025-03-31T18:00:00Z is
 * 1 April in Hanoi.
 */
export function vietnamMonthOf(eventDate: string): string {
  if (DATE_ONLY.test(eventDate)) {
    const { year, month } = parseIsoDate(eventDate);
    return `${year}-${String(month).padStart(2, '0')}`;
  }
  const ms = INSTANT.test(eventDate) ? Date.parse(eventDate) : NaN;
  if (Number.isNaN(ms)) {
    throw new RangeError(`Not a date or an instant with a time zone: "${eventDate}"`);
  }
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 7);
}

function metricsEarned(fromStage: string | null, toStage: string): QuotaMetric[] {
  return COUNTER_RULES.filter(
    (rule) => rule.to === toStage && (rule.from === '*' || rule.from === fromStage),
  ).map((rule) => rule.metric);
}

/**
 * The counter increments a transition earns: one per metric earned, for each unit on
 * `unitPath` that keeps a ledger (`unitPath` from the top committee down to the candidate's unit,
 * as `OrgUnit.path`; see `ledgerUnitsOf`). Empty for a transition that earns nothing.
 */
export function countersEarnedBy(
  fromStage: string | null,
  toStage: string,
  eventDate: string,
  unitPath: readonly string[],
): CounterDelta[] {
  const metrics = metricsEarned(fromStage, toStage);
  if (metrics.length === 0) return [];
  if (unitPath.length === 0) throw new RangeError('A counter needs the unit path');
  const month = vietnamMonthOf(eventDate);
  const units = ledgerUnitsOf(unitPath);
  return metrics.flatMap((metric) => units.map((unitId) => ({ unitId, metric, month, delta: 1 })));
}

/**
 * The decrements that undo a transition's counters when it is corrected (entered by mistake,
 * annulled). Pass the **original** transition and its original event date, so that the month it
 * was counted in is the month corrected.
 */
export function reversalOf(
  fromStage: string | null,
  toStage: string,
  originalEventDate: string,
  unitPath: readonly string[],
): CounterDelta[] {
  return countersEarnedBy(fromStage, toStage, originalEventDate, unitPath).map((c) => ({
    ...c,
    delta: -1,
  }));
}

/**
 * The total of a period from monthly counts (`{month: 'YYYY-MM', count}` items or a
 * `month → count` record): months outside the period are ignored, missing months are 0.
 */
export function sumCounters(
  monthlyCounts: Readonly<Record<string, number>> | readonly { month: string; count: number }[],
  period: PeriodId,
): number {
  const months = new Set(monthsIn(period));
  const entries: [string, number][] = Array.isArray(monthlyCounts)
    ? (monthlyCounts as readonly { month: string; count: number }[]).map((c) => [c.month, c.count])
    : Object.entries(monthlyCounts as Record<string, number>);
  let total = 0;
  for (const [month, count] of entries) if (months.has(month)) total += count;
  return total;
}
