import * as fs from 'node:fs';
import * as path from 'node:path';
import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbCandidateStore } from '../../../functions/adapters/dynamodb-candidate-store';
import {
  DynamoDbQuotaStore,
  type CapacityMeter,
} from '../../../functions/adapters/dynamodb-quota-store';
import { type HistoryEvent } from '../../../functions/domain/history-event';
import { acceptsCandidates } from '../../../functions/domain/org-unit';
import { type CounterDelta } from '../../../functions/domain/quota/counter-keys';
import {
  counterTransactUpdate,
  gaugeTransactUpdate,
  ledgerShard,
} from '../../../functions/adapters/quota-ledger-items';
import {
  counterDeltasOfEvent,
  type GaugeDelta,
  gaugeDeltas,
} from '../../../functions/domain/quota/ledger-deltas';
import { HUMAN_STAGE_IDS, type StageId } from '../../../functions/domain/pipeline';
import { quotaReport } from '../../../functions/services/quota-ledger';
import { demoOrganisation } from '../../../lib/local/demo-organisation';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../../lib/local/dynamodb-local';
import { createPkSkTable } from '../../support/pk-sk-table';

jest.setTimeout(300_000);

/**
 * The report's read cost does not grow with the number of candidates. The counters and stage
 * gauges of 1,000, 20,000 and 200,000 candidates are seeded as their transitions would have
 * written them (the same deltas, the same update expressions and shards, summed per item), then
 * the same report is read with `ReturnConsumedCapacity: TOTAL` from each table.
 */

const units = demoOrganisation();
// The report below is Hà Nội's: its cells (the demo's other province has its own tree).
const cells = units.filter((u) => acceptsCandidates(u) && u.path[0] === 'hn');

function at(month: number, day: number): string {
  return `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T02:00:00.000Z`;
}

/** What one simulated candidate's transitions earn: counter deltas, and its net gauge. */
function candidateDeltas(i: number): { counters: CounterDelta[]; gauges: GaugeDelta[] } {
  const cell = cells[i % cells.length];
  const month = 1 + (i % 6);
  const outcome = i % 10;
  const events: HistoryEvent[] = [
    { candidateId: `c${i}`, seq: 1, at: at(month, 5), type: 'NOMINATED', toStage: 'NOMINATED' },
  ];
  const step = (fromStage: StageId, toStage: StageId, payload?: unknown) =>
    events.push({
      candidateId: `c${i}`,
      seq: events.length + 1,
      at: at(month, 20),
      type: 'TRANSITION',
      fromStage,
      toStage,
      payload,
    });
  let final: { stage: StageId; stageEnteredAt: string };
  if (outcome <= 3) {
    step('AWARENESS_CLASS', 'APPLICATION', { issuedOn: `2025-0${month}-14` });
    step('CEREMONY', 'ADMITTED', { ceremonyDate: '2025-06-10' });
    final = { stage: 'ADMITTED', stageEnteredAt: at(6, 10) };
  } else if (outcome === 4) {
    step('AWARENESS_CLASS', 'APPLICATION', { issuedOn: `2025-0${month}-14` });
    step('CELL_RESOLUTION', 'REJECTED');
    final = { stage: 'REJECTED', stageEnteredAt: at(month, 20) };
  } else if (outcome === 5) {
    step('NOMINATED', 'WITHDRAWN');
    final = { stage: 'WITHDRAWN', stageEnteredAt: at(month, 20) };
  } else {
    final = { stage: HUMAN_STAGE_IDS[i % HUMAN_STAGE_IDS.length], stageEnteredAt: at(month, 20) };
  }
  return {
    counters: events.flatMap((e) => counterDeltasOfEvent(e, cell.path)),
    // +1 entering, -1 leaving: what is left after all its transitions is its current stage.
    gauges: gaugeDeltas(undefined, final, cell.path),
  };
}

/**
 * Candidates of the same cell, month, outcome and stage (the moduli `candidateDeltas` reads) earn
 * the same deltas: each such profile is derived once, not 221,000 times.
 */
const deltasOfProfile = new Map<string, ReturnType<typeof candidateDeltas>>();
function profileDeltas(i: number): ReturnType<typeof candidateDeltas> {
  const profile = [i % cells.length, i % 6, i % 10, i % HUMAN_STAGE_IDS.length].join();
  let deltas = deltasOfProfile.get(profile);
  if (!deltas) deltasOfProfile.set(profile, (deltas = candidateDeltas(i)));
  return deltas;
}

async function seed(documents: DynamoDBDocumentClient, table: string, candidates: number) {
  const store = new DynamoDbCandidateStore(documents, table);
  for (const unit of units) await store.putUnit(unit);
  // Summed per item: per unit, key, month and the candidate's shard, as the transactions write.
  const sums = new Map<
    string,
    { kind: 'c' | 'g'; delta: CounterDelta | GaugeDelta; shard: string }
  >();
  for (let i = 0; i < candidates; i++) {
    const { counters, gauges } = profileDeltas(i);
    const shard = ledgerShard(`c${i}`);
    for (const c of counters) {
      const key = `c|${c.unitId}|${c.metric}|${c.month}|${shard}`;
      const sum = sums.get(key);
      if (sum) sum.delta.delta += c.delta;
      else sums.set(key, { kind: 'c', delta: { ...c }, shard });
    }
    for (const g of gauges) {
      const key = `g|${g.unitId}|${g.stage}|${g.month}|${shard}`;
      const sum = sums.get(key);
      if (sum) sum.delta.delta += g.delta;
      else sums.set(key, { kind: 'g', delta: { ...g }, shard });
    }
  }
  const updates = [...sums.values()].map(
    ({ kind, delta, shard }) =>
      (kind === 'c'
        ? counterTransactUpdate(table, delta as CounterDelta, shard)
        : gaugeTransactUpdate(table, delta as GaugeDelta, shard)
      ).Update,
  );
  // A few at a time: the items are independent, and one by one the largest seed is slow.
  for (let i = 0; i < updates.length; i += 4) {
    await Promise.all(updates.slice(i, i + 4).map((u) => documents.send(new UpdateCommand(u))));
  }
  await new DynamoDbQuotaStore(documents, table).putTargets(
    [
      {
        unitId: 'hn',
        period: '2025-H1',
        metric: 'ADMITTED',
        issuerId: 'tw',
        issuerName: 'Trung ương',
        kind: 'COUNT',
        value: candidates / 2,
      },
      {
        unitId: 'hn-dongda',
        period: '2025-H1',
        metric: 'ADMITTED',
        issuerId: 'hn',
        issuerName: 'Thành ủy',
        kind: 'COUNT',
        value: candidates / 4,
      },
      {
        unitId: 'hn-thanhtri',
        period: '2025-H1',
        metric: 'TRAINED',
        issuerId: 'hn',
        issuerName: 'Thành ủy',
        kind: 'COUNT',
        value: candidates / 10,
      },
    ],
    { now: new Date() },
  );
}

let dynamo: DynamoDbLocal;
let client: DynamoDBClient;
let documents: DynamoDBDocumentClient;

beforeAll(async () => {
  dynamo = await startDynamoDbLocal();
  client = dynamo.createClient();
  documents = DynamoDBDocumentClient.from(client);
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

async function measure(candidates: number) {
  const table = `capacity-${candidates}`;
  await createPkSkTable(client, table);

  await seed(documents, table, candidates);
  const capacity: CapacityMeter = { readUnits: 0, requests: 0 };
  const quotas = new DynamoDbQuotaStore(documents, table, capacity);
  const deps = { quotas, now: () => new Date('2025-06-30T05:00:00Z') };
  // One warm-up read, then the measured one.
  await quotaReport(deps, undefined, { unit: 'hn', period: '2025-H1' });
  capacity.readUnits = 0;
  capacity.requests = 0;
  const started = performance.now();
  const report = await quotaReport(deps, undefined, { unit: 'hn', period: '2025-H1' });
  const latencyMs = Math.round(performance.now() - started);
  return { report, readUnits: capacity.readUnits, requests: capacity.requests, latencyMs };
}

describe('quota report read cost', () => {
  it('stops growing once every shard is written: the same at 20,000 and at 200,000 candidates', async () => {
    const small = await measure(1_000);
    const large = await measure(20_000);
    const national = await measure(200_000);

    // The seeding worked: the figures are 20 and 200 times larger…
    const admitted = (r: typeof small.report) =>
      r.units[0].metrics.find((m) => m.metric === 'ADMITTED')!;
    expect(admitted(small.report).achieved).toBe(400);
    expect(admitted(large.report).achieved).toBe(8_000);
    expect(admitted(national.report).achieved).toBe(80_000);
    expect(admitted(large.report).targets[0]).toMatchObject({ target: 10_000, percent: 80 });
    expect(large.report.units[0].inProgress).toBe(20 * small.report.units[0].inProgress);
    expect(national.report.units[0].inProgress).toBe(200 * small.report.units[0].inProgress);
    // …and reading them costs the same: 3 units × 6 queries + unit + child links, whatever the
    // data; read units grow while candidates still leave some shards of a month unwritten (at
    // 1,000), then stop: bounded by units × months × shards, never by candidates.
    for (const r of [large, national]) expect(r.requests).toBe(small.requests);
    expect(large.requests).toBe(2 + 3 * 6);
    expect(national.readUnits).toBe(large.readUnits);
    expect(small.readUnits).toBeGreaterThan(0);
    expect(small.readUnits).toBeLessThanOrEqual(large.readUnits);

    const figures = {
      candidates: [1_000, 20_000, 200_000],
      readUnits: [small.readUnits, large.readUnits, national.readUnits],
      requests: [small.requests, large.requests, national.requests],
      latencyMs: [small.latencyMs, large.latencyMs, national.latencyMs],
    };
    fs.mkdirSync(path.join(__dirname, '../../../test-artifacts'), { recursive: true });
    fs.writeFileSync(
      path.join(__dirname, '../../../test-artifacts/quota-report-capacity.json'),
      JSON.stringify(figures, null, 2),
    );
    console.log(`quota report read cost: ${JSON.stringify(figures)}`);
  });
});
