import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type DynamoDbLocalConnection } from '../../../lib/local/dynamodb-local';
import { dynamoDbLocalForThisFile } from '../../support/dynamodb-local-for-file';
import { type FaultProxy, startFaultProxy } from '../../../lib/local/fault-proxy';
import { createPkSkTable } from '../../support/pk-sk-table';

jest.setTimeout(120_000);

/**
 * The proxy's read units as DynamoDB bills them: DynamoDB Local reports 0 for a read that finds
 * nothing, DynamoDB bills a GetItem, Query or Scan at least ½ unit (1 if strongly consistent).
 */

const TABLE = 'billing';
let dynamo: DynamoDbLocalConnection;
let proxy: FaultProxy;
let client: DynamoDBClient;
let documents: DynamoDBDocumentClient;

beforeAll(async () => {
  dynamo = await dynamoDbLocalForThisFile();
  // As the runtime runs it: every request body read (here by an inspector that lets all pass).
  proxy = await startFaultProxy({ target: dynamo.endpoint, inspect: () => undefined });
  client = new DynamoDBClient({
    endpoint: proxy.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  documents = DynamoDBDocumentClient.from(client);
  await createPkSkTable(client, TABLE);
  await documents.send(new PutCommand({ TableName: TABLE, Item: { PK: 'a', SK: '1', n: 1 } }));
});
afterAll(async () => {
  client?.destroy();
  await proxy?.close();
  await dynamo?.stop();
});

async function readUnitsOf(pk: string, consistent = false) {
  proxy.resetStats();
  await documents.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: consistent,
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  const { readUnits, billedReadUnits } = proxy.stats();
  return { readUnits, billedReadUnits };
}

describe('read units as DynamoDB bills them', () => {
  it('bills a read that finds nothing at the minimum DynamoDB Local leaves out', async () => {
    expect(await readUnitsOf('none')).toEqual({ readUnits: 0, billedReadUnits: 0.5 });
    expect(await readUnitsOf('none', true)).toEqual({ readUnits: 0, billedReadUnits: 1 });
  });

  it('bills a read that finds something as DynamoDB Local reports it', async () => {
    expect(await readUnitsOf('a')).toEqual({ readUnits: 0.5, billedReadUnits: 0.5 });
  });

  it('leaves writes out', async () => {
    proxy.resetStats();
    await documents.send(
      new PutCommand({
        TableName: TABLE,
        Item: { PK: 'b', SK: '1' },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(proxy.stats()).toMatchObject({ readUnits: 0, billedReadUnits: 0, writeUnits: 1 });
  });
});
