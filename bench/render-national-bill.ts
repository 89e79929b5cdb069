import { NATIONAL_CAPACITY_MODEL } from '../lib/capacity-model';
import { DIGEST_ASSUMPTIONS, digestRunUsage } from './digest-usage';
import { BILL_ASSUMPTIONS, billInputsOf, type BillLine, nationalBill } from './national-bill';
import prices from './prices.json';
import type { BenchResult } from './result';

const n = (value: number, digits = 1) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits });
const usd = (value: number) =>
  value >= 100
    ? `$${n(value, 0)}`
    : `$${value < 0.01 && value > 0 ? value.toFixed(5) : value.toFixed(value < 1 ? 4 : 2)}`;
const quantity = (line: BillLine) =>
  `${n(line.quantity, line.quantity < 1 ? 6 : line.quantity < 100 ? 2 : 0)} ${line.unit}`;

/** The README's "every line" tables: per 1,000 admitted and a month at national scale. */
export function renderNationalBill(r: BenchResult): string[] {
  const model = NATIONAL_CAPACITY_MODEL;
  const bill = nationalBill(billInputsOf(r), model);
  const wake = r.national?.wakeUp;
  const a = BILL_ASSUMPTIONS;
  const heavy = bill.wakeUps.filter((s) => s.notices > 0);
  const wakeUpsPer1000 = bill.perAdmission
    .filter((l) => l.item.startsWith('deadline wake-ups') || l.item.startsWith('overdue notices'))
    .reduce((sum, l) => sum + l.usdPer1000, 0);
  return [
    `**Every line, at national scale** (lib/capacity-model.ts: ${n(model.admissionsPerYear, 0)} ` +
      `admissions a year, ${n(bill.admissionsPerMonth, 0)} in an average month and ` +
      `×${model.peakMonthFactor} in the busiest; ${n(model.officers, 0)} officers; list prices of ` +
      `bench/prices.json, compiled ${prices.compiledOn}). The walk's lines are those above; the ` +
      `others are added here.`,
    '',
    `**Deadline wake-ups.** A waiting candidate's timer is capped at 7 days ` +
      `(\`MAX_WAIT_SECONDS\`, functions/domain/deadline-watch.ts), so the watch wakes it weekly, ` +
      `and at the reminder and escalation days of a stage with a deadline. Re-planning the waits ` +
      `above with the workflow's own planner: **${n(bill.wakeUpsPerCandidate, 0)} wake-ups per ` +
      `candidate**` +
      (heavy.length
        ? ` (${heavy.map((s) => `${s.stage}: ${s.wakeUps}, ${s.notices} of them reminders or escalations`).join('; ')})`
        : '') +
      `. One wake-up is ` +
      (wake
        ? `measured on the runtime (candidates parked at NOMINATED, the clock moved by the cap; ` +
          `divided by the ${wake.candidates} deadline checks it woke): ${n(wake.stateTransitions, 2)} ` +
          `transitions, ${n(wake.lambdaInvocations, 2)} invocations, ` +
          `${n(wake.lambdaGbSeconds * 1000, 1)} milli-GB-s (all wake at once on 2 shared cores, so ` +
          `handler time is an upper bound), ${n(wake.readRequestUnits, 2)} RRU, ` +
          `${n(wake.writeRequestUnits, 2)} WRU, ${n(wake.logBytes, 0)} log bytes.`
        : `derived (not measured in this run): ${a.derivedWakeUp.stateTransitions} transitions ` +
          `(Check, Renewed, Await), ${a.derivedWakeUp.lambdaInvocations} invocations (watch, park) ` +
          `at the walk's GB-seconds per invocation, ${a.derivedWakeUp.readRequestUnits} RRU and ` +
          `${a.derivedWakeUp.writeRequestUnits} WRU assumed.`) +
      ` The cap is kept and counted: the wake-ups cost ${usd(wakeUpsPer1000)} per 1,000 admitted ` +
      `(below), and a wake-up is what re-reads a due date that was moved.`,
    '',
    '| per admitted candidate | quantity | USD per 1,000 | basis |',
    '| --- | ---: | ---: | --- |',
    ...bill.perAdmission.map(
      (l) => `| ${l.item} | ${quantity(l)} | ${usd(l.usdPer1000)} | ${l.basis} |`,
    ),
    `| **admission-driven total** | | **${usd(bill.usdPer1000Admitted)}** | |`,
    '',
    r.national
      ? `Logs: measured on ${r.national.run} (${r.national.measuredAt.slice(0, 10)}): ` +
        `${n(r.national.logBytes.perInvocation, 0)} bytes an invocation (what the functions print), ` +
        `${n(r.national.logBytes.perApiRequest, 0)} an API request (access log), ` +
        `${n(r.national.logBytes.perStateTransition, 0)} a state transition (the execution log at ` +
        `level ALL with execution data, sized from the execution history), each event + 26 bytes ` +
        `as CloudWatch Logs bills it, times the walk's counts; plus Lambda's START/END/REPORT ` +
        `lines (${a.lambdaPlatformLogBytesPerInvocation} bytes an invocation, estimated).`
      : 'Logs: NOT MEASURED in this run (it predates the log byte counts).',
    '',
    '| by the month | quantity | USD a month | USD per 1,000 admitted | basis |',
    '| --- | ---: | ---: | ---: | --- |',
    ...bill.monthly.map(
      (l) =>
        `| ${l.item} | ${quantity(l)} | ${usd(l.usdPerMonth)} | ${usd(l.usdPer1000)} | ${l.basis} |`,
    ),
    '',
    `The repair sweep walks ${n(bill.filesInFlight, 0)} files (in flight for the waits above, ` +
      `${model.nominationsPerAdmission} nominations an admission, and ${a.probationMonths} months ` +
      `of probation) every ${a.sweepIntervalMinutes} minutes at the measured ` +
      `${n(billInputsOf(r).sweepUnitsPerFileInFlight, 2)} ` +
      `RRU a file (bench/results/repair-sweep.json), at most what its ${a.sweepTimeoutSeconds}-s ` +
      `run covers at ${a.sweepMsPerFile} ms a file (assumed). Cognito: every officer active each ` +
      `month, on the pool's Plus plan (lib/identity.ts). Custom metric series: ` +
      bill.metricSeries.map((m) => `${m.metric} ${m.series}`).join('; ') +
      '.' +
      digestSentence(model) +
      (r.national
        ? ''
        : ' Alarms, dashboards, KMS keys and secrets: NOT COUNTED in this run (it predates the count).'),
    '',
    `**Total:** ${usd(bill.usdPer1000Admitted)} per 1,000 admitted candidates for what admissions ` +
      `drive; **${usd(bill.usdPer1000AllIn)} per 1,000 all-in** (the monthly lines spread over an ` +
      `average month's admissions). **${usd(bill.usdPerAverageMonth)} a month** at national scale ` +
      `on average, **${usd(bill.usdPerPeakMonth)}** in the busiest month. Not counted: WAF, X-Ray, ` +
      `KMS and Secrets Manager requests, SES e-mails other than the digest's, S3 export files, data transfer, storage, ` +
      `files withdrawn or refused before admission (${model.nominationsPerAdmission} nominations ` +
      `an admission).`,
    '',
  ];
}

/** The daily digest's lines, from the run's design and stated per-person assumptions. */
function digestSentence(model: typeof NATIONAL_CAPACITY_MODEL): string {
  const d = DIGEST_ASSUMPTIONS;
  const run = digestRunUsage(model);
  return (
    ` The daily digest (docs/architecture.md, "Daily digest"): ${n(run.subscribers, 0)} ` +
    `subscribers, ${n(d.dueShare * 100, 0)}% with a step due on a given day (${n(run.emails, 0)} ` +
    `e-mails), ${d.msPerSubscriber} ms a subscriber: ${n(run.lambdaInvocations, 0)} invocations ` +
    `and ${n(run.stateTransitions, 0)} transitions a run, about ${n(run.minutes, 0)} minutes ` +
    `(bench/digest-usage.ts; assumed, not measured).`
  );
}
