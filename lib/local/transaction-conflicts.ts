/**
 * Transaction conflicts as DynamoDB has them, for the local path to DynamoDB Local (which runs
 * one request at a time and so never conflicts). DynamoDB's rules (developer guide, "Transaction
 * conflict handling"):
 *
 * - an item of a TransactWriteItems that is part of another TransactWriteItems in flight: the
 *   later transaction is cancelled (`TransactionCanceledException`, one `CancellationReasons`
 *   entry per action, `TransactionConflict` for the held items, `None` for the others);
 * - a PutItem, UpdateItem or DeleteItem of an item held by a TransactWriteItems in flight:
 *   `TransactionConflictException` (400);
 * - a TransactGetItems whose items are held by a write transaction in flight is cancelled the
 *   same way; one in flight when a write to its items arrives is cancelled when it answers;
 * - plain reads (GetItem, Query, Scan, BatchGetItem) never conflict.
 *
 * "In flight" is the wall-clock overlap of the requests as the proxy sees them. This module is
 * pure bookkeeping: the proxy (lib/local/fault-proxy.ts) asks `admit` before forwarding and calls
 * `release` when DynamoDB Local has answered.
 */

import { createHash } from 'node:crypto';
import { listResources, type CfnTemplate, type Resolve } from './template';

/** Key attribute names of each table: `{ tableName: ['PK', 'SK'] }`. */
export type KeySchemas = Record<string, string[]>;

/** The key schema of every AWS::DynamoDB::Table of the template, by table name. */
export function keySchemasOf(template: CfnTemplate, resolve: Resolve): KeySchemas {
  return Object.fromEntries(
    listResources(template, 'AWS::DynamoDB::Table').map(({ logicalId, resource }) => {
      const { KeySchema } = resolve(resource.Properties ?? {}) as {
        KeySchema?: { AttributeName: string }[];
      };
      return [String(resolve({ Ref: logicalId })), (KeySchema ?? []).map((k) => k.AttributeName)];
    }),
  );
}

type AttributeMap = Record<string, unknown>;

interface TransactWriteItem {
  Put?: { TableName: string; Item: AttributeMap };
  Update?: { TableName: string; Key: AttributeMap };
  Delete?: { TableName: string; Key: AttributeMap };
  ConditionCheck?: { TableName: string; Key: AttributeMap };
}

interface TransactGetItem {
  Get?: { TableName: string; Key: AttributeMap };
}

interface CancellationReason {
  Code: string;
  Message?: string;
}

/** What the proxy answers instead of forwarding, in DynamoDB's JSON 1.0 error shape. */
export interface ConflictAnswer {
  status: 400;
  body: Record<string, unknown>;
}

export const TRANSACTION_CONFLICT_MESSAGE = 'Transaction is ongoing for the item';

/** The request's decision: forward it (and release when answered), or answer the conflict. */
export type Admission =
  | { conflict: ConflictAnswer; release?: undefined }
  | { conflict?: undefined; release: (answer: { status: number }) => ConflictAnswer | undefined };

/** The items a request touches, each as `table␟key` (the key attributes only, as sent). */
export function itemsOf(
  operation: string,
  request: Record<string, unknown>,
  keySchemas: KeySchemas,
): string[] {
  const identity = (table: string, attributes: AttributeMap | undefined) => {
    const names = keySchemas[table];
    if (!names || !attributes) return undefined;
    return `${table}\u241f${JSON.stringify(names.map((name) => attributes[name] ?? null))}`;
  };
  const defined = (ids: (string | undefined)[]) => ids.filter((id): id is string => Boolean(id));
  const table = String(request.TableName ?? '');
  switch (operation) {
    case 'PutItem':
      return defined([identity(table, request.Item as AttributeMap)]);
    case 'UpdateItem':
    case 'DeleteItem':
      return defined([identity(table, request.Key as AttributeMap)]);
    case 'TransactWriteItems':
      return ((request.TransactItems ?? []) as TransactWriteItem[]).map((action) => {
        const put = action.Put;
        const other = action.Update ?? action.Delete ?? action.ConditionCheck;
        return (
          (put
            ? identity(put.TableName, put.Item)
            : identity(other?.TableName ?? '', other?.Key)) ?? ''
        );
      });
    case 'TransactGetItems':
      return ((request.TransactItems ?? []) as TransactGetItem[]).map(
        (action) => identity(action.Get?.TableName ?? '', action.Get?.Key) ?? '',
      );
    case 'BatchWriteItem':
      return Object.entries((request.RequestItems ?? {}) as Record<string, AttributeMap[]>).flatMap(
        ([name, writes]) =>
          defined(
            writes.map((write) => {
              const w = write as {
                PutRequest?: { Item: AttributeMap };
                DeleteRequest?: { Key: AttributeMap };
              };
              return identity(name, w.PutRequest?.Item ?? w.DeleteRequest?.Key);
            }),
          ),
      );
    default:
      return [];
  }
}

/** The answer DynamoDB gives a cancelled transaction: one reason per action, in order. */
function transactionCanceled(conflicting: boolean[]): ConflictAnswer {
  const reasons: CancellationReason[] = conflicting.map((conflict) =>
    conflict
      ? { Code: 'TransactionConflict', Message: TRANSACTION_CONFLICT_MESSAGE }
      : { Code: 'None' },
  );
  return {
    status: 400,
    body: {
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
      Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons
        .map((reason) => reason.Code)
        .join(', ')}]`,
      CancellationReasons: reasons,
    },
  };
}

function transactionConflict(): ConflictAnswer {
  return {
    status: 400,
    body: {
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionConflictException',
      message: TRANSACTION_CONFLICT_MESSAGE,
    },
  };
}

export interface ConflictCounts {
  /** Transactions cancelled because another one held one of their items. */
  transactionsCanceled: number;
  /** Single-item writes refused because a transaction held the item. */
  writesRefused: number;
}

interface InFlightRead {
  items: string[];
  /** Indexes of the items a write touched while this read was in flight. */
  doomed: Set<number>;
}

/**
 * Which items the transactions in flight hold. One instance per DynamoDB endpoint; requests are
 * admitted in arrival order (the proxy's event loop serialises them).
 */
export class TransactionLedger {
  private readonly heldByWrites = new Map<string, number>();
  private readonly reads = new Set<InFlightRead>();
  readonly counts: ConflictCounts = { transactionsCanceled: 0, writesRefused: 0 };

  constructor(private readonly keySchemas: KeySchemas) {}

  admit(operation: string, request: Record<string, unknown>): Admission {
    const items = itemsOf(operation, request, this.keySchemas);
    switch (operation) {
      case 'TransactWriteItems': {
        const conflicting = items.map((item) => this.heldByWrites.has(item));
        if (conflicting.some(Boolean)) {
          this.counts.transactionsCanceled += 1;
          return { conflict: transactionCanceled(conflicting) };
        }
        this.doomReadsOf(items);
        for (const item of items)
          this.heldByWrites.set(item, (this.heldByWrites.get(item) ?? 0) + 1);
        return {
          release: () => {
            for (const item of items) {
              const count = (this.heldByWrites.get(item) ?? 1) - 1;
              if (count > 0) this.heldByWrites.set(item, count);
              else this.heldByWrites.delete(item);
            }
            return undefined;
          },
        };
      }
      case 'PutItem':
      case 'UpdateItem':
      case 'DeleteItem': {
        if (items.some((item) => this.heldByWrites.has(item))) {
          this.counts.writesRefused += 1;
          return { conflict: transactionConflict() };
        }
        this.doomReadsOf(items);
        return { release: () => undefined };
      }
      case 'BatchWriteItem':
        // Not in DynamoDB's list of requests a transaction rejects; it still dooms a read.
        this.doomReadsOf(items);
        return { release: () => undefined };
      case 'TransactGetItems': {
        const conflicting = items.map((item) => this.heldByWrites.has(item));
        if (conflicting.some(Boolean)) {
          this.counts.transactionsCanceled += 1;
          return { conflict: transactionCanceled(conflicting) };
        }
        const read: InFlightRead = { items, doomed: new Set() };
        this.reads.add(read);
        return {
          release: ({ status }) => {
            this.reads.delete(read);
            if (read.doomed.size === 0 || status !== 200) return undefined;
            this.counts.transactionsCanceled += 1;
            return transactionCanceled(items.map((_, index) => read.doomed.has(index)));
          },
        };
      }
      default:
        return { release: () => undefined };
    }
  }

  /** Items held by write transactions in flight (for tests and diagnostics). */
  held(): string[] {
    return [...this.heldByWrites.keys()];
  }

  /**
   * Holds items as a write transaction that never ends would (until the returned release): how a
   * test shows what callers get when contention outlasts every retry.
   */
  hold(table: string, keys: AttributeMap[]): () => void {
    const items = keys.map(
      (key) => itemsOf('UpdateItem', { TableName: table, Key: key }, this.keySchemas)[0],
    );
    const admitted = this.admit('TransactWriteItems', {
      TransactItems: items.map((_, index) => ({ Update: { TableName: table, Key: keys[index] } })),
    });
    if (admitted.conflict) throw new Error('Those items are held already');
    return () => void admitted.release({ status: 200 });
  }

  private doomReadsOf(items: string[]): void {
    if (this.reads.size === 0) return;
    const written = new Set(items);
    for (const read of this.reads) {
      read.items.forEach((item, index) => {
        if (written.has(item)) read.doomed.add(index);
      });
    }
  }
}

/**
 * Recognises a conflicted request coming back: the SDK and our retry send the very same body
 * again, so a body seen in a conflict answer and seen again is a retried conflict.
 */
export class ConflictRetries {
  private readonly waiting = new Map<string, number>();
  retried = 0;

  constructor(private readonly capacity = 10_000) {}

  conflicted(body: string): void {
    const digest = digestOf(body);
    this.waiting.set(digest, (this.waiting.get(digest) ?? 0) + 1);
    // Bounded: the oldest conflicts that never came back are forgotten first.
    while (this.waiting.size > this.capacity) {
      this.waiting.delete(this.waiting.keys().next().value!);
    }
  }

  arrived(body: string): void {
    if (this.waiting.size === 0) return;
    const digest = digestOf(body);
    const count = this.waiting.get(digest);
    if (count === undefined) return;
    this.retried += 1;
    if (count > 1) this.waiting.set(digest, count - 1);
    else this.waiting.delete(digest);
  }
}

const digestOf = (body: string) => createHash('sha1').update(body).digest('base64');
