import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { digestSubscriberKeys } from '../../../functions/adapters/digest-subscriber-items';
import { DynamoDbDirectoryStore } from '../../../functions/adapters/dynamodb-directory-store';
import { directoryKeys } from '../../../functions/adapters/table-keys';
import { type Account, type AccountEvent } from '../../../functions/domain/account';
import { digestShardOf } from '../../../functions/domain/digest-subscriber';
import { type DynamoDbLocalConnection } from '../../../lib/local/dynamodb-local';
import { dynamoDbLocalForThisFile } from '../../support/dynamodb-local-for-file';
import { createPkSkTable } from '../../support/pk-sk-table';
import { officerAccount } from '../fakes/builders';

jest.setTimeout(180_000);

/**
 * The daily digest's subscriber index on DynamoDB Local: written and removed in the account's own
 * transaction (so it says what the accounts say), read a shard at a time, page by page, and
 * backfilled for accounts written before it existed, conditionally on their version.
 */
const TABLE = 'digest-subscribers';

let dynamo: DynamoDbLocalConnection;
let client: DynamoDBClient;
let documents: DynamoDBDocumentClient;
let directory: DynamoDbDirectoryStore;

beforeAll(async () => {
  dynamo = await dynamoDbLocalForThisFile();
  client = dynamo.createClient();
  await createPkSkTable(client, TABLE);
  documents = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  directory = new DynamoDbDirectoryStore(documents, TABLE);
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

const account = officerAccount;
const event = (a: Account): AccountEvent => ({
  userId: a.userId,
  at: `2026-01-01T00:00:0${a.version}Z`,
  type: 'ACCOUNT_CREATED',
});

async function change(before: Account, patch: Partial<Account>): Promise<Account> {
  const after = { ...before, ...patch, version: before.version + 1 };
  await directory.saveAccount(before, after, event(after));
  return after;
}

/** Every subscriber of a shard, read a page at a time. */
async function shardOf(shard: number, pageSize: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await directory.digestSubscribers(shard, pageSize, cursor);
    ids.push(...page.items.map((s) => s.userId));
    cursor = page.cursor;
    pages++;
  } while (cursor);
  return { ids, pages };
}

describe('the subscriber index', () => {
  it('follows every write of the account in its own transaction', async () => {
    let hoa = account('idx-hoa');
    await directory.saveAccount(undefined, hoa, event(hoa));
    const shard = digestShardOf(hoa.userId);
    expect((await directory.digestSubscribers(shard, 10)).items).toEqual([
      {
        userId: 'idx-hoa',
        name: 'Đồng chí idx-hoa',
        email: 'idx-hoa@example.vn',
        unitId: 'cb-1',
        roles: ['cell-officer'],
      },
    ]);
    const ids = async () => (await shardOf(shard, 10)).ids.filter((id) => id === hoa.userId);
    // Moved, with an extra role: the item says so; an admin-only role acts on no step.
    hoa = await change(hoa, { unitId: 'cb-2', roles: ['cell-officer', 'admin'] });
    expect((await directory.digestSubscribers(shard, 10)).items[0]).toMatchObject({
      unitId: 'cb-2',
      roles: ['cell-officer'],
    });
    hoa = await change(hoa, { digest: false });
    expect(await ids()).toEqual([]);
    hoa = await change(hoa, { digest: true });
    expect(await ids()).toEqual([hoa.userId]);
    hoa = await change(hoa, { enabled: false });
    expect(await ids()).toEqual([]);
    hoa = await change(hoa, { enabled: true, roles: ['admin'] });
    expect(await ids()).toEqual([]);
    // The item holds the keys and the subscriber, nothing more (no roles it does not act on).
    await change(hoa, { roles: ['approver'] });
    const { Items } = await documents.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'PK = :pk AND SK = :sk',
        ExpressionAttributeValues: {
          ':pk': digestSubscriberKeys.partition(shard),
          ':sk': hoa.userId,
        },
      }),
    );
    expect(Object.keys(Items![0]).sort()).toEqual(
      ['PK', 'SK', 'entity', 'userId', 'name', 'email', 'unitId', 'roles'].sort(),
    );
  });

  it('reads a shard in pages of its own people only, in one partition', async () => {
    const people = Array.from({ length: 40 }, (_, i) => account(`page-${i}`));
    for (const person of people) await directory.saveAccount(undefined, person, event(person));
    const shard = digestShardOf('page-0');
    const inShard = people.map((p) => p.userId).filter((id) => digestShardOf(id) === shard);
    const { ids, pages } = await shardOf(shard, 1);
    expect(ids.filter((id) => id.startsWith('page-'))).toEqual([...inShard].sort());
    expect(pages).toBeGreaterThanOrEqual(inShard.length);
    expect(ids.every((id) => digestShardOf(id) === shard)).toBe(true);
  });

  it('backfills an account written before the index, once, and not one that changed meanwhile', async () => {
    // As before the upgrade: the account item alone.
    const old = account('legacy-lan');
    await documents.send(
      new PutCommand({
        TableName: TABLE,
        Item: { ...directoryKeys.account(old.userId), entity: 'ACCOUNT', ...old },
      }),
    );
    const shard = digestShardOf(old.userId);
    const listed = async () => (await shardOf(shard, 25)).ids.includes(old.userId);
    expect(await listed()).toBe(false);
    // A stale copy (version 0) is refused: the account's own write would have indexed it.
    expect(await directory.indexDigestSubscriber({ ...old, version: 0 })).toBe(false);
    expect(await listed()).toBe(false);
    expect(await directory.indexDigestSubscriber(old)).toBe(true);
    expect(await listed()).toBe(true);
    expect(await directory.indexDigestSubscriber(old)).toBe(false);
    // One who turned it off is not put in.
    expect(await directory.indexDigestSubscriber(account('legacy-off', { digest: false }))).toBe(
      false,
    );
  });
});
