import { HUMAN_STAGE_IDS, type HumanStageId, stageLabel } from '../pipeline';

/**
 * The funnel of a unit: how many candidates sit at each human stage and how many of them are
 * overdue, from the stage gauges (`ledger-deltas.ts`) alone.
 *
 * **Overdue** is defined in whole calendar months, so that it is exact from month buckets: a
 * candidate is overdue at a stage once the stage's allowance of months has passed **after the
 * month it entered the stage** — entered in March with an allowance of 2 months, overdue from
 * 1 June. The allowances round the procedure's working-day deadlines up to months (the decision:
 * 60 working days ≈ 3 months; the ceremony: 30 working days ≈ 2 months); per-step working-day
 * deadlines and escalations stay the notification sweep's job (issue #3).
 */
const STAGE_ALLOWANCE_MONTHS: Record<HumanStageId, number> = {
  NOMINATED: 1,
  AWARENESS_CLASS: 3,
  APPLICATION: 2,
  BACKGROUND_CHECK: 3,
  SPONSORSHIP: 1,
  CELL_RESOLUTION: 1,
  GRASSROOTS_RESOLUTION: 2,
  ADMISSION_DECISION: 3,
  CEREMONY: 2,
  // Counted from entering the stage, which is the end of probation for the cell's review.
  RECOGNITION_CELL_REVIEW: 2,
  RECOGNITION_GRASSROOTS: 2,
  RECOGNITION_DECISION: 2,
};

export interface GaugeCount {
  stage: string;
  month: string;
  count: number;
}

/**
 * What the funnel of a unit needs, bounded in time: per stage the number of candidates there
 * (`totals`, a running total), and the month buckets of the recent window only (`recent`: the
 * entry months from `funnelWindowStart(today)` on, later months included). The overdue count is
 * the total less the candidates still within their allowance, and those entered a stage in the
 * window, so months before it are never read — however old the ledger grows.
 */
export interface StageGauges {
  totals: Readonly<Partial<Record<string, number>>>;
  recent: readonly GaugeCount[];
}

/** The longest allowance: how many months before the current one a report reads buckets of. */
const FUNNEL_WINDOW_MONTHS = Math.max(...Object.values(STAGE_ALLOWANCE_MONTHS));

export interface FunnelRow {
  stage: HumanStageId;
  label: string;
  labelEn: string;
  count: number;
  overdue: number;
  allowanceMonths: number;
}

function monthIndex(month: string): number {
  const [year, m] = month.split('-').map(Number);
  return year * 12 + m - 1;
}

function monthOfIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first entry month a funnel on `today` (`YYYY-MM-DD`) reads the bucket of. */
export function funnelWindowStart(today: string): string {
  return monthOfIndex(monthIndex(today.slice(0, 7)) - FUNNEL_WINDOW_MONTHS);
}

/** Whether candidates that entered `stage` in `enteredMonth` are overdue in `currentMonth`. */
export function isOverdue(stage: HumanStageId, enteredMonth: string, currentMonth: string) {
  return monthIndex(currentMonth) > monthIndex(enteredMonth) + STAGE_ALLOWANCE_MONTHS[stage];
}

/** One row per human stage, in pipeline order; `today` is `YYYY-MM-DD` in Vietnam. */
export function funnelOf(gauges: StageGauges, today: string): FunnelRow[] {
  const currentMonth = today.slice(0, 7);
  return HUMAN_STAGE_IDS.map((stage) => {
    const count = gauges.totals[stage] ?? 0;
    let withinAllowance = 0;
    for (const g of gauges.recent) {
      if (g.stage === stage && !isOverdue(stage, g.month, currentMonth)) withinAllowance += g.count;
    }
    return {
      stage,
      ...stageLabel(stage),
      count,
      overdue: count - withinAllowance,
      allowanceMonths: STAGE_ALLOWANCE_MONTHS[stage],
    };
  });
}
