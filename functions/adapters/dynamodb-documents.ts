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

const CAPACITY_COMMANDS =
  /^(Get|Put|Update|Delete|Query|Scan|BatchGet|BatchWrite|TransactGet|TransactWrite)(Item|Items)?Command$/;
const WRITE_COMMANDS = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

interface Consumed {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/**
 * Opt-in measurement (env `RECORD_CONSUMED_CAPACITY`, in AWS as well as locally): every data
 * command asks for `ReturnConsumedCapacity: TOTAL`. With `=1` what DynamoDB reports is logged as
 * one JSON line per command; with `=count` it is only asked for, and whoever sees the responses
 * adds it up (the local runtime's DynamoDB proxy, lib/local/fault-proxy.ts). Off, the client is
 * untouched. Handlers never branch on it.
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
      if (mode === 'count') return result;
      const output = result.output as { ConsumedCapacity?: Consumed | Consumed[] };
      const write = WRITE_COMMANDS.test(command);
      let read = 0;
      let written = 0;
      for (const entry of [output.ConsumedCapacity ?? []].flat()) {
        const units = entry.CapacityUnits ?? 0;
        read += entry.ReadCapacityUnits ?? (write ? 0 : units);
        written += entry.WriteCapacityUnits ?? (write ? units : 0);
      }
      console.log(
        JSON.stringify({ consumedCapacity: { command, readUnits: read, writeUnits: written } }),
      );
      return result;
    },
    { step: 'initialize', name: 'recordConsumedCapacity', override: true },
  );
  return client;
}
