import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Business metrics of the pipeline, written as CloudWatch embedded metric format (EMF) lines on
 * stdout by Powertools; CloudWatch Logs turns them into metrics, so emitting costs no API call.
 *
 * Dimensions are organisation-level only — the stage and the top-level committee (`TopUnit`,
 * the first id of the unit path), plus the quota metric and issuer for quota figures. Never a
 * candidate id or a cell id: those would make one metric per person (cost, and personal data in
 * a metrics store that no retention policy governs).
 *
 * Each metric is published at once as its own EMF document (a Powertools single metric whose
 * default dimensions — `service` — are cleared), so these helpers neither depend on nor disturb
 * what the caller has buffered on its `Metrics` instance.
 */

export const PIPELINE_NAMESPACE = 'AdmissionPipeline';

/** Metric names: `lib/observability.ts` builds the dashboard and alarms from these. */
export const PIPELINE_METRICS = {
  /** Every stage entered (nomination included); `Stage` is the stage entered. */
  transitions: 'Transitions',
  /** A stage entered again (a failed awareness class sends the candidate back to it). */
  repeats: 'Repeats',
  admitted: 'Admitted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  official: 'Official',
  /** A human step found past its working-day deadline: counted once, when its reminder is sent. */
  deadlineBreaches: 'DeadlineBreaches',
  /** An overdue step taken one level up the organisation tree (after its reminder). */
  escalations: 'Escalations',
  /** A top unit's attainment (%) of one issuer's target for one quota metric. */
  attainmentPercent: 'AttainmentPercent',
  /** Units whose progress is below linear pace for the period. */
  unitsBehindPace: 'UnitsBehindPace',
  /** Candidates a resume pass could not repair (published every pass, 0 included). */
  resumeFailures: 'ResumeFailures',
  /** Members a resume pass found on probation past its end, recognition not started: started. */
  probationRepairs: 'ProbationRepairs',
  /** Daily digests sent by a run of the digest job. */
  digestsSent: 'DigestsSent',
  /** People a digest run could not reach, and shards of it that failed (each failed alone). */
  digestFailures: 'DigestFailures',
} as const;

export const PIPELINE_DIMENSIONS = {
  stage: 'Stage',
  topUnit: 'TopUnit',
  quotaMetric: 'QuotaMetric',
  issuer: 'Issuer',
} as const;

/** Outcome metrics counted when a candidate enters these stages. */
const OUTCOME_METRIC: Record<string, string> = {
  ADMITTED: PIPELINE_METRICS.admitted,
  REJECTED: PIPELINE_METRICS.rejected,
  WITHDRAWN: PIPELINE_METRICS.withdrawn,
  OFFICIAL: PIPELINE_METRICS.official,
};

const ORG_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The `Metrics` instance these helpers expect: the pipeline's namespace. */
export function createPipelineMetrics(): Metrics {
  return new Metrics({ namespace: PIPELINE_NAMESPACE });
}

function checkOrgId(value: string, what: string): string {
  if (!ORG_ID.test(value)) throw new RangeError(`${what} is not an id: "${value}"`);
  return value;
}

/**
 * Publishes one metric now with exactly `dimensions` (and, with `orgWide`, a second, empty
 * dimension set: the organisation-wide total that an alarm can watch without knowing the units).
 */
function emit(
  metrics: Metrics,
  name: string,
  unit: (typeof MetricUnit)[keyof typeof MetricUnit],
  value: number,
  dimensions: Record<string, string>,
  orgWide = false,
): void {
  const single = metrics.singleMetric();
  single.clearDefaultDimensions();
  for (const [key, dimensionValue] of Object.entries(dimensions)) {
    single.addDimension(key, dimensionValue);
  }
  if (orgWide) single.addDimensions({});
  single.addMetric(name, unit, value);
}

export interface TransitionFacts {
  /** `null` for a nomination (the candidate enters the first stage). */
  fromStage: string | null;
  toStage: string;
  /** The top-level committee of the candidate's unit: `unit.path[0]`. */
  topUnitId: string;
}

/**
 * Counts a committed transition: `Transitions` (and `Repeats` for a stage entered again, or
 * `Admitted` / `Rejected` / `Withdrawn` / `Official` for an outcome), dimensions `Stage` (the
 * stage entered) and `TopUnit` only. Call it after the transaction succeeded.
 */
export function recordTransition(metrics: Metrics, facts: TransitionFacts): void {
  const dimensions = {
    [PIPELINE_DIMENSIONS.stage]: facts.toStage,
    [PIPELINE_DIMENSIONS.topUnit]: checkOrgId(facts.topUnitId, 'TopUnit'),
  };
  emit(metrics, PIPELINE_METRICS.transitions, MetricUnit.Count, 1, dimensions);
  if (facts.fromStage === facts.toStage) {
    emit(metrics, PIPELINE_METRICS.repeats, MetricUnit.Count, 1, dimensions);
  }
  const outcome = OUTCOME_METRIC[facts.toStage];
  if (outcome) emit(metrics, outcome, MetricUnit.Count, 1, dimensions);
}

/**
 * Counts human steps found past their deadline (by the deadline sweep): dimensions `Stage` and
 * `TopUnit`, plus the organisation-wide total the SLA alarm watches.
 */
export function recordDeadlineBreaches(
  metrics: Metrics,
  facts: { stage: string; topUnitId: string; count?: number },
): void {
  emit(
    metrics,
    PIPELINE_METRICS.deadlineBreaches,
    MetricUnit.Count,
    facts.count ?? 1,
    {
      [PIPELINE_DIMENSIONS.stage]: facts.stage,
      [PIPELINE_DIMENSIONS.topUnit]: checkOrgId(facts.topUnitId, 'TopUnit'),
    },
    true,
  );
}

/**
 * The deadline watch sent an overdue notice: the reminder is the moment a step is found past its
 * deadline (`DeadlineBreaches`, once per step), each later notice an escalation (`Escalations`).
 * Both per `Stage` and `TopUnit` and organisation-wide (what the SLA alarm watches).
 */
export function recordDeadlineNotice(
  metrics: Metrics,
  facts: { kind: 'REMINDER' | 'ESCALATION'; stage: string; topUnitId: string },
): void {
  if (facts.kind === 'REMINDER') {
    recordDeadlineBreaches(metrics, { stage: facts.stage, topUnitId: facts.topUnitId });
    return;
  }
  emit(
    metrics,
    PIPELINE_METRICS.escalations,
    MetricUnit.Count,
    1,
    {
      [PIPELINE_DIMENSIONS.stage]: facts.stage,
      [PIPELINE_DIMENSIONS.topUnit]: checkOrgId(facts.topUnitId, 'TopUnit'),
    },
    true,
  );
}

/**
 * A top unit's attainment (%) of one issuer's target for one quota metric, by the quota report
 * job: dimensions `TopUnit`, `QuotaMetric`, `Issuer`. Nothing is emitted without a target.
 */
export function recordAttainment(
  metrics: Metrics,
  facts: { topUnitId: string; quotaMetric: string; issuerId: string; percent: number | null },
): void {
  if (facts.percent === null) return;
  emit(metrics, PIPELINE_METRICS.attainmentPercent, MetricUnit.Percent, facts.percent, {
    [PIPELINE_DIMENSIONS.topUnit]: checkOrgId(facts.topUnitId, 'TopUnit'),
    [PIPELINE_DIMENSIONS.quotaMetric]: facts.quotaMetric,
    [PIPELINE_DIMENSIONS.issuer]: checkOrgId(facts.issuerId, 'Issuer'),
  });
}

/**
 * How many units under a top unit are behind pace (`paceStatus` = `BEHIND`), once per top unit
 * per run of the quota report job: dimension `TopUnit`, plus the organisation-wide series the
 * alarm watches (its `Maximum` is the worst top unit).
 */
export function recordUnitsBehindPace(
  metrics: Metrics,
  facts: { topUnitId: string; count: number },
): void {
  emit(
    metrics,
    PIPELINE_METRICS.unitsBehindPace,
    MetricUnit.Count,
    facts.count,
    { [PIPELINE_DIMENSIONS.topUnit]: checkOrgId(facts.topUnitId, 'TopUnit') },
    true,
  );
}

/**
 * One pass of the resume job: the candidates it could not repair and the members whose
 * recognition it started, organisation-wide only (no dimension: an alarm watches the total and
 * the log names the candidates). Published on every pass, zeros included, so a missing data point
 * means the job did not run.
 */
export function recordResumePass(
  metrics: Metrics,
  facts: { failures: number; probationRepairs: number },
): void {
  // The empty dimension set written out (`[[]]`): the one series an alarm without dimensions reads.
  emit(metrics, PIPELINE_METRICS.resumeFailures, MetricUnit.Count, facts.failures, {}, true);
  emit(
    metrics,
    PIPELINE_METRICS.probationRepairs,
    MetricUnit.Count,
    facts.probationRepairs,
    {},
    true,
  );
}

/** One day's digest run, organisation-wide (zeros included: a gap means no run). */
export function recordDigestRun(metrics: Metrics, facts: { sent: number; failures: number }): void {
  emit(metrics, PIPELINE_METRICS.digestsSent, MetricUnit.Count, facts.sent, {}, true);
  emit(metrics, PIPELINE_METRICS.digestFailures, MetricUnit.Count, facts.failures, {}, true);
}
