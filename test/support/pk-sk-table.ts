import {
  CreateTableCommand,
  type DynamoDBClient,
  type ProjectionType,
  type ScalarAttributeType,
} from '@aws-sdk/client-dynamodb';

/** A global secondary index of the table: its keys (hash, then range) and what it projects. */
export interface TestIndex {
  name: string;
  hash: { name: string; type: ScalarAttributeType };
  range: { name: string; type: ScalarAttributeType };
  projection: ProjectionType;
}

/**
 * An on-demand table keyed `PK`/`SK` like the stack's, with the one index a test or a benchmark
 * reads, for DynamoDB Local.
 */
export async function createPkSkTable(
  client: DynamoDBClient,
  tableName: string,
  index?: TestIndex,
): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
        ...(index
          ? [
              { AttributeName: index.hash.name, AttributeType: index.hash.type },
              { AttributeName: index.range.name, AttributeType: index.range.type },
            ]
          : []),
      ],
      ...(index
        ? {
            GlobalSecondaryIndexes: [
              {
                IndexName: index.name,
                KeySchema: [
                  { AttributeName: index.hash.name, KeyType: 'HASH' },
                  { AttributeName: index.range.name, KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: index.projection },
              },
            ],
          }
        : {}),
    }),
  );
}
