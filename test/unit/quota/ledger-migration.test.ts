import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  PutCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  childLinkItem,
  DynamoDbQuotaStore,
} from '../../../functions/adapters/dynamodb-quota-store';
import { ledgerTransactUpdates } from '../../../functions/adapters/quota-ledger-items';
import { gaugeDeltas } from '../../../functions/domain/quota/ledger-deltas';
import { checkQuotaLedger } from '../../../functions/services/check-quota-ledger';
import { migrateQuotaLedger } from '../../../functions/services/migrate-quota-ledger';
import { type DynamoDbLocalConnection } from '../../../lib/local/dynamodb-local';
import { dynamoDbLocalForThisFile } from '../../support/dynamodb-local-for-file';
import { createPkSkTable } from '../../support/pk-sk-table';

jest.setTimeout(120_000);

/**
 * The upgrade from the earlier ledger layouts on DynamoDB Local (docs/architecture.md, "Sharded
 * ledger items"): while the table is marked, reports add the old items to the ledger partition;
 * `migrateQuotaLedger` (npm run quota:migrate) moves each old item exactly once, deletes the
 * items of the top-level committees (which keep none any more) and clears the mark; the recount
 * is exact throughout.
 */

const TABLE = 'ledger-migration';
const TOP = { id: 'hn', name: 'Hà Nội', level: 'CITY_COMMITTEE', path: ['hn'] } as const;
const UNIT = { id: 'hn-dd', name: 'Phường Đống Đa', level: 'WARD_COMMITTEE' } as const;
const PATH = ['hn', 'hn-dd'];
let dynamo: DynamoDbLocalConnection;
let client: DynamoDBClient;
let documents: DynamoDBDocumentClient;
let store: DynamoDbQuotaStore;

beforeAll(async () => {
  dynamo = await dynamoDbLocalForThisFile();
  client = dynamo.createClient();
  documents = DynamoDBDocumentClient.from(client);
  await createPkSkTable(client, TABLE);
  store = new DynamoDbQuotaStore(documents, TABLE);
  await documents.send(
    new PutCommand({
      TableName: TABLE,
      Item: childLinkItem({ ...TOP, path: [...TOP.path], effectiveFrom: '2025-07-01' }),
    }),
  );
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

const put = (Item: Record<string, unknown>) =>
  documents.send(new PutCommand({ TableName: TABLE, Item }));
const scan = async () => (await documents.send(new ScanCommand({ TableName: TABLE }))).Items ?? [];
const legacyItems = async () =>
  (await scan()).filter((i) => i.entity === 'COUNTER' || i.entity === 'GAUGE');
const topLedgerItems = async () => (await scan()).filter((i) => i.PK === 'LEDGER#hn');

/** What a report shows of the unit: ADMITTED per month of two periods, the CEREMONY funnel row. */
async function figures(reader: DynamoDbQuotaStore) {
  const today = '2025-07-15';
  const h1 = await reader.unitData(UNIT, '2025-H1', today);
  const q3 = await reader.unitData(UNIT, '2025-Q3', today);
  return {
    h1: h1.counters.ADMITTED ?? [],
    q3: q3.counters.ADMITTED ?? [],
    ceremony: { total: h1.gauges.totals.CEREMONY, recent: h1.gauges.recent },
  };
}

describe('upgrading the quota ledger', () => {
  it('reads old items while marked, moves them exactly once, and keeps every figure', async () => {
    // Two layouts ago: one item per unit, metric and month, unsharded; then sharded items. The
    // top-level committee had the same items, with the same counts.
    for (const unitId of PATH) {
      const old = { entity: 'COUNTER', unitId };
      await put({ PK: `CNT#${unitId}#ADMITTED`, SK: '2025-06', ...old, count: 3 });
      const sharded = { ...old, month: '2025-06' };
      await put({ PK: `CNT#${unitId}#ADMITTED`, SK: '2025-06#05', ...sharded, count: 2 });
      const july = { ...old, month: '2025-07' };
      await put({ PK: `CNT#${unitId}#ADMITTED`, SK: '2025-07#05', ...july, count: 4 });
      const gauge = { entity: 'GAUGE', unitId, stage: 'CEREMONY', month: '2025-06' };
      await put({ PK: `GAUGE#${unitId}`, SK: 'CEREMONY#2025-06', ...gauge, count: 2 });
      await put({ PK: `GAUGE#${unitId}`, SK: 'CEREMONY#2025-06#09', ...gauge, count: 1 });
    }
    // The layout before this one kept the top-level committee's ledger partition too.
    await put({ PK: 'LEDGER#hn', SK: 'M#2025-06#17', a: 1, CE: 1 });
    await put({ PK: 'LEDGER#hn', SK: 'T#17', CE: 1 });
    // After the upgrade: one of those June candidates leaves CEREMONY (the new layout's −1),
    // written for the commune only.
    const leaving = gaugeDeltas(
      { stage: 'CEREMONY', stageEnteredAt: '2025-06-10T02:00:00Z' },
      undefined,
      PATH,
    );
    for (const u of ledgerTransactUpdates(TABLE, 'c1', PATH, { counters: [], gauges: leaving })) {
      await documents.send(new UpdateCommand(u.Update));
    }
    expect((await topLedgerItems()).length).toBe(2);

    // Unmarked, a report reads the new layout only.
    const unmarked = await figures(new DynamoDbQuotaStore(documents, TABLE));
    expect(unmarked).toEqual({
      h1: [],
      q3: [],
      ceremony: { total: -1, recent: [{ stage: 'CEREMONY', month: '2025-06', count: -1 }] },
    });

    await store.markLegacyLedger();
    const marked = await figures(new DynamoDbQuotaStore(documents, TABLE));
    expect(marked).toEqual({
      h1: [{ month: '2025-06', count: 5 }],
      q3: [{ month: '2025-07', count: 4 }],
      ceremony: { total: 2, recent: [{ stage: 'CEREMONY', month: '2025-06', count: 2 }] },
    });
    // No history in this table: the recount sees every stored figure of the commune, both
    // layouts summed; the top-level committee's are counted apart, not compared.
    const before = await checkQuotaLedger(store);
    const stored = before.differences;
    expect(stored.map((d) => [d.kind, d.unitId, d.key, d.month, d.stored])).toEqual([
      ['COUNTER', 'hn-dd', 'ADMITTED', '2025-06', 5],
      ['COUNTER', 'hn-dd', 'ADMITTED', '2025-07', 4],
      ['GAUGE', 'hn-dd', 'CEREMONY', '2025-06', 2],
      ['GAUGE_TOTAL', 'hn-dd', 'CEREMONY', '', 2],
    ]);
    expect(before.leftOnTopUnits).toBe(4);

    const progress: number[] = [];
    expect(await migrateQuotaLedger(store, (r) => progress.push(r.found), 1)).toEqual({
      found: 10,
      moved: 5,
      dropped: 5 + 2,
      skipped: 0,
    });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await legacyItems()).toEqual([]);
    expect(await topLedgerItems()).toEqual([]);
    // The mark is gone: a fresh reader reads the new layout only, and sees the same figures.
    expect(await figures(new DynamoDbQuotaStore(documents, TABLE))).toEqual(marked);
    const after = await checkQuotaLedger(store);
    expect(after.differences).toEqual(stored);
    expect(after.leftOnTopUnits).toBe(0);

    // A second run finds nothing; a stale read of an item moves nothing.
    expect(await migrateQuotaLedger(store)).toEqual({
      found: 0,
      moved: 0,
      dropped: 0,
      skipped: 0,
    });
    expect(
      await store.moveToLedger({
        PK: 'CNT#hn-dd#ADMITTED',
        SK: '2025-06',
        entity: 'COUNTER',
        unitId: 'hn-dd',
        count: 3,
      }),
    ).toBe(false);
    expect(await figures(new DynamoDbQuotaStore(documents, TABLE))).toEqual(marked);
  });
});
