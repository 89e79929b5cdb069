import { isConditionFailure } from './dynamodb-errors';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  paginateQuery,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { type ClassSeat, type TrainingClass } from '../domain/training-class';
import { type ClassPage, type ClassStore } from './class-store';
import { decodeCursor, encodeCursor } from './cursor';
import { createDocumentClient, requiredEnv } from './dynamodb-documents';
import { keys, withoutKeys } from './table-keys';

/**
 * A class is `CLASS#<id>` / `META`, its seats `CLASS#<id>` / `SEAT#<candidate>` (one Query reads
 * the roster), and the organiser's list `CLASSES#<organiser>` / `<startsOn>#<id>` holds a copy of
 * the class written in the same transaction.
 */
class DynamoDbClassStore implements ClassStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createClass(trainingClass: TrainingClass): Promise<TrainingClass> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.trainingClass(trainingClass.id),
                  entity: 'CLASS',
                  ...trainingClass,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  PK: keys.classesOf(trainingClass.organiserUnitId),
                  SK: `${trainingClass.startsOn}#${trainingClass.id}`,
                  entity: 'CLASS_LISTING',
                  ...trainingClass,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      );
      return trainingClass;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.getClass(trainingClass.id);
      if (!existing) throw error;
      return existing;
    }
  }

  async getClass(id: string): Promise<TrainingClass | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.trainingClass(id),
        ConsistentRead: true,
      }),
    );
    return Item ? withoutKeys<TrainingClass>(Item) : undefined;
  }

  async listClasses(query: {
    organiserUnitId: string;
    limit: number;
    cursor?: string;
  }): Promise<ClassPage> {
    const partition = keys.classesOf(query.organiserUnitId);
    const page = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: query.cursor ? decodeCursor(query.cursor, 'PK', partition) : undefined,
      }),
    );
    // The listing's copy keeps the class as created; the seat count is read from the class.
    const items = await Promise.all(
      (page.Items ?? []).map(async (i) => (await this.getClass(String(i.id)))!),
    );
    return {
      items: items.filter(Boolean),
      nextCursor: page.LastEvaluatedKey ? encodeCursor(page.LastEvaluatedKey) : undefined,
    };
  }

  async getSeats(classId: string): Promise<ClassSeat[]> {
    const seats: ClassSeat[] = [];
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :seat)',
        ExpressionAttributeValues: {
          ':pk': keys.trainingClass(classId).PK,
          ':seat': keys.seatPrefix,
        },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      seats.push(...(page.Items ?? []).map((i) => withoutKeys<ClassSeat>(i)));
    }
    return seats;
  }
}

export function awsClassStore(): ClassStore {
  return new DynamoDbClassStore(createDocumentClient(), requiredEnv('TABLE_NAME'));
}
