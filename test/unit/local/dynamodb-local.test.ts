import * as net from 'node:net';
import * as path from 'node:path';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  JAVA_INSTALL_HINT,
  createTablesFromTemplate,
  startDynamoDbLocal,
  useSharedDynamoDbLocal,
  type DynamoDbLocal,
} from '../../../lib/local/dynamodb-local';
import { createResolver, loadStackTemplate } from '../../../lib/local/template';

const { template, stackName } = loadStackTemplate(
  path.join(__dirname, '../../fixtures/local-cdk-out'),
);
const resolve = createResolver({ template, stackName });

// Starting java takes a few seconds, more on a busy machine.
jest.setTimeout(60_000);

describe('DynamoDB Local in memory', () => {
  let dynamo: DynamoDbLocal;
  let client: DynamoDBClient;

  beforeAll(async () => {
    dynamo = await startDynamoDbLocal();
    client = dynamo.createClient();
  });

  afterAll(async () => {
    client?.destroy();
    await dynamo?.stop();
  });

  it('listens on a free loopback port', async () => {
    expect(dynamo.endpoint).toBe(`http://127.0.0.1:${dynamo.port}`);
    expect(dynamo.port).toBeGreaterThan(0);
    expect(dynamo.loopbackOnly).toBe(true);
    // Jetty would otherwise bind 0.0.0.0, which also answers on 127.0.0.2.
    const reachable = await new Promise<boolean>((done) => {
      const socket = net.connect(dynamo.port, '127.0.0.2');
      socket.once('connect', () => (socket.destroy(), done(true)));
      socket.once('error', () => done(false));
    });
    expect(reachable).toBe(false);
  });

  it('creates every table of the template, with its GSI and TTL', async () => {
    const result = await createTablesFromTemplate(client, template, resolve);
    expect(result).toEqual({
      created: ['ItemsTable5AAC2C46', 'LocalFixtureStack-audit'],
      existing: [],
    });

    const { Table } = await client.send(
      new DescribeTableCommand({ TableName: 'ItemsTable5AAC2C46' }),
    );
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['byStatus']);
    const ttl = await client.send(
      new DescribeTimeToLiveCommand({ TableName: 'ItemsTable5AAC2C46' }),
    );
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe('expiresAt');

    // Running it again (e.g. on a persistent data dir) leaves existing tables alone.
    const again = await createTablesFromTemplate(client, template, resolve);
    expect(again).toEqual({
      created: [],
      existing: ['ItemsTable5AAC2C46', 'LocalFixtureStack-audit'],
    });
  });

  it('stores, reads and queries items through the GSI', async () => {
    const item = {
      pk: { S: 'CANDIDATE#1' },
      sk: { S: 'PROFILE' },
      status: { S: 'PENDING' },
      createdAt: { N: '42' },
    };
    await client.send(new PutItemCommand({ TableName: 'ItemsTable5AAC2C46', Item: item }));
    const read = await client.send(
      new GetItemCommand({ TableName: 'ItemsTable5AAC2C46', Key: { pk: item.pk, sk: item.sk } }),
    );
    expect(read.Item).toEqual(item);

    const byStatus = await client.send(
      new QueryCommand({
        TableName: 'ItemsTable5AAC2C46',
        IndexName: 'byStatus',
        KeyConditionExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': { S: 'PENDING' } },
      }),
    );
    expect(byStatus.Items).toEqual([item]);
  });

  // DynamoDB Local (1.23+) rejects access keys with anything but letters and digits.
  it('sees the same tables whatever credentials and region a client uses (-sharedDb)', async () => {
    const { DynamoDBClient: Client } = await import('@aws-sdk/client-dynamodb');
    const other = new Client({
      endpoint: dynamo.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'someoneElse', secretAccessKey: 'x' },
    });
    const read = await other.send(
      new GetItemCommand({
        TableName: 'ItemsTable5AAC2C46',
        Key: { pk: { S: 'CANDIDATE#1' }, sk: { S: 'PROFILE' } },
      }),
    );
    other.destroy();
    expect(read.Item?.status).toEqual({ S: 'PENDING' });
  });

  it('lends a running instance to another user emptied of every table, and keeps it running', async () => {
    const shared = await useSharedDynamoDbLocal(dynamo.endpoint);
    const borrower = shared.createClient();
    expect((await borrower.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    const result = await createTablesFromTemplate(borrower, template, resolve);
    expect(result.created).toEqual(['ItemsTable5AAC2C46', 'LocalFixtureStack-audit']);
    const read = await borrower.send(
      new GetItemCommand({
        TableName: 'ItemsTable5AAC2C46',
        Key: { pk: { S: 'CANDIDATE#1' }, sk: { S: 'PROFILE' } },
      }),
    );
    expect(read.Item).toBeUndefined();
    borrower.destroy();
    await shared.stop();
    // Still answering for the next one.
    expect((await client.send(new ListTablesCommand({}))).TableNames).toHaveLength(2);
  });

  it('explains how to install Java when it is missing', async () => {
    await expect(startDynamoDbLocal({ javaCommand: 'java-that-does-not-exist' })).rejects.toThrow(
      JAVA_INSTALL_HINT,
    );
    expect(JAVA_INSTALL_HINT).toContain('sudo apt-get install -y openjdk-17-jre-headless');
  });
});
