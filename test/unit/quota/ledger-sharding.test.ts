import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  PutCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { DynamoDbQuotaStore } from '../../../functions/adapters/dynamodb-quota-store';
import {
  counterTransactUpdate,
  gaugeTransactUpdate,
  LEGACY_SHARD,
} from '../../../functions/adapters/quota-ledger-items';
import { checkQuotaLedger } from '../../../functions/services/check-quota-ledger';
import { shardQuotaLedger } from '../../../functions/services/shard-quota-ledger';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../../lib/local/dynamodb-local';
import { createPkSkTable } from '../../support/pk-sk-table';

jest.setTimeout(120_000);

/**
 * The sharded ledger on DynamoDB Local (docs/architecture.md, "Sharded ledger items"): reads sum
 * the shards and any item written before sharding; `shardQuotaLedger` (npm run quota:migrate)
 * moves those exactly once.
 */

const TABLE = 'ledger-sharding';
let dynamo: DynamoDbLocal;
let client: DynamoDBClient;
let documents: DynamoDBDocumentClient;
let store: DynamoDbQuotaStore;

beforeAll(async () => {
  dynamo = await startDynamoDbLocal();
  client = dynamo.createClient();
  documents = DynamoDBDocumentClient.from(client);
  await createPkSkTable(client, TABLE);

  store = new DynamoDbQuotaStore(documents, TABLE);
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

const update = (u: { Update: object }) => documents.send(new UpdateCommand(u.Update as never));
const ledgerItems = async () =>
  ((await documents.send(new ScanCommand({ TableName: TABLE }))).Items ?? []).filter(
    (i) => i.entity === 'COUNTER' || i.entity === 'GAUGE',
  );

describe('the sharded quota ledger', () => {
  it('reads shards and pre-sharding items as one figure, and moves the old items exactly once', async () => {
    const june = { unitId: 'hn', metric: 'ADMITTED' as const, month: '2025-06' };
    await update(counterTransactUpdate(TABLE, { ...june, delta: 2 }, '05'));
    await update(counterTransactUpdate(TABLE, { ...june, delta: 1 }, '17'));
    await update(counterTransactUpdate(TABLE, { ...june, month: '2025-07', delta: 4 }, '05'));
    // Written by the layout before sharding: the whole month in one item.
    await documents.send(
      new PutCommand({
        TableName: TABLE,
        Item: { PK: 'CNT#hn#ADMITTED', SK: '2025-06', entity: 'COUNTER', unitId: 'hn', count: 3 },
      }),
    );
    await update(
      gaugeTransactUpdate(
        TABLE,
        { unitId: 'hn', stage: 'CEREMONY', month: '2025-06', delta: 1 },
        '09',
      ),
    );
    await documents.send(
      new PutCommand({
        TableName: TABLE,
        Item: {
          PK: 'GAUGE#hn',
          SK: 'CEREMONY#2025-06',
          entity: 'GAUGE',
          unitId: 'hn',
          stage: 'CEREMONY',
          month: '2025-06',
          count: 2,
        },
      }),
    );

    const figures = async () => ({
      counters: (await store.readCounters('hn', 'ADMITTED', '2025-H1')).sort((a, b) =>
        a.month.localeCompare(b.month),
      ),
      q3: await store.readCounters('hn', 'ADMITTED', '2025-Q3'),
      gauges: await store.readGauges('hn'),
    });
    const before = await figures();
    expect(before).toEqual({
      counters: [{ month: '2025-06', count: 6 }],
      q3: [{ month: '2025-07', count: 4 }],
      gauges: [{ stage: 'CEREMONY', month: '2025-06', count: 3 }],
    });
    const stored = (await checkQuotaLedger(store)).differences;
    // No history in this table: the recount sees every stored figure, summed per month.
    expect(stored.map((d) => [d.kind, d.month, d.stored])).toEqual([
      ['COUNTER', '2025-06', 6],
      ['COUNTER', '2025-07', 4],
      ['GAUGE', '2025-06', 3],
    ]);

    const progress: number[] = [];
    expect(await shardQuotaLedger(store, (r) => progress.push(r.found), 1)).toEqual({
      found: 2,
      moved: 2,
      skipped: 0,
    });
    expect(progress).toEqual([1, 2]);
    expect(await figures()).toEqual(before);
    const after = await ledgerItems();
    expect(after.filter((i) => i.shard === undefined)).toEqual([]);
    expect(after.filter((i) => i.shard === LEGACY_SHARD).map((i) => [i.SK, i.count])).toEqual(
      expect.arrayContaining([
        [`2025-06#${LEGACY_SHARD}`, 3],
        [`CEREMONY#2025-06#${LEGACY_SHARD}`, 2],
      ]),
    );
    // A second run finds nothing; a stale read of an item moves nothing.
    expect(await shardQuotaLedger(store)).toEqual({ found: 0, moved: 0, skipped: 0 });
    expect(
      await store.moveToShard({
        PK: 'CNT#hn#ADMITTED',
        SK: '2025-06',
        entity: 'COUNTER',
        unitId: 'hn',
        count: 3,
      }),
    ).toBe(false);
    expect(await figures()).toEqual(before);
  });
});
