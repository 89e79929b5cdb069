/**
 * What an admitted candidate costs, from counts a benchmark run measured, at the list prices of
 * bench/prices.json; and what the common polling design would cost for the same waits.
 */
import prices from './prices.json';

export type Prices = typeof prices;

/** Everything measured for the whole run, divided by the admitted candidates later. */
export interface MeasuredUsage {
  admitted: number;
  stateTransitions: number;
  lambdaInvocations: number;
  lambdaGbSeconds: number;
  readRequestUnits: number;
  writeRequestUnits: number;
  snsPublishes: number;
  apiRequests: number;
}

export interface CostLine {
  item: string;
  perCandidate: number;
  usdPer1000: number;
}

export function costPer1000(usage: MeasuredUsage, p: Prices = prices): CostLine[] {
  const per = (value: number) => value / usage.admitted;
  const q = p.prices;
  const lines: [string, number, number][] = [
    [
      'Step Functions state transitions',
      per(usage.stateTransitions),
      q.stepFunctionsStandardPerStateTransition.usd,
    ],
    ['Lambda requests', per(usage.lambdaInvocations), q.lambdaPerRequest.usd],
    ['Lambda GB-seconds (arm64)', per(usage.lambdaGbSeconds), q.lambdaPerGbSecondArm64.usd],
    [
      'DynamoDB write request units',
      per(usage.writeRequestUnits),
      q.dynamoDbOnDemandPerMillionWriteRequestUnits.usd / 1e6,
    ],
    [
      'DynamoDB read request units',
      per(usage.readRequestUnits),
      q.dynamoDbOnDemandPerMillionReadRequestUnits.usd / 1e6,
    ],
    ['SNS publishes', per(usage.snsPublishes), q.snsPerMillionPublishes.usd / 1e6],
    [
      'API Gateway HTTP API requests',
      per(usage.apiRequests),
      q.apiGatewayHttpApiPerMillionRequests.usd / 1e6,
    ],
  ];
  return lines.map(([item, perCandidate, unitPrice]) => ({
    item,
    perCandidate,
    usdPer1000: perCandidate * unitPrice * 1000,
  }));
}

/**
 * How long a candidate waits at each human step in the real world, in calendar days. The run
 * says which steps each candidate waited at (and how often); these say for how long.
 */
export const WAITING_DAYS: Record<string, { days: number; why: string }> = {
  NOMINATED: { days: 14, why: 'the cell confirms the nomination at its next monthly meeting' },
  AWARENESS_CLASS: {
    days: 30,
    why: 'the awareness class is scheduled by the committee; certificate after the class',
  },
  APPLICATION: { days: 14, why: 'application and background form handed in' },
  BACKGROUND_CHECK: { days: 30, why: 'background verification (thẩm tra lý lịch), about a month' },
  SPONSORSHIP: { days: 14, why: 'two sponsors write their assessments' },
  CELL_RESOLUTION: { days: 30, why: 'the next monthly cell meeting votes' },
  GRASSROOTS_RESOLUTION: { days: 30, why: 'the grassroots committee meets monthly' },
  ADMISSION_DECISION: {
    days: 84,
    why: 'the competent committee decides within 60 working days (≈ 84 calendar days)',
  },
  CEREMONY: { days: 30, why: 'the ceremony is held within 30 days of the decision' },
};

/** The polling alternative: a Wait (1 h) → Task (check) → Choice loop per human step. */
export const POLLING_MODEL = {
  intervalHours: 1,
  /** Wait + Task + Choice entered once per iteration. */
  transitionsPerCheck: 3,
  /** One strongly consistent GetItem of the candidate item (≤ 4 KB). */
  readUnitsPerCheck: 1,
};

export interface PollingComparison {
  hoursWaitedPerCandidate: number;
  checksPerCandidate: number;
  polling: CostLine[];
  pollingUsdPer1000: number;
  callbackUsdPer1000: number;
  ratio: number;
}

/**
 * `stepsWaited`: how many times the run parked a candidate at each stage (per candidate);
 * `checkGbSeconds`: the measured billed GB-seconds of one small read-only invocation (the check
 * Lambda), taken from the run's GetCandidate invocations.
 */
export function pollingAlternative(
  callback: CostLine[],
  stepsWaited: Record<string, number>,
  checkGbSeconds: number,
  p: Prices = prices,
): PollingComparison {
  const hours = Object.entries(stepsWaited).reduce(
    (sum, [stage, times]) => sum + times * (WAITING_DAYS[stage]?.days ?? 0) * 24,
    0,
  );
  const checks = hours / POLLING_MODEL.intervalHours;
  // The callback design's own costs stay (the same actions are applied); polling adds the loop.
  const loop: MeasuredUsage = {
    admitted: 1,
    stateTransitions: checks * POLLING_MODEL.transitionsPerCheck,
    lambdaInvocations: checks,
    lambdaGbSeconds: checks * checkGbSeconds,
    readRequestUnits: checks * POLLING_MODEL.readUnitsPerCheck,
    writeRequestUnits: 0,
    snsPublishes: 0,
    apiRequests: 0,
  };
  const added = costPer1000(loop, p).map((line) => ({ ...line, item: `polling: ${line.item}` }));
  const callbackUsdPer1000 = sum(callback);
  const pollingUsdPer1000 = callbackUsdPer1000 + sum(added);
  return {
    hoursWaitedPerCandidate: hours,
    checksPerCandidate: checks,
    polling: added,
    pollingUsdPer1000,
    callbackUsdPer1000,
    ratio: pollingUsdPer1000 / callbackUsdPer1000,
  };
}

export function sum(lines: CostLine[]): number {
  return lines.reduce((total, line) => total + line.usdPer1000, 0);
}
