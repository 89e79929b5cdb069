import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { retryTransactionConflicts } from './conflict-retry';
import { traced } from '../observability/tracer';

/** One document client per container, reused across invocations. */
export function createDocumentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoDbClient(), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/**
 * A DynamoDB client that retries transaction conflicts, records consumed capacity and is traced
 * (X-Ray subsegments).
 */
export function createDynamoDbClient(): DynamoDBClient {
  return traced(
    retryTransactionConflicts(recordConsumedCapacity(new DynamoDBClient({ maxAttempts: 5 }))),
  );
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

/** What the data-plane commands of this container consumed, by table (capacity units). */
export interface ConsumedCapacityTotals {
  requests: number;
  readUnits: number;
  writeUnits: number;
  byTable: Record<string, { readUnits: number; writeUnits: number }>;
}

const CAPACITY_COMMANDS =
  /^(Get|Put|Update|Delete|Query|Scan|BatchGet|BatchWrite|TransactGet|TransactWrite)(Item|Items)?Command$/;
const WRITE_COMMANDS = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

const totals: ConsumedCapacityTotals = { requests: 0, readUnits: 0, writeUnits: 0, byTable: {} };

/** This container's totals since it started (only counted while the recorder is enabled). */
export function consumedCapacityTotals(): ConsumedCapacityTotals {
  return structuredClone(totals);
}

interface Consumed {
  TableName?: string;
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/**
 * Opt-in measurement (env `RECORD_CONSUMED_CAPACITY=1`, in AWS as well as locally): every data
 * command asks for `ReturnConsumedCapacity: TOTAL`, and what DynamoDB reports is added to this
 * container's totals and logged as one JSON line per command (`RECORD_CONSUMED_CAPACITY=1`), or
 * only counted (`=count`). Off, the client is untouched. Handlers never branch on it.
 */
function recordConsumedCapacity<Client extends DynamoDBClient>(client: Client): Client {
  const mode = process.env.RECORD_CONSUMED_CAPACITY;
  if (!mode || mode === '0') return client;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName ?? '');
      if (!CAPACITY_COMMANDS.test(command)) return next(args);
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      const output = result.output as { ConsumedCapacity?: Consumed | Consumed[] };
      const consumed = [output.ConsumedCapacity ?? []].flat();
      const write = WRITE_COMMANDS.test(command);
      let read = 0;
      let written = 0;
      for (const entry of consumed) {
        const table = entry.TableName ?? '?';
        const units = entry.CapacityUnits ?? 0;
        const r = entry.ReadCapacityUnits ?? (write ? 0 : units);
        const w = entry.WriteCapacityUnits ?? (write ? units : 0);
        const byTable = (totals.byTable[table] ??= { readUnits: 0, writeUnits: 0 });
        byTable.readUnits += r;
        byTable.writeUnits += w;
        read += r;
        written += w;
      }
      totals.requests += 1;
      totals.readUnits += read;
      totals.writeUnits += written;
      if (mode !== 'count') {
        console.log(
          JSON.stringify({ consumedCapacity: { command, readUnits: read, writeUnits: written } }),
        );
      }
      return result;
    },
    { step: 'initialize', name: 'recordConsumedCapacity', override: true },
  );
  return client;
}
