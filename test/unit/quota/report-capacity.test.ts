import * as fs from 'node:fs';
import * as path from 'node:path';
import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbCandidateStore } from '../../../functions/adapters/dynamodb-candidate-store';
import {
  DynamoDbQuotaStore,
  type CapacityMeter,
} from '../../../functions/adapters/dynamodb-quota-store';
import { type HistoryEvent } from '../../../functions/domain/history-event';
import { acceptsCandidates } from '../../../functions/domain/org-unit';
import { type CounterDelta } from '../../../functions/domain/quota/counter-keys';
import { ledgerTransactUpdates } from '../../../functions/adapters/quota-ledger-items';
import { applyUpdate, batchPut } from '../../../bench/national/batch-writes';
import {
  counterDeltasOfEvent,
  type GaugeDelta,
  gaugeDeltas,
} from '../../../functions/domain/quota/ledger-deltas';
import { HUMAN_STAGE_IDS, type StageId } from '../../../functions/domain/pipeline';
import { quotaReport } from '../../../functions/services/quota-ledger';
import { demoOrganisation } from '../../../lib/local/demo-organisation';
import { type DynamoDbLocalConnection } from '../../../lib/local/dynamodb-local';
import { dynamoDbLocalForThisFile } from '../../support/dynamodb-local-for-file';
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
function candidateDeltas(i: number): {
  counters: CounterDelta[];
  gauges: GaugeDelta[];
  path: string[];
} {
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
    path: cell.path,
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

async function seed(table: string, candidates: number) {
  // Summed per item, as the transactions would have left them: each candidate's updates (in its
  // shards) merged into the item totals, then each item written once.
  const items = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < candidates; i++) {
    const { counters, gauges, path } = profileDeltas(i);
    for (const { Update } of ledgerTransactUpdates(table, `c${i}`, path, { counters, gauges })) {
      const key = `${Update.Key.PK}|${Update.Key.SK}`;
      items.set(key, applyUpdate(items.get(key), Update));
    }
  }
  // On fresh connections: DynamoDB Local drops the ones left idle while the items were summed.
  const fresh = dynamo.createClient();
  const writer = DynamoDBDocumentClient.from(fresh);
  const store = new DynamoDbCandidateStore(writer, table);
  for (const unit of units) await store.putUnit(unit);
  await batchPut(writer, table, [...items.values()], { concurrency: 2 });
  await new DynamoDbQuotaStore(writer, table).putTargets(
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
  fresh.destroy();
}

let dynamo: DynamoDbLocalConnection;
let client: DynamoDBClient;
let documents: DynamoDBDocumentClient;

beforeAll(async () => {
  dynamo = await dynamoDbLocalForThisFile();
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

  await seed(table, candidates);
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
  it('reads the same at 20,000 and 200,000 candidates, and at most ½ unit less at 1,000', async () => {
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
    // The top-level committee keeps no ledger: its figures are its two children's sum.
    for (const { report } of [small, large, national]) {
      const [top, ...children] = report.units;
      const sum = (f: (u: typeof top) => number) => children.reduce((n, u) => n + f(u), 0);
      expect(admitted(report).achieved).toBe(
        sum((u) => u.metrics.find((m) => m.metric === 'ADMITTED')!.achieved),
      );
      expect(top.inProgress).toBe(sum((u) => u.inProgress));
      expect(top.overdue).toBe(sum((u) => u.overdue));
    }
    // …and reading them costs the same: unit + child links, the top's targets, and 2 children ×
    // 2 queries (targets, one range of the ledger partition), whatever the data; the items read
    // are bounded by units × months × shards, never by candidates.
    for (const r of [large, national]) expect(r.requests).toBe(small.requests);
    expect(large.requests).toBe(2 + 1 + 2 * 2);
    expect(small.readUnits).toBeGreaterThan(0);
    expect(large.readUnits).toBe(small.readUnits);
    expect(national.readUnits).toBe(large.readUnits);

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
