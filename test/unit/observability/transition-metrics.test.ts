import { Metrics } from '@aws-lambda-powertools/metrics';
import {
  createPipelineMetrics,
  PIPELINE_NAMESPACE,
  recordAttainment,
  recordDeadlineBreaches,
  recordDeadlineNotice,
  recordResumePass,
  recordTransition,
  recordUnitsBehindPace,
} from '../../../functions/observability/transition-metrics';

interface EmfDocument {
  _aws: {
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[];
  };
  [key: string]: unknown;
}

/** Runs `fn` and returns the EMF documents it printed on stdout. */
function captureEmf(fn: () => void): EmfDocument[] {
  const lines: string[] = [];
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return lines
    .join('')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EmfDocument)
    .filter((doc) => doc._aws);
}

function summary(doc: EmfDocument) {
  const [directive] = doc._aws.CloudWatchMetrics;
  const dimensionKeys = directive.Dimensions.flat();
  return {
    namespace: directive.Namespace,
    dimensions: directive.Dimensions,
    metrics: directive.Metrics.map((m) => m.Name),
    values: Object.fromEntries(dimensionKeys.map((k) => [k, doc[k]])),
    value: doc[directive.Metrics[0].Name],
  };
}

describe('transition metrics (EMF)', () => {
  const env = { ...process.env };
  beforeEach(() => {
    // A service name would otherwise become a `service` dimension.
    process.env.POWERTOOLS_SERVICE_NAME = 'admission';
    delete process.env.POWERTOOLS_DEV;
    delete process.env.POWERTOOLS_METRICS_DISABLED;
  });
  afterAll(() => {
    process.env = env;
  });

  it('counts a transition with the dimensions Stage and TopUnit only', () => {
    const metrics = createPipelineMetrics();
    const docs = captureEmf(() =>
      recordTransition(metrics, {
        fromStage: 'APPLICATION',
        toStage: 'BACKGROUND_CHECK',
        topUnitId: 'hn-thanhtri',
      }),
    );
    expect(docs.map(summary)).toEqual([
      {
        namespace: PIPELINE_NAMESPACE,
        dimensions: [['Stage', 'TopUnit']],
        metrics: ['Transitions'],
        values: { Stage: 'BACKGROUND_CHECK', TopUnit: 'hn-thanhtri' },
        value: 1,
      },
    ]);
    // Nothing else rides along: no service, no candidate, no cell.
    expect(Object.keys(docs[0]).sort()).toEqual(['Stage', 'TopUnit', 'Transitions', '_aws']);
  });

  it.each([
    ['CEREMONY', 'ADMITTED', ['Transitions', 'Admitted']],
    ['CELL_RESOLUTION', 'REJECTED', ['Transitions', 'Rejected']],
    ['NOMINATED', 'WITHDRAWN', ['Transitions', 'Withdrawn']],
    ['AWARENESS_CLASS', 'AWARENESS_CLASS', ['Transitions', 'Repeats']],
    [null, 'NOMINATED', ['Transitions']],
  ])('%s → %s emits %p', (fromStage, toStage, names) => {
    const docs = captureEmf(() =>
      recordTransition(createPipelineMetrics(), { fromStage, toStage, topUnitId: 'hn' }),
    ).map(summary);
    expect(docs.map((d) => d.metrics[0])).toEqual(names);
    for (const doc of docs) {
      expect(doc.dimensions).toEqual([['Stage', 'TopUnit']]);
      expect(doc.values).toEqual({ Stage: toStage, TopUnit: 'hn' });
    }
  });

  it("leaves the caller's buffered metrics and default dimensions alone", () => {
    const metrics = new Metrics({ namespace: PIPELINE_NAMESPACE, defaultDimensions: { env: 'x' } });
    metrics.addMetric('Other', 'Count', 1);
    captureEmf(() =>
      recordTransition(metrics, { fromStage: null, toStage: 'NOMINATED', topUnitId: 'hn' }),
    );
    const [doc] = captureEmf(() => metrics.publishStoredMetrics());
    expect(summary(doc).metrics).toEqual(['Other']);
    expect(doc.env).toBe('x');
  });

  it('refuses a top unit that is not an id (a name, a person)', () => {
    expect(() =>
      recordTransition(createPipelineMetrics(), {
        fromStage: null,
        toStage: 'NOMINATED',
        topUnitId: 'Nguyễn Văn A',
      }),
    ).toThrow(RangeError);
  });

  it('adds an organisation-wide series to what alarms watch', () => {
    const docs = captureEmf(() => {
      const metrics = createPipelineMetrics();
      recordDeadlineBreaches(metrics, { stage: 'BACKGROUND_CHECK', topUnitId: 'hn', count: 3 });
      recordUnitsBehindPace(metrics, { topUnitId: 'hn', count: 2 });
      recordAttainment(metrics, {
        topUnitId: 'hn',
        quotaMetric: 'ADMITTED',
        issuerId: 'hn-tu',
        percent: 60,
      });
      recordAttainment(metrics, {
        topUnitId: 'hn',
        quotaMetric: 'ADMITTED',
        issuerId: 'hn-bcd',
        percent: null,
      });
    }).map(summary);
    expect(docs).toEqual([
      {
        namespace: PIPELINE_NAMESPACE,
        dimensions: [['Stage', 'TopUnit'], []],
        metrics: ['DeadlineBreaches'],
        values: { Stage: 'BACKGROUND_CHECK', TopUnit: 'hn' },
        value: 3,
      },
      {
        namespace: PIPELINE_NAMESPACE,
        dimensions: [['TopUnit'], []],
        metrics: ['UnitsBehindPace'],
        values: { TopUnit: 'hn' },
        value: 2,
      },
      {
        namespace: PIPELINE_NAMESPACE,
        dimensions: [['TopUnit', 'QuotaMetric', 'Issuer']],
        metrics: ['AttainmentPercent'],
        values: { TopUnit: 'hn', QuotaMetric: 'ADMITTED', Issuer: 'hn-tu' },
        value: 60,
      },
    ]);
  });

  it('counts a breach once per step, at its reminder; each later notice is an escalation', () => {
    const docs = captureEmf(() => {
      const metrics = createPipelineMetrics();
      const facts = { stage: 'CELL_RESOLUTION', topUnitId: 'hn' };
      recordDeadlineNotice(metrics, { ...facts, kind: 'REMINDER' });
      recordDeadlineNotice(metrics, { ...facts, kind: 'ESCALATION' });
      recordDeadlineNotice(metrics, { ...facts, kind: 'ESCALATION' });
    }).map(summary);
    expect(docs.map((d) => [d.metrics, d.dimensions, d.value])).toEqual([
      [['DeadlineBreaches'], [['Stage', 'TopUnit'], []], 1],
      [['Escalations'], [['Stage', 'TopUnit'], []], 1],
      [['Escalations'], [['Stage', 'TopUnit'], []], 1],
    ]);
  });

  it('publishes each resume pass organisation-wide, zeros included, under the empty dimension set', () => {
    const docs = captureEmf(() =>
      recordResumePass(createPipelineMetrics(), { failures: 0, probationRepairs: 2 }),
    ).map(summary);
    expect(docs.map((d) => [d.metrics, d.dimensions, d.value])).toEqual([
      [['ResumeFailures'], [[]], 0],
      [['ProbationRepairs'], [[]], 2],
    ]);
  });
});
