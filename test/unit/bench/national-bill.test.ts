import {
  billInputsOf,
  customMetricSeries,
  filesInFlight,
  nationalBill,
  type NationalBillInputs,
} from '../../../bench/national-bill';
import type { BenchResult } from '../../../bench/result';
import { wakeUpsOverWaits } from '../../../bench/wake-ups';
import { HUMAN_STAGE_IDS, TERMINAL_STAGE_IDS } from '../../../functions/domain/stage-ids';
import { capacityModel, NATIONAL_CAPACITY_MODEL } from '../../../lib/capacity-model';
import prices from '../../../bench/prices.json';

/** The national bill: wake-ups from the deadline planner, every line priced, totals that add up. */

const q = prices.prices;
const walk = {
  stateTransitions: 30,
  lambdaInvocations: 40,
  lambdaGbSeconds: 3,
  readRequestUnits: 60,
  writeRequestUnits: 400,
  snsPublishes: 9,
  apiRequests: 20,
};
const wakeUp = {
  candidates: 20,
  stateTransitions: 3,
  lambdaInvocations: 2,
  lambdaGbSeconds: 0.1,
  readRequestUnits: 4,
  writeRequestUnits: 6,
  snsPublishes: 0,
  logBytes: 2000,
};
const inputs = (fields: Partial<NationalBillInputs> = {}): NationalBillInputs => ({
  walk,
  perFunction: {},
  sweepUnitsPerFileInFlight: 1,
  waits: { NOMINATED: { days: 30 } },
  ...fields,
});

describe('deadline wake-ups over the waits', () => {
  it('wakes a stage without a deadline once a week, never on the day it is left', () => {
    const [thirty] = wakeUpsOverWaits(['AWARENESS_CLASS'], { AWARENESS_CLASS: { days: 30 } });
    expect(thirty).toEqual({ stage: 'AWARENESS_CLASS', waitDays: 30, wakeUps: 4, notices: 0 });
    expect(wakeUpsOverWaits(['NOMINATED'], { NOMINATED: { days: 14 } })[0].wakeUps).toBe(1);
    expect(wakeUpsOverWaits(['NOMINATED'], { NOMINATED: { days: 6 } })[0].wakeUps).toBe(0);
  });

  it('adds the reminder and escalations of a decision that waits past its deadline', () => {
    const stages = ['CELL_RESOLUTION', 'GRASSROOTS_RESOLUTION', 'ADMISSION_DECISION'];
    const waits = (decisionDays: number) => ({
      CELL_RESOLUTION: { days: 30 },
      GRASSROOTS_RESOLUTION: { days: 30 },
      ADMISSION_DECISION: { days: decisionDays },
    });
    // 60 working days from the cell's meeting fall about 54 days into the decision's wait.
    const onTime = wakeUpsOverWaits(stages, waits(40))[2];
    expect(onTime.notices).toBe(0);
    expect(onTime.wakeUps).toBe(5);
    const late = wakeUpsOverWaits(stages, waits(84))[2];
    expect(late.notices).toBeGreaterThanOrEqual(1);
    expect(late.wakeUps).toBeGreaterThan(Math.floor(84 / 7) - 1);
  });
});

describe('custom metric series', () => {
  it('grow with the top units only, stage by top unit for transitions', () => {
    const national = customMetricSeries(NATIONAL_CAPACITY_MODEL);
    const transitions = national.find((m) => m.metric.startsWith('Transitions'))!;
    expect(transitions.series).toBe((HUMAN_STAGE_IDS.length + TERMINAL_STAGE_IDS.length) * 40);
    const one = customMetricSeries(
      capacityModel({ organisation: { provincialCommittees: 1, centralBlocs: 1 } }),
    );
    const total = (series: { series: number }[]) => series.reduce((n, m) => n + m.series, 0);
    // Only the org-wide series (4 jobs, 2 deadline totals, the behind-pace total, 1 filter) stay.
    expect(total(national) - 8).toBeCloseTo((total(one) - 8) * 20, 6);
  });
});

describe('national bill', () => {
  it('prices the wake-ups the planner counts at the measured cost of one', () => {
    const bill = nationalBill(inputs({ wakeUp }));
    expect(bill.wakeUpsPerCandidate).toBe(4);
    expect(bill.wakeUpBasis).toBe('measured');
    const line = (item: string) => bill.perAdmission.find((l) => l.item === item)!;
    expect(line('deadline wake-ups: state transitions')).toMatchObject({
      quantity: 12,
      usdPer1000: 12 * q.stepFunctionsStandardPerStateTransition.usd * 1000,
      basis: 'measured',
    });
    expect(line('deadline wake-ups: DynamoDB write request units').quantity).toBe(24);
    expect(line('walk: Step Functions state transitions').quantity).toBe(30);
  });

  it('falls back to a derived wake-up from the walk, and says so', () => {
    const bill = nationalBill(
      inputs({ perFunction: { WorkflowParkAtStageX: { invocations: 10, gbSeconds: 2 } } }),
    );
    expect(bill.wakeUpBasis).toBe('derived');
    const gbs = bill.perAdmission.find((l) => l.item.includes('wake-ups: Lambda GB-seconds'))!;
    // watch not measured: the park's 0.2 GB-s per invocation for both functions.
    expect(gbs.quantity).toBeCloseTo(4 * 0.4, 9);
  });

  it('counts log bytes of the walk, the wake-ups and the platform lines as GB ingested', () => {
    const logBytes = { perInvocation: 500, perApiRequest: 300, perStateTransition: 1000 };
    const bill = nationalBill(inputs({ wakeUp, logBytes }));
    const logs = bill.perAdmission.find((l) => l.item.startsWith('CloudWatch Logs'))!;
    const bytes = 40 * 500 + 20 * 300 + 30 * 1000 + 4 * 2000 + (40 + 4 * 2) * 330;
    expect(logs.quantity).toBeCloseTo(bytes / 1024 ** 3, 12);
    expect(
      nationalBill(inputs()).perAdmission.some((l) => l.item.startsWith('CloudWatch Logs')),
    ).toBe(false);
  });

  it('bills the month: Cognito per officer, metric series, the stack, the sweep by files in flight', () => {
    const stack = {
      alarms: 10,
      dashboards: 1,
      kmsKeys: 2,
      secrets: 1,
      metricFilters: 1,
      userPools: 1,
    };
    const bill = nationalBill(inputs({ wakeUp, stack }));
    const monthly = (prefix: string) => bill.monthly.find((l) => l.item.startsWith(prefix))!;
    expect(monthly('Cognito').usdPerMonth).toBeCloseTo(60_000 * q.cognitoPlusPerMau.usd, 6);
    expect(monthly('CloudWatch alarms').usdPerMonth).toBeCloseTo(
      10 * q.cloudWatchAlarmPerMonth.usd,
    );
    expect(monthly('KMS').usdPerMonth).toBe(2 * q.kmsKeyPerMonth.usd);
    const series = bill.metricSeries.reduce((n, m) => n + m.series, 0);
    expect(monthly('CloudWatch custom metric').quantity).toBe(series);

    const fewer = nationalBill(inputs({ wakeUp, stack, waits: { NOMINATED: { days: 1 } } }));
    expect(fewer.filesInFlight).toBeLessThan(bill.filesInFlight);
    expect(monthly('repair sweep: DynamoDB read').quantity).toBeGreaterThan(0);
  });

  it('adds up: per 1,000, all-in, the average and the busiest month', () => {
    const bill = nationalBill(inputs({ wakeUp }));
    const variable = bill.perAdmission.reduce((n, l) => n + l.usdPerMonth, 0);
    const fixed = bill.monthly.reduce((n, l) => n + l.usdPerMonth, 0);
    expect(bill.admissionsPerMonth).toBeCloseTo(200_000 / 12, 6);
    expect(variable).toBeCloseTo((bill.usdPer1000Admitted / 1000) * bill.admissionsPerMonth, 6);
    expect(bill.usdPerAverageMonth).toBeCloseTo(variable + fixed, 6);
    expect(bill.usdPerPeakMonth).toBeCloseTo(variable * 3 + fixed, 6);
    expect(bill.usdPer1000AllIn).toBeCloseTo(
      (bill.usdPerAverageMonth / bill.admissionsPerMonth) * 1000,
      6,
    );
  });

  it('files in flight follow the waits, the nominations per admission and probation', () => {
    const model = capacityModel({ admissionsPerYear: 365, nominationsPerAdmission: 1 });
    expect(filesInFlight({ A: { days: 10 } }, model)).toBeCloseTo(10 + 365, 6);
  });

  it('reads its inputs from a benchmark result, the national ones only when measured', () => {
    const stack = {
      alarms: 1,
      dashboards: 1,
      kmsKeys: 1,
      secrets: 1,
      metricFilters: 1,
      userPools: 1,
    };
    const logBytes = { perInvocation: 1, perApiRequest: 2, perStateTransition: 3 };
    const older = {
      median: { perCandidate: walk },
      runs: [{ perFunction: { F: { invocations: 1, gbSeconds: 1 } } }],
      polling: { waitingDays: { NOMINATED: { days: 7 } } },
    } as unknown as BenchResult;
    expect(billInputsOf(older, 1.05)).toEqual({
      walk,
      perFunction: { F: { invocations: 1, gbSeconds: 1 } },
      sweepUnitsPerFileInFlight: 1.05,
      waits: { NOMINATED: { days: 7 } },
    });
    const newer = {
      ...older,
      national: { measuredAt: '2026-12-06', run: 'run 1', wakeUp, logBytes, stack },
    } as BenchResult;
    expect(billInputsOf(newer, 1.05)).toMatchObject({ wakeUp, logBytes, stack });
  });
});
