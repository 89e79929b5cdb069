import type { NationalResult, WalkSummary } from './result';

const n = (value: number, digits = 1) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits }) : '–';
const met = (ok: boolean) => (ok ? 'met' : '**not met**');

/** The targets of the national benchmark, each with what was measured and whether it is met. */
export function nationalTargets(r: NationalResult) {
  const one = r.walks.oneProvince;
  const worstShare = Math.max(r.walks.spread.retriedShare, one.retriedShare);
  return [
    {
      target: `503s in the one-province walk at concurrency ${r.options.concurrency}: 0`,
      measured: String(countStatus(one, 503)),
      met: countStatus(one, 503) === 0,
    },
    {
      target: 'retried conflicts < 1% of transitions',
      measured: `${n(r.walks.spread.retriedShare * 100, 2)}% spread, ${n(one.retriedShare * 100, 2)}% one province`,
      met: worstShare < 0.01,
    },
    nationRatioTarget(r),
    {
      target: 'repair sweep reads in proportion to the files in flight',
      measured: `${n(r.repairSweep.readUnitsPerFile, 3)} read units per file in flight`,
      met: r.repairSweep.read === r.repairSweep.inFlight,
    },
    {
      target: 'audit export of one cell reads ≤ 2× the bytes it returns',
      measured: `${n(r.audit.cellReadBytesPerReturnedByte, 2)}×`,
      met: r.audit.cell.status === 200 && r.audit.cellReadBytesPerReturnedByte <= 2,
    },
  ];
}

/**
 * The national report's ratio of read units, as DynamoDB bills them when the run measured it
 * (DynamoDB Local reports 0 for a read that finds nothing, DynamoDB bills its minimum): at the
 * small size many units have no counts yet, so the reported figure grows with the population
 * for reads that cost the same.
 */
function nationRatioTarget(r: NationalResult) {
  const target = `national report read units at ${n(r.options.candidates, 0)} / at ${n(r.options.smallCandidates, 0)} ≤ 1.05`;
  const reported = r.quotaReports.nationReadUnitsRatio;
  const billed = r.quotaReports.nationBilledReadUnitsRatio;
  if (billed === undefined) {
    return { target, measured: n(reported, 3), met: reported <= 1.05 };
  }
  return {
    target,
    measured: `${n(billed, 3)} as DynamoDB bills reads (${n(reported, 3)} as DynamoDB Local reports them)`,
    met: billed <= 1.05,
  };
}

/** Answers with a given status the walk did not expect (tallied as `<request> <status> <code>`). */
function countStatus(w: WalkSummary, status: number): number {
  return Object.entries(w.unexpected)
    .filter(([key]) => key.split(' ')[1] === String(status))
    .reduce((sum, [, count]) => sum + count, 0);
}

/** bench/results/national.md, and the README's national block. */
export function renderNational(r: NationalResult): string {
  const o = r.options;
  const org = r.organisation;
  const s = r.seeding;
  const q = r.quotaReports;
  const walkRow = (w: WalkSummary) =>
    `| ${w.scope} | ${w.admitted}/${w.candidates} | ${n(w.candidatesPerMinute)} | ${n(w.transitions, 0)} | ` +
    `${n(w.transitionLatencyMs.p50, 0)} | ${n(w.transitionLatencyMs.p99, 0)} | ` +
    `${w.conflicts.transactionsCanceled} + ${w.conflicts.writesRefused} / ${w.conflicts.retried} (${n(w.retriedShare * 100, 2)}%) | ` +
    `${countStatus(w, 503)} | ${w.serverErrors} |`;
  // Read units as DynamoDB bills them, in a column of their own when the run measured them.
  const billed = q.full.nation.billedReadUnits !== undefined;
  const billedCell = (p: { billedReadUnits?: number }) =>
    billed ? ` ${n(p.billedReadUnits ?? NaN)} |` : '';
  const readRow = (what: string, p: NationalResult['tasks']) =>
    `| ${what} | ${p.status} | ${n(p.medianMs, 0)} | ${n(p.readUnits)} |${billedCell(p)} ${n(p.bytes, 0)} |`;
  const out = [
    `Run ${r.generatedAt.slice(0, 10)} on ${r.machine.cpus} CPUs (${r.machine.cpuModel}, load average ` +
      `${r.machine.loadAverage.join(' / ')} at the end, the machine shared), Node ${r.machine.node}; ` +
      `local runtime with transaction conflicts emulated; ${n(r.phases.total, 0)} s in all.`,
    '',
    `**Organisation:** ${org.provincialCommittees} provincial-level committees and ${org.centralBlocs} central ` +
      `blocs (bench/national/provinces.json), ${n(org.communes, 0)} communes, ${n(org.grassroots, 0)} grassroots ` +
      `organisations and ${n(org.cells, 0)} cells (lib/capacity-model.ts). Every top unit and every unit directly under one ` +
      `(the communes, the central blocs' grassroots organisations) is written, so a report reads as many units ` +
      `at any population; other grassroots organisations and cells only where a seeded or walked file is (${n(org.unitsCreated, 0)} units in all).`,
    '',
    `**Population:** ${n(s.candidates, 0)} files in flight (${Object.entries(s.byStage)
      .map(([stage, count]) => `${stage} ${n(count, 0)}`)
      .join(
        ', ',
      )}), seeded through the onboarding replay and the candidate store's item builders ` +
      `(puts batched, counters merged) in ${n(s.seconds, 0)} s (${n(s.candidatesPerSecond, 0)} files/s, ` +
      `${n(s.itemsWritten, 0)} items of which ${n(s.ledgerItems, 0)} ledger items)` +
      (s.historyFor && s.historyEventsLeftOut
        ? `; history events for the ${s.historyFor} only, which the audit probes read ` +
          `(${n(s.historyEventsLeftOut, 0)} events of other files not written; \`--full-history\` writes them)`
        : '') +
      `${Object.keys(s.refused).length ? `; refused by the replay: ${JSON.stringify(s.refused)}` : ''}.`,
    '',
    `**Walks to ADMITTED** at concurrency ${o.concurrency} (${o.walks} candidates each; transitions are the accepted ` +
      `nominations and actions; conflicts: transactions cancelled + writes refused / retried inside the functions):`,
    '',
    '| traffic | admitted | per minute | transitions | p50 ms | p99 ms | conflicts / retried | 503 | 5xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    walkRow(r.walks.spread),
    walkRow(r.walks.oneProvince),
    '',
    billed
      ? `**Reads** (median of the repeats, the first dropped; read units as DynamoDB Local reports them, and as DynamoDB bills them: a GetItem, Query or Scan costs at least ½ unit, 1 if consistent, where DynamoDB Local reports 0 for a read that finds nothing):`
      : `**Reads** (median of the repeats, the first dropped; read units as DynamoDB Local reports them):`,
    '',
    billed
      ? '| read | status | ms | read units | billed | bytes |'
      : '| read | status | ms | read units | bytes |',
    billed ? '| --- | ---: | ---: | ---: | ---: | ---: |' : '| --- | ---: | ---: | ---: | ---: |',
    `| quota report, nation (${q.small.nation.reports} top units), ${n(q.small.candidates, 0)} files | ${q.small.nation.statuses.join(',')} | ${n(q.small.nation.totalMs, 0)} | ${n(q.small.nation.readUnits)} |${billedCell(q.small.nation)} ${n(q.small.nation.bytes, 0)} |`,
    `| quota report, nation (${q.full.nation.reports} top units), ${n(q.full.candidates, 0)} files | ${q.full.nation.statuses.join(',')} | ${n(q.full.nation.totalMs, 0)} | ${n(q.full.nation.readUnits)} |${billedCell(q.full.nation)} ${n(q.full.nation.bytes, 0)} |`,
    readRow(`quota report, ${q.full.province.label}`, q.full.province),
    readRow(`quota report, ${q.full.cell.label}`, q.full.cell),
    readRow(
      `GET /tasks, committee officer of ${o.province}${r.tasks.items !== undefined ? ` (${r.tasks.items} items)` : ''}`,
      r.tasks,
    ),
    readRow(`GET /audit, ${r.audit.cell.label}`, r.audit.cell),
    readRow(`GET /audit, ${r.audit.province.label}`, r.audit.province),
    '',
    `**Repair sweep:** one pass over the in-flight index read ${n(r.repairSweep.read, 0)} files ` +
      `(${n(r.repairSweep.inFlight, 0)} seeded in flight) in ${n(r.repairSweep.seconds)} s, ` +
      `${n(r.repairSweep.readUnits)} read units (${n(r.repairSweep.readUnitsPerFile, 3)} per file).`,
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    ...nationalTargets(r).map((t) => `| ${t.target} | ${t.measured} | ${met(t.met)} |`),
    '',
    `Phases (s): ${Object.entries(r.phases)
      .map(([name, seconds]) => `${name} ${n(seconds)}`)
      .join('; ')}.`,
    '',
  ];
  return out.join('\n');
}
