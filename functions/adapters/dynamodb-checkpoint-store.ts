import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Checkpoint, CheckpointMovedError, type CheckpointStore } from './checkpoint-store';
import { isConditionFailure } from './dynamodb-errors';
import { keys } from './table-keys';

/** One item per job (`CHECKPOINT#<job>` / `META`), replaced with a condition on its version. */
export class DynamoDbCheckpointStore implements CheckpointStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async load<Position>(job: string): Promise<Checkpoint<Position>> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.checkpoint(job),
        ConsistentRead: true,
      }),
    );
    if (!Item) return { passesCompleted: 0, version: 0 };
    return {
      ...(Item.position !== undefined ? { position: Item.position as Position } : {}),
      passesCompleted: Number(Item.passesCompleted ?? 0),
      ...(Item.passStartedAt ? { passStartedAt: String(Item.passStartedAt) } : {}),
      version: Number(Item.version),
    };
  }

  async save<Position>(
    job: string,
    before: Checkpoint<Position>,
    next: Omit<Checkpoint<Position>, 'version'>,
  ): Promise<Checkpoint<Position>> {
    const saved = { ...next, version: before.version + 1 };
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.checkpoint(job), entity: 'CHECKPOINT', job, ...saved },
          ConditionExpression:
            before.version === 0 ? 'attribute_not_exists(PK)' : 'version = :version',
          ...(before.version === 0
            ? {}
            : { ExpressionAttributeValues: { ':version': before.version } }),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new CheckpointMovedError(`checkpoint ${job} was saved by another run`);
      }
      throw error;
    }
    return saved;
  }
}
