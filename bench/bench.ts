/**
 * npm run bench: walk candidates to ADMITTED on the local runtime over HTTP, measure throughput,
 * latency, and what the run consumed (state transitions, Lambda GB-seconds, DynamoDB capacity
 * units, SNS publishes), price it (bench/prices.json), compare with a polling design, measure the
 * quota report at two sizes and the cold start of every bundle. Writes bench/results/latest.{json,md}.
 *
 *   npm run bench -- [--candidates 500] [--concurrency 8] [--repeat 3] [--no-synth]
 *
 * `--candidates` is the total: each of the `--repeat` runs walks candidates / repeat of them on a
 * fresh runtime (500 × 3 full runs take ~16 minutes on 2 cores; this keeps the default near 7).
 *                    [--skip-report] [--skip-cold-start] [--cold-start-runs 7]
 *
 *   npm run bench -- --cold-start-only [--no-synth] [--cold-start-runs 7]
 *
 * measures only the bundles (size and module load, a minute) and the console's initial load, and
 * replaces them in the last results, which keep their walk figures.
 *
 *   npm run bench -- --console-only
 *
 * builds the console and measures only its initial load (gzipped JavaScript against the budget).
 *
 *   npm run bench -- --national-only [--no-synth] [--national-candidates 10]
 *
 * measures only the national bill's inputs (bench/national-inputs.ts: log bytes of a small walk,
 * one deadline wake-up, the template's monthly resources) on a fresh runtime, a few minutes, and
 * replaces them in the last results.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { README_PATH, withGeneratedBlock } from '../bin/readme-blocks';
import { DEFAULT_CDK_OUT, type LocalRuntime, startLocalRuntime } from '../lib/local/runtime';
import { synthesize } from '../lib/local/synthesize';
import { measureColdStarts } from './cold-start';
import { measureConsoleLoad } from './console-load';
import { median } from './median';
import {
  costPer1000,
  type MeasuredUsage,
  pollingAlternative,
  POLLING_MODEL,
  sum,
  WAITING_DAYS,
} from './cost-model';
import prices from './prices.json';
import {
  countStackResources,
  logBytesBefore,
  measureLogBytes,
  measureWakeUp,
} from './national-inputs';
import { measureReportScaling, type ReportScaling } from './report-scaling';
import { renderMarkdown } from './render';
import type { BenchResult, WalkRun } from './result';
import { walk } from './walk';
import { CONTENTION_SANDBOXES_PER_FUNCTION } from '../lib/local/function-host';

const RESULTS = path.join(__dirname, 'results');

const { values: args } = parseArgs({
  options: {
    candidates: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '8' },
    repeat: { type: 'string', default: '3' },
    'no-synth': { type: 'boolean', default: false },
    'skip-report': { type: 'boolean', default: false },
    'skip-cold-start': { type: 'boolean', default: false },
    'cold-start-runs': { type: 'string', default: '7' },
    'reads-per-candidate': { type: 'string', default: '10' },
    'cold-start-only': { type: 'boolean', default: false },
    'console-only': { type: 'boolean', default: false },
    'national-only': { type: 'boolean', default: false },
    'national-candidates': { type: 'string', default: '10' },
  },
});

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  if (args['cold-start-only']) return coldStartOnly();
  if (args['console-only']) return consoleOnly();
  if (args['national-only']) return nationalOnly();
  const options = {
    candidates: Number(args.candidates),
    concurrency: Number(args.concurrency),
    repeat: Number(args.repeat),
    readsPerCandidate: Number(args['reads-per-candidate']),
  };
  if (!args['no-synth']) {
    log('cdk synth…');
    synthesize();
  }
  const runs: WalkRun[] = [];
  let national: BenchResult['national'];
  for (let run = 1; run <= options.repeat; run++) {
    const runtime = await benchRuntime();
    try {
      log(
        `walk ${run}/${options.repeat}: ${Math.ceil(options.candidates / options.repeat)} candidates, concurrency ${options.concurrency}`,
      );
      const logsBefore = logBytesBefore(runtime);
      const result = await walk(runtime, {
        ...options,
        candidates: Math.ceil(options.candidates / options.repeat),
        run,
      });
      if (run === 1) {
        national = await measureNational(runtime, logsBefore, result, `run 1 of ${options.repeat}`);
      }
      const coldStarts = Object.values(result.sandboxes).reduce((n, s) => n + s.coldStarts, 0);
      log(
        `  ${result.admitted} admitted in ${result.wallSeconds.toFixed(1)} s (${result.candidatesPerMinute.toFixed(1)}/min); ` +
          `conflicts: ${result.conflicts.transactionsCanceled} transactions cancelled, ` +
          `${result.conflicts.writesRefused} writes refused, ${result.conflicts.retried} retried; ` +
          `${coldStarts} cold starts`,
      );
      runs.push(result);
    } finally {
      await runtime.stop();
    }
  }

  const keys = Object.keys(runs[0].usage).filter((k) => k !== 'admitted') as (keyof Omit<
    MeasuredUsage,
    'admitted'
  >)[];
  const perCandidate = (pick: (r: WalkRun) => MeasuredUsage) =>
    Object.fromEntries(
      keys.map((k) => [k, median(runs.map((r) => pick(r)[k] / Math.max(1, r.admitted)))]),
    ) as BenchResult['median']['perCandidate'];
  const modelled = perCandidate((r) => r.modelledUsage);
  const labels = Object.keys(runs[0].latencyMs);
  const latencyMs = Object.fromEntries(
    labels.map((label) => [
      label,
      {
        p50: median(runs.map((r) => r.latencyMs[label]?.p50 ?? 0)),
        p95: median(runs.map((r) => r.latencyMs[label]?.p95 ?? 0)),
        p99: median(runs.map((r) => r.latencyMs[label]?.p99 ?? 0)),
      },
    ]),
  );
  const lines = costPer1000({ admitted: 1, ...modelled });
  const polling = pollingAlternative(
    lines,
    runs[0].stepsWaited,
    median(runs.map((r) => r.gbSecondsPerGet)),
  );

  let reportScaling: ReportScaling = { status: 'skipped' };
  if (!args['skip-report']) {
    log('quota report at 1,000 and 20,000 candidates…');
    reportScaling = await measureReportScaling({ sizes: [1_000, 20_000], repeat: 5, log });
  }
  let coldStarts: BenchResult['coldStarts'] = { skipped: true };
  if (!args['skip-cold-start']) {
    log('cold starts…');
    coldStarts = measureColdStarts({
      cdkOut: DEFAULT_CDK_OUT,
      runs: Number(args['cold-start-runs']),
    });
  }

  const result: BenchResult = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: (await import('node:os')).cpus().length,
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    options,
    runs,
    median: {
      candidatesPerMinute: median(runs.map((r) => r.candidatesPerMinute)),
      latencyMs,
      perCandidate: modelled,
      asRunPerCandidate: perCandidate((r) => r.usage),
    },
    cost: { lines, usdPer1000: sum(lines), prices },
    polling: { ...polling, model: POLLING_MODEL, waitingDays: WAITING_DAYS },
    reportScaling,
    coldStarts,
    consoleLoad: await consoleLoad(),
    ...(national ? { national } : {}),
  };
  writeResults(result);
}

/** Log bytes of the walk just done, then one wake-up: last on a runtime (it moves the clock). */
async function measureNational(
  runtime: LocalRuntime,
  logsBefore: Record<string, number>,
  walked: WalkRun,
  run: string,
): Promise<NonNullable<BenchResult['national']>> {
  const logBytes = measureLogBytes(runtime, logsBefore, walked.usage);
  log('  one deadline wake-up (clock moved by the wait cap)…');
  return {
    measuredAt: new Date().toISOString(),
    run: `${run}, ${walked.admitted} of ${walked.candidates} candidates admitted`,
    wakeUp: await measureWakeUp(runtime),
    logBytes,
    stack: countStackResources(DEFAULT_CDK_OUT),
  };
}

/**
 * The last results with fresh national inputs: a small walk on a fresh runtime (its log bytes),
 * one wake-up, the template's resources. The walk's own figures are kept.
 */
async function nationalOnly(): Promise<void> {
  const last = lastResults();
  const runtime = await benchRuntime();
  try {
    const candidates = Number(args['national-candidates']);
    log(`national inputs: a walk of ${candidates} candidates, then one wake-up…`);
    const logsBefore = logBytesBefore(runtime);
    const walked = await walk(runtime, {
      candidates,
      concurrency: 2,
      run: 1,
      readsPerCandidate: last.options.readsPerCandidate,
    });
    writeResults({
      ...last,
      national: await measureNational(runtime, logsBefore, walked, 'a separate walk'),
    });
  } finally {
    await runtime.stop();
  }
}

/** A fresh runtime measuring what AWS bills, with DynamoDB's transaction conflicts (retried). */
function benchRuntime(): Promise<LocalRuntime> {
  return startLocalRuntime({
    cdkOut: DEFAULT_CDK_OUT,
    port: 0,
    faultProxy: true,
    recordConsumedCapacity: true,
    conflicts: true,
    sandboxesPerFunction: CONTENTION_SANDBOXES_PER_FUNCTION,
  });
}

/** The last results (synthesized first unless --no-synth): the partial modes update them. */
function lastResults(): BenchResult {
  if (!args['no-synth']) {
    log('cdk synth…');
    synthesize();
  }
  return readLastResults();
}

/** The last results with a fresh cold-start table. */
async function coldStartOnly(): Promise<void> {
  const last = lastResults();
  log('cold starts…');
  const coldStarts = measureColdStarts({
    cdkOut: DEFAULT_CDK_OUT,
    runs: Number(args['cold-start-runs']),
  });
  writeResults({
    ...last,
    coldStarts,
    coldStartsMeasured: { at: new Date().toISOString(), node: process.version },
    consoleLoad: await consoleLoad(),
  });
}

/** The last results with a fresh measure of the console's initial load. */
async function consoleOnly(): Promise<void> {
  writeResults({ ...readLastResults(), consoleLoad: await consoleLoad() });
}

async function consoleLoad(): Promise<BenchResult['consoleLoad']> {
  log('console initial load…');
  return { ...(await measureConsoleLoad()), measuredAt: new Date().toISOString() };
}

function readLastResults(): BenchResult {
  return JSON.parse(fs.readFileSync(path.join(RESULTS, 'latest.json'), 'utf8')) as BenchResult;
}

function writeResults(result: BenchResult): void {
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  const markdown = renderMarkdown(result);
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), markdown);
  console.log(`\n${markdown}`);
  // The README's benchmark section is generated from these results (a unit test checks it).
  fs.writeFileSync(README_PATH, withGeneratedBlock(fs.readFileSync(README_PATH, 'utf8'), 'bench'));
  console.log('README.md: benchmark tables regenerated');
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  });
}
