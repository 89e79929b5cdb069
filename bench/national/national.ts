/**
 * npm run bench:national — the system at the size of the country (lib/capacity-model.ts) on the
 * local runtime, DynamoDB's transaction conflicts emulated: a generated organisation (the 34
 * provincial-level committees and the central blocs by name, their communes, grassroots
 * organisations and cells), a seeded population of files in flight spread over the stages, then
 * the national, provincial and cell quota reports (at a small and at the full population), a
 * provincial officer's work queue, a repair-sweep pass over every file in flight, the audit
 * export of a cell against a province, and walks to ADMITTED at concurrency 32 spread over the
 * provinces as traffic is, then all in one province. Writes bench/results/national.{json,md} and
 * the README's national block.
 *
 *   npm run bench:national -- [--candidates 200000] [--small 2000] [--concurrency 32]
 *     [--walks 96] [--province hcm] [--audit-days 30] [--seed 1] [--seed-concurrency 6]
 *     [--no-synth]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { vietnamToday } from '../../functions/domain/quota/report';
import { addDays } from '../../functions/domain/rules/calendar-date';
import { README_PATH, withGeneratedBlock } from '../../bin/readme-blocks';
import { NATIONAL_CAPACITY_MODEL } from '../../lib/capacity-model';
import { DEFAULT_CDK_OUT, type LocalRuntime, startLocalRuntime } from '../../lib/local/runtime';
import { synthesize } from '../../lib/local/synthesize';
import { counted, readOnlySweep } from '../sweep-pass';
import { walk } from '../walk';
import {
  nationalOrganisation,
  placeSampler,
  randomSource,
  sizeFromModel,
  unitsOfPlace,
} from './organisation';
import { populationSampler } from './population';
import { officerToken, probe, type ReadProbe } from './probes';
import { renderNational } from './render';
import type { NationalResult, NationProbe, WalkSummary } from './result';
import { NationalSeeder } from './seed';
import { CONTENTION_SANDBOXES_PER_FUNCTION } from '../../lib/local/function-host';

const RESULTS = path.join(__dirname, '..', 'results');

/**
 * The default population: the capacity model's admissions of a year in flight, 200,000 files
 * (about 3.7 million items). The benchmark's DynamoDB Local is tuned for the load
 * (lib/local/dynamodb-local.ts, `bulkLoad`); see the README, "At the size of the country", for
 * where the time goes.
 */
const DEFAULT_CANDIDATES = NATIONAL_CAPACITY_MODEL.admissionsPerYear;

const { values: args } = parseArgs({
  options: {
    candidates: { type: 'string', default: String(DEFAULT_CANDIDATES) },
    small: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '32' },
    walks: { type: 'string', default: '96' },
    province: { type: 'string', default: 'hcm' },
    'audit-days': { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    'seed-concurrency': { type: 'string', default: '10' },
    communes: { type: 'string' },
    grassroots: { type: 'string' },
    cells: { type: 'string' },
    'no-synth': { type: 'boolean', default: false },
    'full-history': { type: 'boolean', default: false },
  },
});

const log = (line: string) => console.log(line);
const phases: Record<string, number> = {};
async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  log(`— ${name}…`);
  try {
    return await run();
  } finally {
    phases[name] = Number(((performance.now() - started) / 1000).toFixed(1));
    log(`  ${name}: ${phases[name]} s`);
  }
}

async function main(): Promise<void> {
  const options = {
    candidates: Number(args.candidates),
    smallCandidates: Math.min(Number(args.small), Number(args.candidates)),
    concurrency: Number(args.concurrency),
    walks: Number(args.walks),
    province: args.province,
    period: '',
    auditDays: Number(args['audit-days']),
    seed: Number(args.seed),
  };
  const size = sizeFromModel(NATIONAL_CAPACITY_MODEL);
  if (args.communes) size.communes = Number(args.communes);
  if (args.grassroots) size.grassroots = Number(args.grassroots);
  if (args.cells) size.cells = Number(args.cells);
  const org = nationalOrganisation(size);
  if (!org.tops.some((t) => t.id === options.province)) {
    throw new Error(
      `--province ${options.province}: known ${org.tops.map((t) => t.id).join(', ')}`,
    );
  }
  const started = performance.now();
  if (!args['no-synth']) await phase('cdk synth', async () => synthesize());
  const runtime = await phase('start runtime', () =>
    startLocalRuntime({
      cdkOut: DEFAULT_CDK_OUT,
      port: 0,
      faultProxy: true,
      recordConsumedCapacity: true,
      conflicts: true,
      seedDemoOrganisation: false,
      schedules: false,
      bulkLoad: true,
      sandboxesPerFunction: CONTENTION_SANDBOXES_PER_FUNCTION,
    }),
  );
  try {
    const client = new DynamoDBClient({
      endpoint: runtime.dynamoDbEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 10,
    });
    const documents = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    const now = new Date(runtime.clock.now());
    const today = vietnamToday(now);
    options.period = today.slice(0, 4);
    const seeder = new NationalSeeder({
      documents,
      tableName: runtime.tableName,
      org,
      today,
      now,
      fingerprintKey: Buffer.alloc(32, 7),
      concurrency: Number(args['seed-concurrency']),
      log,
      // History is read only by the audit probes, all in the probed province (seed.ts).
      keepsHistory: args['full-history'] ? undefined : (topId) => topId === options.province,
    });
    const candidateOf = populationSampler(org, today, options.seed);
    const refused: Record<string, number> = {};
    const byStage: Record<string, number> = {};
    let seeded = 0;
    const seedRange = async (from: number, to: number) => {
      const report = await seeder.seedCandidates(from, to, candidateOf);
      seeded += report.candidates;
      for (const [code, n] of Object.entries(report.refused))
        refused[code] = (refused[code] ?? 0) + n;
      for (const [stage, n] of Object.entries(report.byStage))
        byStage[stage] = (byStage[stage] ?? 0) + n;
      await seeder.flushLedger();
    };
    let seedSeconds = 0;
    const timedSeed = async (name: string, run: () => Promise<void>) => {
      const t = performance.now();
      await phase(name, run);
      seedSeconds += (performance.now() - t) / 1000;
    };
    await timedSeed('seed the tree (tops and the units under them)', async () => {
      log(`  ${await seeder.seedTree()} units`);
    });
    await timedSeed(`seed ${options.smallCandidates} candidates`, () =>
      seedRange(1, options.smallCandidates),
    );
    const nationSmall = await phase('quota reports (small)', () =>
      nationReport(
        runtime,
        org.tops.map((t) => t.id),
        options.period,
      ),
    );
    await timedSeed(`seed up to ${options.candidates} candidates`, () =>
      seedRange(options.smallCandidates + 1, options.candidates),
    );

    const province = options.province;
    // The cell of the province with the most seeded files: its report and its audit export.
    const cellId = unitsOfPlace(busiestPlace(candidateOf, province, options.candidates))[1].id;
    const reports = await phase('quota reports (full)', async () => ({
      nation: await nationReport(
        runtime,
        org.tops.map((t) => t.id),
        options.period,
      ),
      province: await probe(
        runtime,
        officerToken(runtime, 'committee-officer', province),
        `province ${province}`,
        `/reports/quotas?unit=${province}&period=${options.period}`,
      ),
      cell: await probe(
        runtime,
        officerToken(runtime, 'committee-officer', province),
        `cell ${cellId}`,
        `/reports/quotas?unit=${cellId}&period=${options.period}`,
      ),
    }));
    const tasks = await phase('GET /tasks (provincial officer)', () =>
      probe(
        runtime,
        officerToken(runtime, 'committee-officer', province),
        `tasks ${province}`,
        '/tasks',
      ),
    );
    const repairSweep = await phase('repair sweep', async () => {
      const sweepClient = new DynamoDBClient({
        endpoint: runtime.dynamoDbEndpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      const units = counted(sweepClient);
      const t = performance.now();
      const report = await readOnlySweep(
        DynamoDBDocumentClient.from(sweepClient),
        runtime.tableName,
      );
      const seconds = (performance.now() - t) / 1000;
      return {
        inFlight: seeded,
        read: report.read,
        seconds: Number(seconds.toFixed(1)),
        readUnits: units.readUnits,
        readUnitsPerFile: Number((units.readUnits / Math.max(1, report.read)).toFixed(3)),
      };
    });
    const audit = await phase('audit export (cell, province)', async () => {
      const to = today;
      const from = addDays(today, -options.auditDays + 1);
      const token = officerToken(runtime, 'committee-officer', province);
      // A cell's whole year (a cell has few files); the province over --audit-days.
      const cell = await probe(
        runtime,
        token,
        `cell ${cellId}, 366 days`,
        `/audit?unit=${cellId}&from=${addDays(today, -365)}&to=${to}`,
        2,
      );
      const prov = await probe(
        runtime,
        token,
        `province ${province}, ${options.auditDays} days`,
        `/audit?unit=${province}&from=${from}&to=${to}`,
        2,
      );
      return {
        days: options.auditDays,
        cell,
        province: prov,
        cellReadBytesPerReturnedByte: readBytesPerReturnedByte(cell),
        provinceReadBytesPerReturnedByte: readBytesPerReturnedByte(prov),
      };
    });

    const spread = await phase(`walk ${options.walks} over the provinces`, () =>
      walkSummary(runtime, 'all provinces, as traffic is spread', options, org, undefined, seeder),
    );
    const oneProvince = await phase(`walk ${options.walks} in ${province}`, () =>
      walkSummary(runtime, `one province (${province})`, options, org, province, seeder),
    );
    phases.total = Number(((performance.now() - started) / 1000).toFixed(1));

    const result: NationalResult = {
      generatedAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
      },
      options,
      organisation: {
        provincialCommittees: org.tops.filter((t) => t.kind !== 'central').length,
        centralBlocs: org.tops.filter((t) => t.kind === 'central').length,
        communes: size.communes,
        grassroots: size.grassroots,
        cells: size.cells,
        unitsCreated: seeder.unitsCreated,
      },
      seeding: {
        candidates: seeded,
        refused,
        byStage,
        itemsWritten: seeder.itemsWritten,
        ledgerItems: seeder.ledgerItems,
        historyEventsLeftOut: seeder.historyEventsLeftOut,
        historyFor: args['full-history'] ? 'every file' : `files of ${options.province}`,
        seconds: Number(seedSeconds.toFixed(1)),
        candidatesPerSecond: Math.round(seeded / seedSeconds),
      },
      walks: { spread, oneProvince },
      quotaReports: {
        small: { candidates: options.smallCandidates, nation: nationSmall },
        full: { candidates: seeded, ...reports },
        nationReadUnitsRatio: Number((reports.nation.readUnits / nationSmall.readUnits).toFixed(3)),
        nationBilledReadUnitsRatio: Number(
          (reports.nation.billedReadUnits! / nationSmall.billedReadUnits!).toFixed(3),
        ),
      },
      tasks,
      repairSweep,
      audit,
      phases,
    };
    writeResults(result);
  } finally {
    await runtime.stop();
  }
}

/** The national report: every top unit's, one after the other (after one warm-up round). */
async function nationReport(
  runtime: LocalRuntime,
  tops: string[],
  period: string,
): Promise<NationProbe> {
  const path = (top: string) => `/reports/quotas?unit=${top}&period=${period}`;
  const token = (top: string) => officerToken(runtime, 'committee-officer', top);
  // One warm-up request (the function's cold start), then each top unit's report once.
  await probe(runtime, token(tops[0]), tops[0], path(tops[0]), 0);
  const probes: ReadProbe[] = [];
  for (const top of tops) probes.push(await probe(runtime, token(top), top, path(top), 1, false));
  const sorted = probes.map((p) => p.medianMs).sort((a, b) => a - b);
  return {
    reports: probes.length,
    statuses: [...new Set(probes.map((p) => p.status))],
    readUnits: Number(probes.reduce((n, p) => n + p.readUnits, 0).toFixed(1)),
    billedReadUnits: Number(probes.reduce((n, p) => n + p.billedReadUnits!, 0).toFixed(1)),
    totalMs: Number(probes.reduce((n, p) => n + p.medianMs, 0).toFixed(1)),
    medianMs: sorted[Math.floor(sorted.length / 2)],
    bytes: probes.reduce((n, p) => n + p.bytes, 0),
  };
}

/** The cell of the province with the most seeded files (the first 20,000 serials looked at). */
function busiestPlace(
  candidateOf: ReturnType<typeof populationSampler>,
  province: string,
  candidates: number,
) {
  const counts = new Map<string, { n: number; place: ReturnType<typeof candidateOf>['place'] }>();
  for (let serial = 1; serial <= Math.min(candidates, 20_000); serial++) {
    const { place } = candidateOf(serial);
    if (place.top.id !== province) continue;
    const id = unitsOfPlace(place)[1].id;
    const seen = counts.get(id) ?? { n: 0, place };
    seen.n++;
    counts.set(id, seen);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  if (!best) throw new Error(`No seeded file in ${province}`);
  return best.place;
}

/**
 * Bytes the export read for each byte it returned: a GSI Query is eventually consistent, half a
 * read unit per 4 KB, so a unit stands for up to 8 KB read.
 */
function readBytesPerReturnedByte(p: ReadProbe): number {
  return Number(((p.readUnits * 8192) / Math.max(1, p.bytes)).toFixed(3));
}

async function walkSummary(
  runtime: LocalRuntime,
  scope: string,
  options: NationalResult['options'],
  org: ReturnType<typeof nationalOrganisation>,
  only: string | undefined,
  seeder: NationalSeeder,
): Promise<WalkSummary> {
  const sample = placeSampler(org, only);
  const places = Array.from({ length: options.walks }, (_, index) =>
    sample(randomSource(options.seed * 7919 + index + (only ? 1_000_000 : 0))),
  );
  // The walked cells exist: their grassroots and cells are written like the seeded ones.
  await seeder.ensureUnits(places.flatMap(unitsOfPlace));
  const placeOf = (index: number) => ({
    cellId: unitsOfPlace(places[index])[1].id,
    officerUnitId: places[index].top.id,
  });
  const run = await walk(runtime, {
    candidates: options.walks,
    concurrency: options.concurrency,
    run: only ? 2 : 1,
    readsPerCandidate: 10,
    placeOf,
  });
  const transitions = run.transitions ?? 0;
  log(
    `  ${run.admitted}/${run.candidates} admitted, ${run.candidatesPerMinute.toFixed(1)}/min; ` +
      `${run.conflicts.retried} conflicts retried over ${transitions} transitions; ${run.serverErrors} 5xx`,
  );
  return {
    scope,
    candidates: run.candidates,
    admitted: run.admitted,
    wallSeconds: Number(run.wallSeconds.toFixed(1)),
    candidatesPerMinute: Number(run.candidatesPerMinute.toFixed(1)),
    transitions,
    transitionLatencyMs: run.writeLatencyMs ?? { p50: 0, p99: 0 },
    conflicts: run.conflicts,
    retriedShare: Number((run.conflicts.retried / Math.max(1, transitions)).toFixed(4)),
    serverErrors: run.serverErrors ?? 0,
    unexpected: run.unexpected,
  };
}

function writeResults(result: NationalResult): void {
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'national.json'), `${JSON.stringify(result, null, 2)}\n`);
  const markdown = renderNational(result);
  fs.writeFileSync(path.join(RESULTS, 'national.md'), markdown);
  console.log(`\n${markdown}`);
  fs.writeFileSync(
    README_PATH,
    withGeneratedBlock(fs.readFileSync(README_PATH, 'utf8'), 'national'),
  );
  console.log('README.md: national block regenerated');
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  });
}
