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

/** Whether candidates that entered `stage` in `enteredMonth` are overdue in `currentMonth`. */
export function isOverdue(stage: HumanStageId, enteredMonth: string, currentMonth: string) {
  return monthIndex(currentMonth) > monthIndex(enteredMonth) + STAGE_ALLOWANCE_MONTHS[stage];
}

/** One row per human stage, in pipeline order; `today` is `YYYY-MM-DD` in Vietnam. */
export function funnelOf(gauges: readonly GaugeCount[], today: string): FunnelRow[] {
  const currentMonth = today.slice(0, 7);
  return HUMAN_STAGE_IDS.map((stage) => {
    let count = 0;
    let overdue = 0;
    for (const g of gauges) {
      if (g.stage !== stage) continue;
      count += g.count;
      if (isOverdue(stage, g.month, currentMonth)) overdue += g.count;
    }
    return {
      stage,
      ...stageLabel(stage),
      count,
      overdue,
      allowanceMonths: STAGE_ALLOWANCE_MONTHS[stage],
    };
  });
}
