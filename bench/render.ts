import type { BenchResult } from './result';
import { HAPPY_PATH } from '../test/e2e/support/happy-path';
import { renderNationalBill } from './render-national-bill';

const n = (value: number, digits = 1) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits }) : '–';
const usd = (value: number) => `$${value < 0.01 ? value.toFixed(5) : value.toFixed(4)}`;

/** bench/results/latest.md: the tables the README shows. */
export function renderMarkdown(r: BenchResult): string {
  const out: string[] = [];
  const o = r.options;
  out.push(
    `Run ${r.generatedAt.slice(0, 10)} on ${r.machine.cpus} CPUs, Node ${r.machine.node}: ` +
      `${o.candidates} candidates walked to ADMITTED in ${o.repeat} runs of ${r.runs[0].candidates} ` +
      `(each on a fresh runtime) at concurrency ${o.concurrency}; ` +
      `figures are medians over the ${o.repeat} runs.`,
    '',
    `**Throughput:** ${n(r.median.candidatesPerMinute)} candidates per minute ` +
      `(runs: ${r.runs.map((x) => n(x.candidatesPerMinute)).join(', ')}; ` +
      `every candidate ${r.runs.every((x) => x.admitted === x.candidates) ? 'admitted' : 'NOT admitted'}).`,
    '',
    // Results written before conflicts and sandboxes were measured say so, rather than 0.
    r.runs.every((x) => x.conflicts && x.sandboxes)
      ? `**Transaction conflicts** (emulated as DynamoDB has them, retried inside the functions): ` +
          r.runs
            .map(
              (x) =>
                `${x.conflicts.transactionsCanceled} cancelled + ${x.conflicts.writesRefused} ` +
                `refused, ${x.conflicts.retried} retried`,
            )
            .join('; ') +
          ` per run. **Lambda cold starts** per run: ` +
          r.runs
            .map((x) => Object.values(x.sandboxes).reduce((c, f) => c + f.coldStarts, 0))
            .join(', ') +
          '.'
      : '**Transaction conflicts and Lambda cold starts:** not measured in this run (it predates their emulation).',
    '',
    '| request | p50 ms | p95 ms | p99 ms |',
    '| --- | ---: | ---: | ---: |',
  );
  for (const [label, l] of Object.entries(r.median.latencyMs)) {
    out.push(
      `| ${label === 'GET' ? 'GET /candidates/{id}' : label} | ${n(l.p50)} | ${n(l.p95)} | ${n(l.p99)} |`,
    );
  }
  out.push(
    '',
    `**Cost per 1,000 admitted candidates** (us-east-1 list prices of ${r.cost.prices.compiledOn}, bench/prices.json):`,
    '',
    '| item | per candidate | USD per 1,000 |',
    '| --- | ---: | ---: |',
    ...r.cost.lines.map((l) => `| ${l.item} | ${n(l.perCandidate, 3)} | ${usd(l.usdPer1000)} |`),
    `| **total (callbacks)** | | **${usd(r.cost.usdPer1000)}** |`,
    '',
    `Measured: state transitions from the local Step Functions engine; Lambda invocations and ` +
      `billed GB-seconds (measured handler duration rounded up to 1 ms × the template's MemorySize); ` +
      `DynamoDB request units as DynamoDB (Local) reported them with ReturnConsumedCapacity: TOTAL ` +
      `(functions run with RECORD_CONSUMED_CAPACITY; idempotency records included); SNS publishes ` +
      `from the local SNS endpoint. Reads: the benchmark polls GET until each step is parked ` +
      `(${n(r.runs[0].getsPerCandidate)} GETs per candidate); the table counts ` +
      `${o.readsPerCandidate} reads per candidate instead (an officer opens the candidate once per ` +
      `step), each at the measured cost of one GET (${n(r.runs[0].readUnitsPerGet, 2)} RRU, ` +
      `${n(r.runs[0].gbSecondsPerGet * 1000, 2)} milli-GB-s). As run, with the polling: ` +
      `${n(r.median.asRunPerCandidate.apiRequests)} API requests, ` +
      `${n(r.median.asRunPerCandidate.readRequestUnits)} RRU and ` +
      `${n(r.median.asRunPerCandidate.lambdaInvocations)} invocations per candidate. ` +
      `Logs, wake-ups, Cognito, the repair sweep, metrics and the monthly resources are in the national bill below.`,
    '',
  );
  const p = r.polling;
  out.push(
    `**Polling instead of callbacks:** a Wait (1 h) → check Lambda → Choice loop at every human ` +
      `step. With the waits below, a candidate waits ${n(p.hoursWaitedPerCandidate, 0)} hours ` +
      `(${n(p.checksPerCandidate, 0)} checks, ${p.model.transitionsPerCheck} transitions and ` +
      `${p.model.readUnitsPerCheck} RRU each, each check billed like one measured GET invocation): ` +
      `**${usd(p.pollingUsdPer1000)}** per 1,000 admitted candidates against ` +
      `**${usd(p.callbackUsdPer1000)}** with callbacks — **${n(p.ratio, 0)}×**.`,
    '',
    '| step | assumed wait (days) | why |',
    '| --- | ---: | --- |',
    ...HAPPY_PATH.map((s) => {
      const w = p.waitingDays[s.stage];
      return `| ${s.stage} | ${w.days} | ${w.why} |`;
    }),
    '',
  );
  out.push(...renderNationalBill(r));
  const rs = r.reportScaling;
  out.push('**Quota report scaling:**');
  if (rs.status === 'measured') {
    out.push(
      '',
      `\`${rs.route}\` with counters seeded for each size (5 requests each, the first one dropped as a cold start):`,
      '',
      '| candidates | read units | median latency ms | response bytes |',
      '| ---: | ---: | ---: | ---: |',
      ...rs.sizes.map(
        (s) =>
          `| ${n(s.candidates, 0)} | ${n(s.readUnits)} | ${n(s.medianLatencyMs)} | ${n(s.bytes, 0)} |`,
      ),
      '',
      `Ratio 20,000 / 1,000: read units ${n(rs.readUnitsRatio, 2)}, latency ${n(rs.latencyRatio, 2)}.`,
      '',
    );
  } else {
    out.push('', `NOT MEASURED (${rs.status}${'reason' in rs ? `: ${rs.reason}` : ''}).`, '');
  }
  if ('skipped' in r.coldStarts) {
    out.push('**Cold start:** skipped.', '');
  } else {
    out.push(
      `**Cold start** (median of the runs of \`require(bundle)\` in a fresh Node process${r.coldStartsMeasured ? `; measured ${r.coldStartsMeasured.at.slice(0, 10)} on Node ${r.coldStartsMeasured.node}` : ''}):`,
      '',
      '| function | memory MB | bundle KB | require ms |',
      '| --- | ---: | ---: | ---: |',
      ...r.coldStarts.map(
        (c) =>
          `| ${c.function} | ${c.memoryMB} | ${n(c.bundleBytes / 1024, 0)} | ${c.error ? `error: ${c.error}` : n(c.medianRequireMs)} |`,
      ),
      '',
    );
  }
  const c = r.consoleLoad;
  if (c) {
    const verdict = c.gzipBytes <= c.budgetBytes ? 'within' : '**OVER**';
    out.push(
      `**Console initial load** (the scripts index.html loads and their static imports, gzipped; ` +
        `built ${c.measuredAt.slice(0, 10)}): **${n(c.gzipBytes / 1024)} KB** of JavaScript, ` +
        `${verdict} the ${n(c.budgetBytes / 1024, 0)} KB budget.`,
      '',
      '| script | KB | gzipped KB |',
      '| --- | ---: | ---: |',
      ...c.scripts.map((s) => `| ${s.file} | ${n(s.bytes / 1024)} | ${n(s.gzipBytes / 1024)} |`),
      '',
    );
  } else {
    out.push('**Console initial load:** not measured in this run.', '');
  }
  return out.join('\n');
}
