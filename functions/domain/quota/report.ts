import type { OrgUnit } from '../org-unit';
import { attainmentPercent, expectedByNow, type PaceStatus, paceStatus } from './attainment';
import { funnelOf, type FunnelRow, type StageGauges } from './funnel';
import { QUOTA_METRIC_LABELS, QUOTA_METRICS, type QuotaMetric } from './metric';
import { elapsedShare, type Fraction, periodRange, type PeriodRange } from './period';
import { type BilingualSentence, combinedAttainmentSentence } from './sentence';
import { countOf, type QuotaTarget } from './target';
import { sumCounters } from './counter-keys';

/**
 * The quota report of one unit and its children for one period (pure): what
 * `GET /reports/quotas`, its CSV/XLSX exports, the local dashboard, the CloudWatch custom widget
 * and the hourly attainment job all show. Its inputs are O(units): each unit's targets, monthly
 * counters and stage gauges — never a candidate.
 */

export interface UnitQuotaData {
  unit: Pick<OrgUnit, 'id' | 'name' | 'level'>;
  /** The unit's targets for the period, in ledger order (the first issuer heads the sentence). */
  targets: readonly QuotaTarget[];
  /** Monthly counts per metric (months outside the period are ignored). */
  counters: Partial<Record<QuotaMetric, readonly { month: string; count: number }[]>>;
  /** Stage totals and the recent entry-month buckets (`funnel.ts`). */
  gauges: StageGauges;
}

interface TargetReport {
  issuerId: string;
  issuerName: string;
  kind: QuotaTarget['kind'];
  value: number;
  membersAtStart?: number;
  /** The count the target asks for. */
  target: number;
  /** Whole percent, rounded half up; `null` for a target of 0. */
  percent: number | null;
  /** `⌊target × elapsed share⌋`: what an even pace would have reached by today. */
  expectedByNow: number;
  status: PaceStatus;
}

interface MetricReport {
  metric: QuotaMetric;
  label: string;
  labelEn: string;
  achieved: number;
  targets: TargetReport[];
  sentence: BilingualSentence;
}

type UnitStatus = 'ON_TRACK' | 'BEHIND' | 'NO_TARGET';

export interface UnitReport {
  unitId: string;
  name: string;
  level: string;
  /** The unit asked for (false for its children). */
  requested: boolean;
  status: UnitStatus;
  metrics: MetricReport[];
  funnel: FunnelRow[];
  inProgress: number;
  overdue: number;
}

export interface QuotaReport {
  unitId: string;
  period: string;
  range: PeriodRange;
  today: string;
  elapsed: Fraction & { percent: number };
  units: UnitReport[];
}

/** Metrics always shown; `OFFICIAL` only once a target or a count exists. */
const ALWAYS_SHOWN: readonly QuotaMetric[] = ['NOMINATED', 'TRAINED', 'ADMITTED'];

function metricReport(
  metric: QuotaMetric,
  data: UnitQuotaData,
  period: string,
  elapsed: Fraction,
): MetricReport {
  const achieved = Math.max(0, sumCounters(data.counters[metric] ?? [], period));
  const targets = data.targets
    .filter((t) => t.metric === metric && t.period === period)
    .map((t): TargetReport => {
      const target = countOf(t);
      return {
        issuerId: t.issuerId,
        issuerName: t.issuerName,
        kind: t.kind,
        value: t.value,
        ...(t.membersAtStart === undefined ? {} : { membersAtStart: t.membersAtStart }),
        target,
        percent: attainmentPercent(achieved, target),
        expectedByNow: expectedByNow(target, elapsed),
        status: paceStatus(achieved, target, elapsed),
      };
    });
  return {
    metric,
    ...QUOTA_METRIC_LABELS[metric],
    achieved,
    targets,
    sentence: combinedAttainmentSentence({
      metric,
      achieved,
      targets: targets.map((t) => ({ target: t.target, issuerName: t.issuerName })),
    }),
  };
}

function unitStatus(metrics: readonly MetricReport[]): UnitStatus {
  const statuses = metrics.flatMap((m) => m.targets.map((t) => t.status));
  if (statuses.includes('BEHIND')) return 'BEHIND';
  return statuses.some((s) => s !== 'NO_TARGET') ? 'ON_TRACK' : 'NO_TARGET';
}

/** `units[0]` is the unit asked for, the rest its children. `today` is `YYYY-MM-DD` (Vietnam). */
export function buildQuotaReport(input: {
  period: string;
  today: string;
  units: readonly UnitQuotaData[];
}): QuotaReport {
  const { period, today } = input;
  const elapsed = elapsedShare(period, today);
  const units = input.units.map((data, index): UnitReport => {
    const metrics = QUOTA_METRICS.filter(
      (m) =>
        ALWAYS_SHOWN.includes(m) ||
        data.targets.some((t) => t.metric === m) ||
        sumCounters(data.counters[m] ?? [], period) !== 0,
    ).map((m) => metricReport(m, data, period, elapsed));
    const funnel = funnelOf(data.gauges, today);
    return {
      unitId: data.unit.id,
      name: data.unit.name,
      level: data.unit.level,
      requested: index === 0,
      status: unitStatus(metrics),
      metrics,
      funnel,
      inProgress: funnel.reduce((n, row) => n + row.count, 0),
      overdue: funnel.reduce((n, row) => n + row.overdue, 0),
    };
  });
  return {
    unitId: input.units[0]?.unit.id ?? '',
    period,
    range: periodRange(period),
    today,
    elapsed: {
      ...elapsed,
      percent: attainmentPercent(elapsed.num, elapsed.den) ?? 0,
    },
    units,
  };
}

/** Units (of the report) behind pace: what `UnitsBehindPace` publishes. */
export function unitsBehindPace(report: QuotaReport): number {
  return report.units.filter((u) => u.status === 'BEHIND').length;
}

/** Today in Vietnam (UTC+7) as `YYYY-MM-DD`. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The year, half and quarter that contain `today`. */
export function currentPeriods(today: string): { year: string; half: string; quarter: string } {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  return {
    year,
    half: `${year}-H${month <= 6 ? 1 : 2}`,
    quarter: `${year}-Q${Math.ceil(month / 3)}`,
  };
}
