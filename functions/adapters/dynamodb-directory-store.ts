import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Account, type AccountEvent, type DirectoryEntry } from '../domain/account';
import { type Delivery } from '../domain/delivery';
import { type DigestSubscriber, digestSubscriberOf } from '../domain/digest-subscriber';
import { type Role } from '../domain/roles';
import { decodeCursor, encodeCursor } from './cursor';
import { digestSubscriberItem, digestSubscriberKeys } from './digest-subscriber-items';
import { AccountConflictError, type DirectoryStore, type Page } from './directory-store';
import { createDocumentClient, requiredEnv } from './dynamodb-documents';
import { directoryKeys, withoutKeys } from './table-keys';

/** Deliveries are kept for a year and a month, then expire (TTL `expiresAt`, epoch seconds). */
const DELIVERY_RETENTION_SECONDS = 395 * 24 * 3600;
/** Digest notes (one per person and day) expire after a week. */
const DIGEST_NOTE_SECONDS = 7 * 24 * 3600;
/** More holders of one role at one unit than this is a data error, not a committee. */
const MAX_HOLDERS = 100;

const rolesHeld = (account: Account): Role[] => (account.enabled ? account.roles : []);

export class DynamoDbDirectoryStore implements DirectoryStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getAccount(userId: string): Promise<Account | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: directoryKeys.account(userId),
        ConsistentRead: true,
      }),
    );
    return Item ? withoutKeys<Account>(Item) : undefined;
  }

  async accountIdByEmail(email: string): Promise<string | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: directoryKeys.email(email) }),
    );
    return typeof Item?.userId === 'string' ? Item.userId : undefined;
  }

  async saveAccount(before: Account | undefined, after: Account, event: AccountEvent) {
    const put = (Item: Record<string, unknown>, ConditionExpression?: string) => ({
      Put: {
        TableName: this.tableName,
        Item,
        ...(ConditionExpression ? { ConditionExpression } : {}),
      },
    });
    const del = (Key: Record<string, string>) => ({ Delete: { TableName: this.tableName, Key } });
    const items: object[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: { ...directoryKeys.account(after.userId), entity: 'ACCOUNT', ...after },
          ...(before
            ? {
                ConditionExpression: 'version = :version',
                ExpressionAttributeValues: { ':version': before.version },
              }
            : { ConditionExpression: 'attribute_not_exists(PK)' }),
        },
      },
      put(
        {
          PK: directoryKeys.accountPartition(after.userId),
          SK: `${directoryKeys.eventPrefix}${event.at}#${after.version}`,
          entity: 'ACCOUNT_EVENT',
          ...event,
        },
        'attribute_not_exists(PK)',
      ),
      put({
        PK: directoryKeys.unitAccounts(after.unitId),
        SK: after.userId,
        entity: 'UNIT_ACCOUNT',
        ...after,
      }),
    ];
    // Accounts made outside the product may lack an address (local tokens): no owner item then.
    if (!before && after.email) {
      items.push(
        put(
          { ...directoryKeys.email(after.email), entity: 'EMAIL', userId: after.userId },
          'attribute_not_exists(PK)',
        ),
      );
    }
    if (before && before.unitId !== after.unitId) {
      items.push(del({ PK: directoryKeys.unitAccounts(before.unitId), SK: before.userId }));
    }
    const held = new Set(rolesHeld(after));
    for (const role of before ? rolesHeld(before) : []) {
      if (before!.unitId !== after.unitId || !held.has(role)) {
        items.push(del({ PK: directoryKeys.holders(before!.unitId, role), SK: before!.userId }));
      }
    }
    for (const role of held) {
      const entry: DirectoryEntry = {
        userId: after.userId,
        name: after.name,
        email: after.email,
        unitId: after.unitId,
        role,
        digest: after.digest,
      };
      items.push(
        put({
          PK: directoryKeys.holders(after.unitId, role),
          SK: after.userId,
          entity: 'DIRECTORY_ENTRY',
          ...entry,
        }),
      );
    }
    // The digest's subscriber index follows the account in the same transaction (last, so the
    // cancellation reasons above keep their positions).
    const subscriber = digestSubscriberOf(after);
    if (subscriber) items.push(put(digestSubscriberItem(subscriber)));
    else if (before && digestSubscriberOf(before)) {
      items.push(del(digestSubscriberKeys.of(before.userId)));
    }
    try {
      await this.documents.send(new TransactWriteCommand({ TransactItems: items as never }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') {
          throw new AccountConflictError('ACCOUNT_CHANGED');
        }
        if (!before && after.email && reasons[3]?.Code === 'ConditionalCheckFailed') {
          throw new AccountConflictError('EMAIL_TAKEN');
        }
      }
      throw error;
    }
  }

  async holdersOf(unitId: string, role: Role, limit = MAX_HOLDERS): Promise<DirectoryEntry[]> {
    const { Items } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': directoryKeys.holders(unitId, role) },
        Limit: Math.min(limit, MAX_HOLDERS),
      }),
    );
    return (Items ?? []).map((item) => withoutKeys<DirectoryEntry>(item));
  }

  async listAccounts(query: {
    unitId: string;
    role?: Role;
    limit: number;
    cursor?: string;
  }): Promise<Page<Account>> {
    const partition = query.role
      ? directoryKeys.holders(query.unitId, query.role)
      : directoryKeys.unitAccounts(query.unitId);
    const page = await this.queryPage(partition, query.limit, query.cursor);
    // A role listing holds directory entries; the accounts themselves are read by key.
    const items = query.role
      ? (
          await Promise.all(page.items.map((entry) => this.getAccount(String(entry.userId))))
        ).filter((a): a is Account => Boolean(a))
      : page.items.map((item) => withoutKeys<Account>(item));
    return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
  }

  async accountEvents(userId: string, limit: number): Promise<AccountEvent[]> {
    const { Items } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':pk': directoryKeys.accountPartition(userId),
          ':prefix': directoryKeys.eventPrefix,
        },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => withoutKeys<AccountEvent>(item));
  }

  async recordDelivery(delivery: Delivery): Promise<void> {
    await this.documents
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            PK: directoryKeys.accountPartition(delivery.userId),
            SK: `${directoryKeys.deliveryPrefix}${delivery.sentAt}#${delivery.deliveryId}`,
            entity: 'DELIVERY',
            ...delivery,
            expiresAt: Math.floor(Date.parse(delivery.sentAt) / 1000) + DELIVERY_RETENTION_SECONDS,
          },
          // A retried send records once: the id is derived from what was sent (deliver.ts).
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  }

  async digestSubscribers(
    shard: number,
    limit: number,
    cursor?: string,
  ): Promise<Page<DigestSubscriber>> {
    const page = await this.queryPage(digestSubscriberKeys.partition(shard), limit, cursor);
    return {
      items: page.items.map((item) => withoutKeys<DigestSubscriber>(item)),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    };
  }

  async indexDigestSubscriber(account: Account): Promise<boolean> {
    const subscriber = digestSubscriberOf(account);
    if (!subscriber) return false;
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: this.tableName,
                Key: directoryKeys.account(account.userId),
                ConditionExpression: 'version = :version',
                ExpressionAttributeValues: { ':version': account.version },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: digestSubscriberItem(subscriber),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      const reasons =
        error instanceof TransactionCanceledException ? error.CancellationReasons : [];
      if (reasons?.some((reason) => reason.Code === 'ConditionalCheckFailed')) return false;
      throw error;
    }
  }

  async digestSent(userId: string, day: string): Promise<boolean> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: directoryKeys.digest(userId, day),
        ConsistentRead: true,
      }),
    );
    return Item !== undefined;
  }

  async markDigestSent(userId: string, day: string, deliveryId: string): Promise<void> {
    await this.documents
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...directoryKeys.digest(userId, day),
            entity: 'DIGEST',
            deliveryId,
            // A note of a day is only read that day: kept a week for diagnosis.
            expiresAt: Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + DIGEST_NOTE_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  }

  async listDeliveries(userId: string, limit: number, cursor?: string): Promise<Page<Delivery>> {
    const page = await this.queryPage(
      directoryKeys.accountPartition(userId),
      limit,
      cursor,
      directoryKeys.deliveryPrefix,
      false,
    );
    return {
      items: page.items.map((item) => {
        const delivery = withoutKeys<Delivery & { expiresAt?: number }>(item);
        delete delivery.expiresAt;
        return delivery;
      }),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    };
  }

  private async queryPage(
    partition: string,
    limit: number,
    cursor?: string,
    prefix?: string,
    forward = true,
  ): Promise<{ items: Record<string, unknown>[]; cursor?: string }> {
    const { Items, LastEvaluatedKey } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: prefix ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
        ExpressionAttributeValues: { ':pk': partition, ...(prefix ? { ':prefix': prefix } : {}) },
        ScanIndexForward: forward,
        Limit: limit,
        ...(cursor ? { ExclusiveStartKey: decodeCursor(cursor, 'PK', partition) } : {}),
      }),
    );
    return {
      items: Items ?? [],
      ...(LastEvaluatedKey ? { cursor: encodeCursor(LastEvaluatedKey) } : {}),
    };
  }
}

/** The directory on the table the environment names (TABLE_NAME). */
export function awsDirectoryStore(): DirectoryStore {
  return new DynamoDbDirectoryStore(createDocumentClient(), requiredEnv('TABLE_NAME'));
}
