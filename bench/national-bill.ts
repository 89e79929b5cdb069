/**
 * Every line of the bill, per 1,000 admitted candidates and per month at national scale
 * (docs/architecture.md, "Capacity model"): the walk as measured (bench/cost-model.ts), the
 * deadline wake-ups over the assumed waits (bench/wake-ups.ts) at the measured cost of one
 * wake-up, log ingestion, the repair sweep, Cognito monthly active users at the pool's feature
 * plan, custom metric series, and the resources billed by the month. Pure: the inputs come from
 * bench/results/latest.json and lib/capacity-model.ts.
 */
import { HUMAN_STAGE_IDS, TERMINAL_STAGE_IDS } from '../functions/domain/stage-ids';
import { humanStage, PHASES, successorsOf } from '../functions/domain/pipeline';
import { QUOTA_METRICS } from '../functions/domain/quota/metric';
import { type CapacityModel, NATIONAL_CAPACITY_MODEL } from '../lib/capacity-model';
import { costPer1000, type MeasuredUsage, type Prices, WAITING_DAYS } from './cost-model';
import { digestRunUsage } from './digest-usage';
import { type LogBytes, type StackResources, type WakeUpCost } from './national-inputs';
import prices from './prices.json';
import type { BenchResult } from './result';
import repairSweep from './results/repair-sweep.json';
import { type StageWakeUps, wakeUpsOverWaits } from './wake-ups';

/** Where a figure comes from, shown beside it. */
type Basis = 'measured' | 'derived' | 'assumption';

export interface BillLine {
  item: string;
  /** How much of it: per admitted candidate (`perAdmission`) or per month (`monthly`). */
  quantity: number;
  unit: string;
  usdPer1000: number;
  usdPerMonth: number;
  basis: Basis;
}

export interface NationalBillInputs {
  /** The walk's usage per admitted candidate (BenchResult.median.perCandidate). */
  walk: Omit<MeasuredUsage, 'admitted'>;
  /** One wake-up measured on the runtime; absent in results older than the measurement. */
  wakeUp?: WakeUpCost;
  /** Per function of the walk: the fallback for a wake-up that was not measured. */
  perFunction: Record<string, { invocations: number; gbSeconds: number }>;
  logBytes?: LogBytes;
  stack?: StackResources;
  /** Read units per file in flight of one sweep (bench/results/repair-sweep.json). */
  sweepUnitsPerFileInFlight: number;
  waits?: Record<string, { days: number }>;
}

/** Assumptions the bill states beside its figures. */
export const BILL_ASSUMPTIONS = {
  /** Officers who sign in at least once a month: they act on files weekly. */
  monthlyActiveOfficerShare: 1,
  /** The repair sweep's schedule (lib/workflow.ts, ResumeSchedule). */
  sweepIntervalMinutes: 15,
  /** The sweep's page (functions/services/resume-in-flight.ts): one checkpoint write a page. */
  sweepPageSize: 100,
  /** Handler time per file the sweep checks (a page read, a describe when it looks stuck). */
  sweepMsPerFile: 2,
  sweepMemoryGb: 0.5,
  /** The sweep function's timeout: a pass longer than this continues in the next run. */
  sweepTimeoutSeconds: 300,
  /** Files on probation stay in the in-flight index (docs/admission-rules.md). */
  probationMonths: 12,
  /** Who sets a top unit's targets: the central committee and the unit itself. */
  quotaIssuersPerTopUnit: 2,
  /** Lambda's START, END and REPORT lines of one invocation, in bytes ingested. */
  lambdaPlatformLogBytesPerInvocation: 330,
  /** Without a measured wake-up: its states (Check, Renewed, Await) and functions (watch, park). */
  derivedWakeUp: {
    stateTransitions: 3,
    lambdaInvocations: 2,
    readRequestUnits: 2,
    writeRequestUnits: 4,
  },
};

const DAYS_PER_MONTH = 365 / 12;
const GB = 1024 ** 3;

/** Custom metric series that publish in a month at national scale (transition-metrics.ts). */
export function customMetricSeries(
  model: CapacityModel = NATIONAL_CAPACITY_MODEL,
  metricFilters = 1,
): { metric: string; series: number }[] {
  const topUnits = model.organisation.provincialCommittees + model.organisation.centralBlocs;
  const stages = HUMAN_STAGE_IDS.length + TERMINAL_STAGE_IDS.length;
  const humanStages = Object.values(PHASES).flatMap((phase) => phase.stages);
  const repeatable = humanStages.filter((s) => successorsOf(s).includes(s.id)).length;
  const withDeadline = HUMAN_STAGE_IDS.filter((id) => humanStage(id).deadline).length;
  return [
    { metric: 'Transitions (Stage × TopUnit)', series: stages * topUnits },
    { metric: 'Repeats (repeatable stage × TopUnit)', series: repeatable * topUnits },
    { metric: 'Admitted, Rejected, Withdrawn, Official (× TopUnit)', series: 4 * topUnits },
    {
      metric: 'DeadlineBreaches, Escalations (deadline stage × TopUnit, + total)',
      series: 2 * (withDeadline * topUnits + 1),
    },
    {
      metric: 'AttainmentPercent (TopUnit × QuotaMetric × Issuer)',
      series: topUnits * QUOTA_METRICS.length * BILL_ASSUMPTIONS.quotaIssuersPerTopUnit,
    },
    { metric: 'UnitsBehindPace (× TopUnit, + total)', series: topUnits + 1 },
    { metric: 'ResumeFailures, ProbationRepairs, DigestsSent, DigestFailures', series: 4 },
    { metric: 'ThrottledRequests (access log metric filters)', series: metricFilters },
  ];
}

/** Files the repair sweep walks: in flight (nominated, not yet ended) and on probation. */
export function filesInFlight(
  waits: Record<string, { days: number }>,
  model: CapacityModel = NATIONAL_CAPACITY_MODEL,
): number {
  const daysInFlight = Object.values(waits).reduce((n, w) => n + w.days, 0);
  // Little's law: arrivals a day × days in the system. Files that end early count as whole walks.
  const nominationsPerDay = (model.admissionsPerYear * model.nominationsPerAdmission) / 365;
  const admissionsPerDay = model.admissionsPerYear / 365;
  return (
    nominationsPerDay * daysInFlight +
    admissionsPerDay * BILL_ASSUMPTIONS.probationMonths * DAYS_PER_MONTH
  );
}

export interface NationalBill {
  perAdmission: BillLine[];
  monthly: BillLine[];
  wakeUps: StageWakeUps[];
  wakeUpsPerCandidate: number;
  noticesPerCandidate: number;
  wakeUpBasis: Basis;
  admissionsPerMonth: number;
  filesInFlight: number;
  metricSeries: { metric: string; series: number }[];
  /** The admission-driven lines, per 1,000 admitted. */
  usdPer1000Admitted: number;
  /** Everything, the monthly lines spread over the month's admissions. */
  usdPer1000AllIn: number;
  usdPerAverageMonth: number;
  /** The busiest month: admission-driven lines × the peak month factor, monthly lines as they are. */
  usdPerPeakMonth: number;
}

/** The compute and table lines of a unit of work: [item, quantity, unit, USD a unit]. */
function computeLines(
  usage: Pick<
    MeasuredUsage,
    | 'stateTransitions'
    | 'lambdaInvocations'
    | 'lambdaGbSeconds'
    | 'readRequestUnits'
    | 'writeRequestUnits'
  >,
  p: Prices,
): (readonly [string, number, string, number])[] {
  const q = p.prices;
  return [
    [
      'state transitions',
      usage.stateTransitions,
      'transitions',
      q.stepFunctionsStandardPerStateTransition.usd,
    ],
    ['Lambda requests', usage.lambdaInvocations, 'requests', q.lambdaPerRequest.usd],
    ['Lambda GB-seconds (arm64)', usage.lambdaGbSeconds, 'GB-s', q.lambdaPerGbSecondArm64.usd],
    [
      'DynamoDB read request units',
      usage.readRequestUnits,
      'RRU',
      q.dynamoDbOnDemandPerMillionReadRequestUnits.usd / 1e6,
    ],
    [
      'DynamoDB write request units',
      usage.writeRequestUnits,
      'WRU',
      q.dynamoDbOnDemandPerMillionWriteRequestUnits.usd / 1e6,
    ],
  ];
}

export function nationalBill(
  inputs: NationalBillInputs,
  model: CapacityModel = NATIONAL_CAPACITY_MODEL,
  p: Prices = prices,
): NationalBill {
  const q = p.prices;
  const a = BILL_ASSUMPTIONS;
  const waits = inputs.waits ?? WAITING_DAYS;
  const admissionsPerMonth = model.admissionsPerYear / 12;
  const perThousandAdmitted = (usdPerMonth: number) => (usdPerMonth / admissionsPerMonth) * 1000;

  /** A line from its quantity: per admitted candidate, or per month. */
  const line = (
    per: 'admission' | 'month',
    item: string,
    quantity: number,
    unit: string,
    unitUsd: number,
    basis: Basis,
  ): BillLine => {
    const usdPerMonth = quantity * unitUsd * (per === 'admission' ? admissionsPerMonth : 1);
    return {
      item,
      quantity,
      unit,
      usdPer1000: perThousandAdmitted(usdPerMonth),
      usdPerMonth,
      basis,
    };
  };
  const perAdmission: BillLine[] = [];
  const admissionLine = (
    ...args: Parameters<typeof line> extends [unknown, ...infer R] ? R : never
  ) => perAdmission.push(line('admission', ...args));
  for (const line of costPer1000({ admitted: 1, ...inputs.walk }, p)) {
    perAdmission.push({
      item: `walk: ${line.item}`,
      quantity: line.perCandidate,
      unit: 'per candidate',
      usdPer1000: line.usdPer1000,
      usdPerMonth: (line.usdPer1000 / 1000) * admissionsPerMonth,
      basis: 'measured',
    });
  }

  const wakeUps = wakeUpsOverWaits(Object.keys(waits), waits);
  const wakes = wakeUps.reduce((n, s) => n + s.wakeUps, 0);
  const notices = wakeUps.reduce((n, s) => n + s.notices, 0);
  const wake = inputs.wakeUp ?? derivedWakeUp(inputs.perFunction);
  const wakeBasis: Basis = inputs.wakeUp ? 'measured' : 'derived';
  const wakeLines = computeLines(wake, p);
  for (const [item, perWake, unit, price] of wakeLines) {
    admissionLine(`deadline wake-ups: ${item}`, wakes * perWake, unit, price, wakeBasis);
  }
  admissionLine(
    'overdue notices: SNS publishes',
    notices + wakes * wake.snsPublishes,
    'publishes',
    q.snsPerMillionPublishes.usd / 1e6,
    'derived',
  );

  if (inputs.logBytes) {
    const l = inputs.logBytes;
    const w = inputs.walk;
    const invocations = w.lambdaInvocations + wakes * wake.lambdaInvocations;
    const bytes =
      w.lambdaInvocations * l.perInvocation +
      w.apiRequests * l.perApiRequest +
      w.stateTransitions * l.perStateTransition +
      wakes * wake.logBytes +
      invocations * a.lambdaPlatformLogBytesPerInvocation;
    admissionLine(
      'CloudWatch Logs ingestion (functions, access log, state machines, wake-ups)',
      bytes / GB,
      'GB',
      q.cloudWatchLogsIngestionPerGb.usd,
      'measured',
    );
  }

  const monthly: BillLine[] = [];
  const monthlyLine = (
    ...args: Parameters<typeof line> extends [unknown, ...infer R] ? R : never
  ) => monthly.push(line('month', ...args));

  const inFlight = filesInFlight(waits, model);
  const sweepRuns = (DAYS_PER_MONTH * 24 * 60) / a.sweepIntervalMinutes;
  const sweepSeconds = Math.min(a.sweepTimeoutSeconds, (inFlight * a.sweepMsPerFile) / 1000);
  // A pass that outlasts a run continues in the next: at most one pass's reads per run's time.
  const filesPerRun = Math.min(inFlight, (a.sweepTimeoutSeconds * 1000) / a.sweepMsPerFile);
  monthlyLine(
    'repair sweep: Lambda requests',
    sweepRuns,
    'requests',
    q.lambdaPerRequest.usd,
    'derived',
  );
  monthlyLine(
    'repair sweep: Lambda GB-seconds (arm64)',
    sweepRuns * sweepSeconds * a.sweepMemoryGb,
    'GB-s',
    q.lambdaPerGbSecondArm64.usd,
    'assumption',
  );
  monthlyLine(
    'repair sweep: DynamoDB read request units (in-flight index)',
    sweepRuns * filesPerRun * inputs.sweepUnitsPerFileInFlight,
    'RRU',
    q.dynamoDbOnDemandPerMillionReadRequestUnits.usd / 1e6,
    'measured',
  );
  monthlyLine(
    'repair sweep: DynamoDB write request units (checkpoints)',
    sweepRuns * Math.ceil(filesPerRun / a.sweepPageSize),
    'WRU',
    q.dynamoDbOnDemandPerMillionWriteRequestUnits.usd / 1e6,
    'derived',
  );
  monthlyLine(
    'repair events: EventBridge rule on execution status (AWS service events are free)',
    0,
    'events',
    0,
    'derived',
  );
  // The daily digest: one run a day, its cost following the subscribers (bench/digest-usage.ts).
  const digest = digestRunUsage(model);
  const digestLines = [
    ...computeLines(digest, p),
    ['SES e-mails', digest.emails, 'e-mails', q.sesPerThousandEmails.usd / 1000] as const,
  ];
  for (const [item, perRun, unit, price] of digestLines) {
    monthlyLine(`daily digest: ${item}`, perRun * DAYS_PER_MONTH, unit, price, 'assumption');
  }
  monthlyLine(
    'Cognito monthly active users (Plus feature plan)',
    model.officers * a.monthlyActiveOfficerShare,
    'MAU',
    q.cognitoPlusPerMau.usd,
    'assumption',
  );
  const metricSeries = customMetricSeries(model, inputs.stack?.metricFilters ?? 1);
  monthlyLine(
    'CloudWatch custom metric series',
    metricSeries.reduce((n, m) => n + m.series, 0),
    'metrics',
    q.cloudWatchCustomMetricPerMonth.usd,
    'derived',
  );
  if (inputs.stack) {
    const s = inputs.stack;
    monthlyLine(
      'CloudWatch alarms (standard resolution)',
      s.alarms,
      'alarms',
      q.cloudWatchAlarmPerMonth.usd,
      'measured',
    );
    monthlyLine(
      'CloudWatch dashboards',
      s.dashboards,
      'dashboards',
      q.cloudWatchDashboardPerMonth.usd,
      'measured',
    );
    monthlyLine('KMS customer managed keys', s.kmsKeys, 'keys', q.kmsKeyPerMonth.usd, 'measured');
    monthlyLine(
      'Secrets Manager secrets',
      s.secrets,
      'secrets',
      q.secretsManagerSecretPerMonth.usd,
      'measured',
    );
  }

  const sum = (lines: BillLine[], pick: (l: BillLine) => number) =>
    lines.reduce((n, l) => n + pick(l), 0);
  const variablePerMonth = sum(perAdmission, (l) => l.usdPerMonth);
  const fixedPerMonth = sum(monthly, (l) => l.usdPerMonth);
  return {
    perAdmission,
    monthly,
    wakeUps,
    wakeUpsPerCandidate: wakes,
    noticesPerCandidate: notices,
    wakeUpBasis: wakeBasis,
    admissionsPerMonth,
    filesInFlight: inFlight,
    metricSeries,
    usdPer1000Admitted: sum(perAdmission, (l) => l.usdPer1000),
    usdPer1000AllIn: perThousandAdmitted(variablePerMonth + fixedPerMonth),
    usdPerAverageMonth: variablePerMonth + fixedPerMonth,
    usdPerPeakMonth: variablePerMonth * model.peakMonthFactor + fixedPerMonth,
  };
}

/**
 * A wake-up not measured: its states and invocations from the definition, the functions'
 * GB-seconds per invocation from the walk (the watch's, else the park's for both), request
 * units assumed.
 */
function derivedWakeUp(perFunction: NationalBillInputs['perFunction']): WakeUpCost {
  const perInvocation = (prefix: string) => {
    const found = Object.entries(perFunction).find(([id]) => id.startsWith(prefix))?.[1];
    return found && found.invocations ? found.gbSeconds / found.invocations : undefined;
  };
  const park = perInvocation('WorkflowParkAtStage') ?? 0;
  const watch = perInvocation('WorkflowWatchDeadline') ?? park;
  const d = BILL_ASSUMPTIONS.derivedWakeUp;
  // Its log bytes are unknown: the logs line counts the walk's only.
  return { candidates: 0, ...d, lambdaGbSeconds: park + watch, snsPublishes: 0, logBytes: 0 };
}

/** The bill's inputs from a benchmark result (bench/results/latest.json) and the sweep's. */
export function billInputsOf(
  r: BenchResult,
  sweepUnitsPerFileInFlight: number = repairSweep.large.sweepUnitsPerFileInFlight,
): NationalBillInputs {
  return {
    walk: r.median.perCandidate,
    perFunction: r.runs[0].perFunction,
    sweepUnitsPerFileInFlight,
    waits: r.polling.waitingDays,
    ...(r.national
      ? { wakeUp: r.national.wakeUp, stack: r.national.stack, logBytes: r.national.logBytes }
      : {}),
  };
}
