import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbCandidateStore } from '../functions/adapters/dynamodb-candidate-store';
import { DynamoDbCheckpointStore } from '../functions/adapters/dynamodb-checkpoint-store';
import { resumeInFlight } from '../functions/services/resume-in-flight';

/**
 * What the repair sweep reads (npm run bench:repair, npm run bench:national): one full pass of
 * the service (functions/services/resume-in-flight.ts) over the sparse in-flight index, with
 * every execution reported running, so the pass reads and repairs nothing and only its reads
 * are counted.
 */

/** Adds ReturnConsumedCapacity: TOTAL to every call of `client` and sums the units. */
export function counted(client: DynamoDBClient) {
  const total = { readUnits: 0 };
  client.middlewareStack.add(
    (next) => async (args) => {
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      for (const c of [consumed ?? []].flat() as { CapacityUnits?: number }[]) {
        total.readUnits += c.CapacityUnits ?? 0;
      }
      return result;
    },
    { step: 'initialize', name: 'countCapacity' },
  );
  return total;
}

export async function readOnlySweep(documents: DynamoDBDocumentClient, table: string) {
  return resumeInFlight({
    store: new DynamoDbCandidateStore(documents, table),
    checkpoints: new DynamoDbCheckpointStore(documents, table),
    workflow: {
      isRunning: async () => true,
      start: async () => undefined,
      startAtScheduledEntry: async () => 'started',
      deliver: async () => true,
      stop: async () => undefined,
    },
    schedules: { scheduleStart: async () => 'created' },
    now: () => new Date(),
  });
}
