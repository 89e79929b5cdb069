import type { ColdStart } from './cold-start';
import type {
  CostLine,
  MeasuredUsage,
  PollingComparison,
  POLLING_MODEL,
  Prices,
  WAITING_DAYS,
} from './cost-model';
import type { ConsoleLoad } from './console-load';
import type { LogBytes, StackResources, WakeUpCost } from './national-inputs';
import type { ReportScaling } from './report-scaling';

/** What `npm run bench` measures (bench/results/latest.json); bench/render.ts renders it. */
export interface WalkRun {
  candidates: number;
  admitted: number;
  wallSeconds: number;
  candidatesPerMinute: number;
  latencyMs: Record<string, { count: number; p50: number; p95: number; p99: number }>;
  unexpected: Record<string, number>;
  getsPerCandidate: number;
  usage: MeasuredUsage;
  /** The run's GETs replaced by `readsPerCandidate` reads (see the model). */
  modelledUsage: MeasuredUsage;
  perFunction: Record<string, { invocations: number; gbSeconds: number; memoryMB: number }>;
  stepsWaited: Record<string, number>;
  readUnitsPerGet: number;
  gbSecondsPerGet: number;
  unmeasuredDynamoRequests: number;
  /** DynamoDB's transaction conflicts (emulated) that the walk met, and how many were retried. */
  conflicts: { transactionsCanceled: number; writesRefused: number; retried: number };
  /** Writes the service accepted (nominations and actions): the walk's transitions. */
  transitions?: number;
  /** Latency of the accepted writes together (p50, p99, ms). */
  writeLatencyMs?: { p50: number; p99: number };
  /** Answers with a 5xx status (each also tallied in `unexpected` when it was a write). */
  serverErrors?: number;
  /** Lambda sandboxes: cold starts and the most invocations at once, per function. */
  sandboxes: Record<string, { coldStarts: number; maxConcurrent: number }>;
}

export interface BenchResult {
  generatedAt: string;
  machine: { cpus: number; node: string; platform: string };
  options: { candidates: number; concurrency: number; repeat: number; readsPerCandidate: number };
  runs: WalkRun[];
  median: {
    candidatesPerMinute: number;
    latencyMs: Record<string, { p50: number; p95: number; p99: number }>;
    perCandidate: Record<keyof Omit<MeasuredUsage, 'admitted'>, number>;
    asRunPerCandidate: Record<keyof Omit<MeasuredUsage, 'admitted'>, number>;
  };
  cost: { lines: CostLine[]; usdPer1000: number; prices: Prices };
  polling: PollingComparison & {
    model: typeof POLLING_MODEL;
    waitingDays: typeof WAITING_DAYS;
  };
  reportScaling: ReportScaling;
  coldStarts: ColdStart[] | { skipped: true };
  /** The console's initial JavaScript, gzipped, against its budget (absent in older results). */
  consoleLoad?: ConsoleLoad & { measuredAt: string };
  /**
   * What the national bill needs besides the walk (bench/national-inputs.ts): one deadline
   * wake-up measured on the first run's runtime, and the stack's monthly resources. Absent in
   * results older than these measurements.
   */
  national?: {
    /** When, and on which run, they were measured (they may be newer than the walk). */
    measuredAt: string;
    run: string;
    wakeUp: WakeUpCost;
    /** Log bytes per unit of work of the first run's walk. */
    logBytes: LogBytes;
    stack: StackResources;
  };
  /** When the cold starts were measured by `--cold-start-only`, apart from the rest. */
  coldStartsMeasured?: { at: string; node: string };
}
