import {
  CreateTableCommand,
  DescribeTableCommand,
  PutItemCommand,
  QueryCommand,
  UpdateTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../../lib/local/dynamodb-local';

// Starting java takes a few seconds, more on a busy machine.
jest.setTimeout(90_000);

/**
 * DynamoDB Local tuned for the national benchmark's load (`bulkLoad`): it keeps the tables'
 * parsed schemas, keyed by the stored schema itself. A schema that changes must be read anew,
 * or items written after the change would miss the new index.
 */
describe('DynamoDB Local for a bulk load', () => {
  let dynamo: DynamoDbLocal;
  let client: DynamoDBClient;
  const TableName = 'bulk';
  const put = (id: string) =>
    client.send(
      new PutItemCommand({
        TableName,
        Item: { pk: { S: id }, colour: { S: 'red' } },
      }),
    );
  const red = () =>
    client.send(
      new QueryCommand({
        TableName,
        IndexName: 'byColour',
        KeyConditionExpression: 'colour = :c',
        ExpressionAttributeValues: { ':c': { S: 'red' } },
      }),
    );

  beforeAll(async () => {
    dynamo = await startDynamoDbLocal({ bulkLoad: true });
    client = dynamo.createClient();
  });

  afterAll(async () => {
    client?.destroy();
    await dynamo?.stop();
  });

  it('indexes what is written after an index is added (the schema is not kept stale)', async () => {
    await client.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    // Written while the schema has no index, many times: the parsed schema is cached.
    for (let i = 0; i < 20; i++) await put(`before-${i}`);
    await client.send(
      new UpdateTableCommand({
        TableName,
        AttributeDefinitions: [{ AttributeName: 'colour', AttributeType: 'S' }],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: 'byColour',
              KeySchema: [{ AttributeName: 'colour', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'KEYS_ONLY' },
            },
          },
        ],
      }),
    );
    for (let i = 0; i < 50; i++) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName }));
      if (Table?.GlobalSecondaryIndexes?.[0]?.IndexStatus === 'ACTIVE') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await put('after');
    const { Items } = await red();
    const ids = (Items ?? []).map((item) => item.pk.S).sort();
    expect(ids).toContain('after');
    expect(ids).toHaveLength(21);
  });
});
