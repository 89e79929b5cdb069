import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbQuotaStore } from '../../functions/adapters/dynamodb-quota-store';
import {
  LEGACY_SHARD,
  ledgerShard,
  METRIC_ATTRIBUTE,
  parseLedgerItem,
  shardsAtDepth,
} from '../../functions/adapters/quota-ledger-items';
import { counterDeltasOfEvent } from '../../functions/domain/quota/ledger-deltas';
import { QUOTA_METRICS, type QuotaMetric } from '../../functions/domain/quota/metric';
import { vietnamToday } from '../../functions/domain/quota/report';
import { monthsIn } from '../../functions/domain/quota/period';
import { humanStage, type HumanStageId } from '../../functions/domain/pipeline';
import { type Role } from '../../functions/domain/roles';
import { checkQuotaLedger } from '../../functions/services/check-quota-ledger';
import { quotaReport } from '../../functions/services/quota-ledger';
import { demoOrganisation } from '../../lib/local/demo-organisation';
import { sheetRows, unzip } from '../support/unzip';
import { type ApiClient, type CandidateBody } from './support/api-client';
import { awsClients } from './support/aws-clients';
import { launchChromium } from './support/browser';
import { HAPPY_PATH } from './support/happy-path';
import { scanAll } from './reliability/support';
import { officerClient } from './support/officers';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

const ROOT = path.join(__dirname, '..', '..');
const run = promisify(execFile);

/** Every item of the quota ledger's partitions, as stored. */
async function scanLedgerItems(): Promise<Record<string, unknown>[]> {
  return (await scanAll(runtime)).filter((i) => parseLedgerItem(i) !== undefined);
}

/**
 * A unit's count of `metric` over `period`, as a report reads it: a top-level committee's is its
 * children's sum (it keeps no ledger).
 */
async function countOf(
  store: DynamoDbQuotaStore,
  unitId: string,
  metric: QuotaMetric,
  period: string,
): Promise<number> {
  const report = await quotaReport({ quotas: store, now: () => new Date() }, undefined, {
    unit: unitId,
    period,
  });
  return report.units[0].metrics.find((m) => m.metric === metric)?.achieved ?? 0;
}

/**
 * Quotas end to end on the local runtime: targets in (JSON and CSV), a population of candidates
 * walked over HTTP (admissions, a revoked admission, rejections, withdrawals, a failed class,
 * candidates still in progress), then the report, the exports, the recount and the dashboard.
 */

let runtime: RuntimeProcess;
let admin: ApiClient;
const teams = new Map<string, Record<Role, ApiClient>>();

type Step = { stage: string; action: string; payload: unknown };
const step = (stage: string): Step => HAPPY_PATH.find((s) => s.stage === stage)!;
const upTo = (stage: string) =>
  HAPPY_PATH.slice(
    0,
    HAPPY_PATH.findIndex((s) => s.stage === stage),
  );

const FAILED_CLASS: Step = {
  stage: 'AWARENESS_CLASS',
  action: 'recordClassResult',
  payload: { result: 'FAILED', classEndedOn: '2025-01-31' },
};
const WITHDRAW = (stage: string): Step => ({
  stage,
  action: 'withdraw',
  payload: { reason: 'CANDIDATE_REQUEST', effectiveOn: '2025-02-01' },
});
const CELL_VOTE_FAILS: Step = {
  stage: 'CELL_RESOLUTION',
  action: 'recordCellResolution',
  payload: {
    meetingDate: '2025-04-20',
    officialMembers: 9,
    excludedMembers: 0,
    excludedMembersAttending: 0,
    votesFor: 3,
    votesAgainst: 6,
  },
};
const NOT_CLEARED: Step = {
  stage: 'BACKGROUND_CHECK',
  action: 'recordBackgroundCheck',
  payload: {
    completedOn: '2025-04-01',
    result: 'NOT_CLEARED',
    subjects: [
      { relation: 'CANDIDATE', result: 'CLEARED' },
      { relation: 'FATHER', result: 'NOT_CLEARED' },
    ],
  },
};
/** A cell that is itself grassroots has no committee vote: the happy path without it. */
const GRASSROOTS_CELL_PATH = HAPPY_PATH.filter((s) => s.stage !== 'GRASSROOTS_RESOLUTION');

/** Who walks whom: the population, by cell. */
const POPULATION: { name: string; unitId: string; steps: Step[]; ends: string }[] = [
  { name: 'Nguyễn Văn An', unitId: 'dd-xltbd-kythuat', steps: HAPPY_PATH, ends: 'ADMITTED' },
  { name: 'Trần Văn Bảo', unitId: 'dd-tbdl1', steps: GRASSROOTS_CELL_PATH, ends: 'ADMITTED' },
  { name: 'Lê Thị Cúc', unitId: 'tt-ngoquyen', steps: GRASSROOTS_CELL_PATH, ends: 'ADMITTED' },
  {
    name: 'Phạm Văn Dũng',
    unitId: 'dd-xltbd-xuong',
    steps: [step('NOMINATED'), FAILED_CLASS, ...upTo('SPONSORSHIP').slice(1)],
    ends: 'SPONSORSHIP',
  },
  {
    name: 'Hoàng Thị Em',
    unitId: 'dd-baobi',
    steps: [...upTo('CELL_RESOLUTION'), CELL_VOTE_FAILS],
    ends: 'REJECTED',
  },
  {
    name: 'Vũ Văn Phúc',
    unitId: 'dd-tbdl1',
    steps: [step('NOMINATED'), WITHDRAW('AWARENESS_CLASS')],
    ends: 'WITHDRAWN',
  },
  { name: 'Đỗ Thị Giang', unitId: 'tt-ngoquyen', steps: [], ends: 'NOMINATED' },
  {
    name: 'Bùi Văn Hải',
    unitId: 'dd-xltbd-kythuat',
    steps: [...upTo('BACKGROUND_CHECK'), NOT_CLEARED],
    ends: 'REJECTED',
  },
];
const ids = new Map<string, string>();

function teamFor(unitId: string): Record<Role, ApiClient> {
  return teams.get(unitId.startsWith('tt-') ? 'tt-kdn' : 'dd-kdn')!;
}

/**
 * How long the set-up walk waits for a file to settle at a stage: a bound, not a sleep (it returns
 * as soon as the file settles), wide enough for Lambda cold starts on a loaded machine.
 */
const SETTLE_WITHIN_MS = 90_000;

async function walk(person: (typeof POPULATION)[number]): Promise<void> {
  const team = teamFor(person.unitId);
  const nominated = await team['cell-officer'].nominate({
    fullName: person.name,
    dateOfBirth: '1995-03-15',
    nominationSource: 'YOUTH_UNION',
    unitId: person.unitId,
    educationLevel: 'UPPER_SECONDARY',
    youthUnionMember: true,
  });
  expect(nominated.status).toBe(201);
  const id = nominated.body.id as string;
  ids.set(person.name, id);
  for (const s of person.steps) {
    const parked = await team['cell-officer'].waitForStage(id, s.stage, SETTLE_WITHIN_MS);
    const actor = humanStage(s.stage as HumanStageId).actions.find((a) => a.id === s.action)!.actor;
    const accepted = await team[actor].act(id, {
      action: s.action,
      expectedVersion: parked.version,
      payload: s.payload,
    });
    expect(accepted.status).toBe(202);
  }
  await team['cell-officer'].waitForStage(id, person.ends, SETTLE_WITHIN_MS);
}

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  admin = await officerClient(runtime, { roles: ['admin'], unitId: 'hn', name: 'Quản trị' });
  for (const unitId of ['dd-kdn', 'tt-kdn']) {
    const team = {} as Record<Role, ApiClient>;
    for (const role of ['cell-officer', 'committee-officer', 'approver'] as Role[]) {
      team[role] = await officerClient(runtime, {
        roles: [role],
        unitId,
        name: `${role} ${unitId}`,
      });
    }
    teams.set(unitId, team);
  }
  await Promise.all(POPULATION.map(walk));
}, 240_000);
afterAll(() => runtime?.stop());

const put = (client: ApiClient, body: unknown, key = `q-${Math.random()}`) =>
  client.request('PUT', '/quotas', { body, headers: { 'idempotency-key': key } });
const importCsv = (client: ApiClient, csv: string, key = `i-${Math.random()}`) =>
  client.request('POST', '/quotas/import', {
    rawBody: csv,
    headers: { 'idempotency-key': key, 'content-type': 'text/csv' },
  });

describe('quota ledger', () => {
  it('stores a JSON list of targets for administrators only', async () => {
    const targets = [
      {
        unitId: 'hn',
        period: '2025',
        metric: 'ADMITTED',
        issuerId: 'tw',
        issuerName: 'Trung ương',
        kind: 'COUNT',
        value: 4,
      },
      {
        unitId: 'hn-dongda',
        period: '2025',
        metric: 'ADMITTED',
        issuerId: 'hn',
        issuerName: 'Thành ủy',
        kind: 'COUNT',
        value: 2,
      },
      {
        unitId: 'hn-dongda',
        period: '2025',
        metric: 'ADMITTED',
        issuerId: 'bcd-quan',
        issuerName: 'BCĐ quận',
        kind: 'COUNT',
        value: 3,
      },
    ];
    expect(await put(admin, targets)).toMatchObject({ status: 200, body: { count: 3 } });
    const officer = teamFor('dd-kdn')['cell-officer'];
    expect(await put(officer, targets)).toMatchObject({
      status: 403,
      body: { code: 'ROLE_NOT_ALLOWED' },
    });
    const listed = await officer.request('GET', '/quotas?unit=hn-dongda&period=2025');
    expect(listed.status).toBe(404); // hn-dongda is outside a dd-kdn officer's subtree
    const own = await admin.request('GET', '/quotas?unit=hn-dongda&period=2025');
    expect((own.body.items as CandidateBody[]).map((t) => t.issuerName)).toEqual([
      'Thành ủy',
      'BCĐ quận',
    ]);
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ ...targets[0], issuerId: `i${i}` }));
    expect(await put(admin, tooMany)).toMatchObject({
      status: 422,
      body: { code: 'QUOTA_IMPORT_TOO_LARGE' },
    });
  });

  it('imports CSV all or nothing, with errors by line, and exports it back', async () => {
    const bad = [
      'don_vi,ky,chi_tieu,co_quan_giao,ten_co_quan_giao,loai,gia_tri',
      'hn-thanhtri,2025,TRAINED,hn,Thành ủy,COUNT,2',
      'hn-thanhtri,2025-H3,ADMITTED,hn,Thành ủy,COUNT,1',
      'tt-kdn,2025,ADMITTED,hn,Thành ủy,COUNT,1.000',
    ].join('\n');
    const refused = await importCsv(admin, bad);
    expect(refused).toMatchObject({ status: 400, body: { code: 'INVALID_CSV' } });
    expect(
      (refused.body.details as { errors: { line: number }[] }).errors.map((e) => e.line),
    ).toEqual([3, 4]);
    expect((await admin.request('GET', '/quotas?unit=hn-thanhtri')).body.items).toEqual([]);

    const good = [
      'don_vi,ky,chi_tieu,co_quan_giao,ten_co_quan_giao,loai,gia_tri',
      'hn-thanhtri,2025,TRAINED,hn,Thành ủy,COUNT,2',
      'hn-thanhtri,2025,ADMITTED,hn,Thành ủy,COUNT,1',
    ].join('\r\n');
    expect(await importCsv(admin, good)).toMatchObject({ status: 200, body: { count: 2 } });
    const exported = await admin.fetchRaw('/quotas/export?unit=hn&period=2025');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await exported.arrayBuffer());
    expect(text.startsWith('\ufeffdon_vi,ky,chi_tieu')).toBe(true);
    expect(text).toContain('hn-thanhtri,2025,TRAINED,hn,Thành ủy,COUNT,2');
  });
});

describe('corrections', () => {
  it('revokes an admission for an administrator, once, with the reason in history', async () => {
    const id = ids.get('Trần Văn Bảo')!;
    const body = {
      kind: 'REVOKE_ADMISSION',
      reason: 'Kê khai lý lịch không trung thực',
      effectiveOn: '2025-09-01',
    };
    const correct = (client: ApiClient, key: string, b: unknown = body) =>
      client.request('POST', `/candidates/${id}/corrections`, {
        body: b,
        headers: { 'idempotency-key': key },
      });
    expect(await correct(teamFor('dd-kdn').approver, 'revoke-0001')).toMatchObject({ status: 403 });
    const notAdmitted = await admin.request(
      'POST',
      `/candidates/${ids.get('Đỗ Thị Giang')}/corrections`,
      {
        body,
        headers: { 'idempotency-key': 'revoke-0002' },
      },
    );
    expect(notAdmitted).toMatchObject({ status: 409, body: { code: 'CORRECTION_NOT_APPLICABLE' } });
    const revoked = await correct(admin, 'revoke-0003');
    expect(revoked).toMatchObject({
      status: 200,
      body: { stage: 'REVOKED', stageLabel: 'Hủy quyết định kết nạp', status: 'CLOSED' },
    });
    expect(await correct(admin, 'revoke-0003')).toMatchObject({
      status: 200,
      body: { version: revoked.body.version },
    });
    expect(await correct(admin, 'revoke-0004')).toMatchObject({
      status: 409,
      body: { code: 'ALREADY_REVOKED' },
    });
    const history = (await admin.candidate(id)).body.history as CandidateBody[];
    expect(history.at(-1)).toMatchObject({
      type: 'CORRECTION',
      toStage: 'REVOKED',
      payload: { reason: body.reason, reverses: { toStage: 'ADMITTED', eventDate: '2025-06-19' } },
      actor: { role: 'admin' },
    });
  });
});

describe('quota report', () => {
  it('gives achieved, target, percent, pace, the sentence and the funnel for a unit and its children', async () => {
    const { status, body } = await admin.request('GET', '/reports/quotas?unit=hn&period=2025');
    expect(status).toBe(200);
    const units = body.units as CandidateBody[];
    expect(units.map((u) => u.unitId)).toEqual(['hn', 'hn-dongda', 'hn-thanhtri']);
    const metric = (unitId: string, m: string) =>
      units.find((u) => u.unitId === unitId)!.metrics.find((x: CandidateBody) => x.metric === m);
    // Admitted: An and Cúc (Bảo's admission was revoked); trained: everyone past the class.
    expect(metric('hn', 'ADMITTED')).toMatchObject({
      achieved: 2,
      targets: [{ target: 4, percent: 50, status: 'BEHIND' }],
    });
    expect(metric('hn', 'TRAINED').achieved).toBe(6);
    expect(metric('hn-dongda', 'ADMITTED').sentence.vi).toBe(
      'đã phát triển 01/02 đảng viên mới, đạt 50% chỉ tiêu Thành ủy giao (1/3, đạt 33% chỉ tiêu BCĐ quận giao)',
    );
    expect(metric('hn-thanhtri', 'TRAINED').sentence.vi).toBe(
      'lớp bồi dưỡng nhận thức về Đảng đạt 01/02 học viên (50%)',
    );
    const hn = units[0];
    expect(hn.inProgress).toBe(2);
    expect(hn.funnel.find((r: CandidateBody) => r.stage === 'SPONSORSHIP').count).toBe(1);
    expect(hn.funnel.find((r: CandidateBody) => r.stage === 'NOMINATED').count).toBe(1);
  });

  it('exports CSV and an XLSX workbook that opens', async () => {
    const csv = await admin.fetchRaw('/reports/quotas?unit=hn&period=2025&format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toContain('hn-dongda,Quận ủy Đống Đa,2025,ADMITTED');
    const xlsx = await admin.fetchRaw('/reports/quotas?unit=hn&period=2025&format=xlsx');
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const files = unzip(Buffer.from(await xlsx.arrayBuffer()));
    const rows = sheetRows(files.get('xl/worksheets/sheet1.xml')!.toString());
    expect(rows.find((r) => r[0] === 'hn' && r[3] === 'ADMITTED')!.slice(7, 10)).toEqual([
      '2',
      '4',
      '50',
    ]);
  });
});

describe('counter exactness', () => {
  it('agrees with a recount from history for every unit, metric and period', async () => {
    const { documents } = awsClients(runtime);
    const store = new DynamoDbQuotaStore(documents, runtime.tableName);
    const result = await checkQuotaLedger(store);
    expect(result.differences).toEqual([]);
    expect(result.candidates).toBeGreaterThanOrEqual(POPULATION.length);

    // The same, period by period, from the events directly; a top-level committee's count is
    // what its commune-level units counted (it keeps no ledger of its own).
    const snapshot = await store.scanLedger();
    const expected = new Map<string, number>();
    for (const e of snapshot.events) {
      for (const d of counterDeltasOfEvent(e, e.unitPath)) {
        const units = d.unitId === e.unitPath[1] ? [d.unitId, e.unitPath[0]] : [d.unitId];
        for (const unitId of units) {
          const k = `${unitId}|${d.metric}|${d.month}`;
          expected.set(k, (expected.get(k) ?? 0) + d.delta);
        }
      }
    }
    const periods = [
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2025-H1',
      '2025-H2',
      '2025',
      '2026',
      'TERM-2025-2030',
    ];
    for (const unit of demoOrganisation()) {
      for (const metric of QUOTA_METRICS) {
        for (const period of periods) {
          const stored = await countOf(store, unit.id, metric, period);
          const recounted = monthsIn(period).reduce(
            (n, m) => n + (expected.get(`${unit.id}|${metric}|${m}`) ?? 0),
            0,
          );
          expect({ unit: unit.id, metric, period, count: stored }).toEqual({
            unit: unit.id,
            metric,
            period,
            count: recounted,
          });
        }
      }
    }
    expect(expected.get('hn|ADMITTED|2025-06')).toBe(2);

    // Each shard item is exact on its own: it holds the counts of the candidates hashed to it
    // (among the shards of the unit's depth on their path).
    const perShard = new Map<string, number>();
    for (const e of snapshot.events) {
      for (const d of counterDeltasOfEvent(e, e.unitPath)) {
        const shard = ledgerShard(e.candidateId, shardsAtDepth(e.unitPath.indexOf(d.unitId)));
        const k = `${d.unitId}|${d.month}#${shard}|${d.metric}`;
        perShard.set(k, (perShard.get(k) ?? 0) + d.delta);
      }
    }
    const storedShards = new Map(
      (await scanLedgerItems()).flatMap((i) => {
        const parsed = parseLedgerItem(i);
        if (parsed?.kind !== 'MONTH') return [];
        return parsed.counters
          .filter((c) => c.count !== 0)
          .map((c): [string, number] => [
            `${parsed.unitId}|${parsed.month}#${parsed.shard}|${c.metric}`,
            c.count,
          ]);
      }),
    );
    expect(storedShards).toEqual(new Map([...perShard].filter(([, n]) => n !== 0)));
    expect(new Set([...storedShards.keys()].map((k) => k.split('#').at(-1))).size).toBeGreaterThan(
      1,
    );
    expect(
      expected.get('hn|NOMINATED|' + new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7)),
    ).toBe(8);
  });

  it('npm run quota:check exits 0 when exact and 1 with the difference when a counter drifts', async () => {
    const cli = [
      '--import',
      'tsx',
      'bin/quota-check.ts',
      '--endpoint',
      runtime.dynamoDbEndpoint,
      '--table',
      runtime.tableName,
    ];
    const ok = await run(process.execPath, cli, { cwd: ROOT });
    expect(ok.stdout).toContain('Khớp / all counters match');
    const { documents } = awsClients(runtime);
    // An existing shard of the counter drifts (a shard no candidate wrote is no counter yet).
    const shard = (await scanAll(runtime)).find(
      (i) =>
        i.PK === 'LEDGER#dd-kdn' &&
        String(i.SK).startsWith('M#2025-06#') &&
        Number(i[METRIC_ATTRIBUTE.ADMITTED] ?? 0) > 0,
    );
    expect(shard).toBeDefined();
    const drift = (delta: number) =>
      documents.send(
        new UpdateCommand({
          TableName: runtime.tableName,
          Key: { PK: shard!.PK, SK: shard!.SK },
          ConditionExpression: 'attribute_exists(PK)',
          UpdateExpression: 'ADD #count :d',
          ExpressionAttributeNames: { '#count': METRIC_ATTRIBUTE.ADMITTED },
          ExpressionAttributeValues: { ':d': delta },
        }),
      );
    await drift(1);
    try {
      await expect(run(process.execPath, cli, { cwd: ROOT })).rejects.toMatchObject({
        code: 1,
        stdout: expect.stringContaining(
          'COUNTER dd-kdn ADMITTED 2025-06: lưu/stored 2, đếm lại/recounted 1',
        ),
      });
    } finally {
      await drift(-1);
    }
  });

  it('npm run quota:migrate moves counters of the earlier layouts exactly once, report unchanged', async () => {
    const target = ['--endpoint', runtime.dynamoDbEndpoint, '--table', runtime.tableName];
    const tool = (name: string, ...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', `bin/${name}.ts`, ...target, ...args], {
        cwd: ROOT,
      });
    const { documents } = awsClients(runtime);
    // A fresh reader each time: a report reads the table's mark once a minute.
    const admittedIn = async (unitId: string) => {
      const unit = demoOrganisation().find((u) => u.id === unitId)!;
      const data = await new DynamoDbQuotaStore(documents, runtime.tableName).unitData(
        unit,
        '2025',
        vietnamToday(new Date()),
      );
      return data.counters.ADMITTED?.find((c) => c.month === '2025-06')?.count ?? 0;
    };
    const provinceAdmitted = () =>
      countOf(new DynamoDbQuotaStore(documents, runtime.tableName), 'hn', 'ADMITTED', '2025');
    const before = { cell: await admittedIn('dd-kdn'), province: await provinceAdmitted() };
    expect(before.province).toBeGreaterThanOrEqual(before.cell);
    // What an earlier layout held: the whole month of a unit and metric in one item. Here the
    // counts are moved out of the ledger partition into such an item, as if written by the old
    // code, with a gauge item of an old month that went back to 0.
    const attribute = METRIC_ATTRIBUTE.ADMITTED;
    const moved = (await scanLedgerItems()).filter(
      (i) =>
        i.PK === 'LEDGER#dd-kdn' &&
        String(i.SK).startsWith('M#2025-06#') &&
        Number(i[attribute] ?? 0) !== 0,
    );
    expect(moved.length).toBeGreaterThan(0);
    const total = moved.reduce((n, i) => n + Number(i[attribute]), 0);
    expect(total).toBe(before.cell);
    await tool('quota-migrate', '--prepare');
    for (const item of moved) {
      await documents.send(
        new UpdateCommand({
          TableName: runtime.tableName,
          Key: { PK: item.PK, SK: item.SK },
          UpdateExpression: 'ADD #count :d',
          ExpressionAttributeNames: { '#count': attribute },
          ExpressionAttributeValues: { ':d': -Number(item[attribute]) },
        }),
      );
    }
    const old = (Item: Record<string, unknown>) =>
      documents.send(new PutCommand({ TableName: runtime.tableName, Item }));
    await old({
      PK: 'CNT#dd-kdn#ADMITTED',
      SK: '2025-06',
      entity: 'COUNTER',
      unitId: 'dd-kdn',
      count: total,
    });
    await old({
      PK: 'GAUGE#dd-kdn',
      SK: 'CEREMONY#2019-01#04',
      entity: 'GAUGE',
      unitId: 'dd-kdn',
      stage: 'CEREMONY',
      month: '2019-01',
      shard: '04',
      count: 0,
    });
    // The layout before this one kept the top-level committee's own items: one of them, as its
    // code wrote it during the deployment, and an earlier layout's counter of the committee.
    await old({ PK: 'LEDGER#hn', SK: 'M#2025-06#31', [attribute]: 1, CE: -1 });
    await old({ PK: 'CNT#hn#ADMITTED', SK: '2025-06', entity: 'COUNTER', unitId: 'hn', count: 2 });
    // While the table is marked, reports and the recount add the old items to the partition;
    // the top-level committee's are read by nothing and only counted apart.
    expect(await admittedIn('dd-kdn')).toBe(before.cell);
    expect(await provinceAdmitted()).toBe(before.province);
    const marked = await tool('quota-check');
    expect(marked.stdout).toContain('Khớp / all counters match');
    expect(marked.stdout).toContain('2 figures still stored for top-level committees');

    const first = await tool('quota-migrate');
    expect(first.stdout).toContain(
      'moved 2 of 3 old counters (0 left for the next run), deleted 2 items of top-level committees',
    );
    const all = await scanAll(runtime);
    expect(all.filter((i) => i.entity === 'COUNTER' || i.entity === 'GAUGE')).toEqual([]);
    expect(all.filter((i) => i.PK === 'LEDGER#hn')).toEqual([]);
    expect(
      all.find((i) => i.PK === 'LEDGER#dd-kdn' && i.SK === `M#2025-06#${LEGACY_SHARD}`),
    ).toEqual({ PK: 'LEDGER#dd-kdn', SK: `M#2025-06#${LEGACY_SHARD}`, [attribute]: total });
    // The mark is cleared: reports read the partition alone, and see the same figures.
    expect(all.find((i) => i.PK === 'LEDGER#LAYOUT')).toBeUndefined();
    expect({ cell: await admittedIn('dd-kdn'), province: await provinceAdmitted() }).toEqual(
      before,
    );
    const migrated = await tool('quota-check');
    expect(migrated.stdout).toContain('Khớp / all counters match');
    expect(migrated.stdout).not.toContain('top-level committees');
    // Nothing is moved twice.
    expect((await tool('quota-migrate')).stdout).toContain('moved 0 of 0');
    expect(await admittedIn('dd-kdn')).toBe(before.cell);
  });
});

describe('local dashboard', () => {
  it('renders the quota table, the chart and the funnel in Vietnamese; Chromium takes a screenshot', async () => {
    const page = await fetch(`${runtime.url}/dashboard?unit=hn&period=2025`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Bảng theo dõi chỉ tiêu phát triển đảng viên');
    expect(html).toContain('đã kết nạp 02/04 đảng viên mới, đạt 50% chỉ tiêu Trung ương giao');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script/i);

    const browser = await launchChromium({ width: 1280, height: 900 });
    try {
      const tab = await browser.context.newPage();
      await tab.goto(`${runtime.url}/dashboard?unit=hn&period=2025`);
      await tab.selectOption('select[name="unit"]', 'hn');
      expect(await tab.locator('svg').count()).toBe(1);
      expect(await tab.locator('table').count()).toBe(2);
      fs.mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true });
      const file = path.join(ROOT, 'test-artifacts', 'dashboard.png');
      await tab.screenshot({ path: file, fullPage: true });
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  });
});
