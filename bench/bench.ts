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
 * measures only the bundles (size and module load, a minute) and replaces the cold-start table
 * of the last results, which keep their walk figures.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { README_PATH, withGeneratedBlock } from '../bin/readme-blocks';
import { DEFAULT_CDK_OUT, startLocalRuntime } from '../lib/local/runtime';
import { synthesize } from '../lib/local/synthesize';
import { measureColdStarts } from './cold-start';
import {
  costPer1000,
  type MeasuredUsage,
  pollingAlternative,
  POLLING_MODEL,
  sum,
  WAITING_DAYS,
} from './cost-model';
import prices from './prices.json';
import { measureReportScaling, type ReportScaling } from './report-scaling';
import { renderMarkdown } from './render';
import type { BenchResult, WalkRun } from './result';
import { median, walk } from './walk';

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
  },
});

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  if (args['cold-start-only']) return coldStartOnly();
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
  for (let run = 1; run <= options.repeat; run++) {
    const runtime = await startLocalRuntime({
      cdkOut: DEFAULT_CDK_OUT,
      port: 0,
      faultProxy: true,
      recordConsumedCapacity: true,
      // DynamoDB's transaction conflicts, as on AWS: the functions retry them.
      conflicts: true,
    });
    try {
      log(
        `walk ${run}/${options.repeat}: ${Math.ceil(options.candidates / options.repeat)} candidates, concurrency ${options.concurrency}`,
      );
      const result = await walk(runtime, {
        ...options,
        candidates: Math.ceil(options.candidates / options.repeat),
        run,
      });
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
  };
  writeResults(result);
}

/** The last results with a fresh cold-start table. */
async function coldStartOnly(): Promise<void> {
  if (!args['no-synth']) {
    log('cdk synth…');
    synthesize();
  }
  const last = JSON.parse(
    fs.readFileSync(path.join(RESULTS, 'latest.json'), 'utf8'),
  ) as BenchResult;
  log('cold starts…');
  const coldStarts = measureColdStarts({
    cdkOut: DEFAULT_CDK_OUT,
    runs: Number(args['cold-start-runs']),
  });
  writeResults({
    ...last,
    coldStarts,
    coldStartsMeasured: { at: new Date().toISOString(), node: process.version },
  });
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
