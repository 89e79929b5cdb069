/**
 * The in-memory DynamoDB Local instances test/e2e/global-setup.ts starts, one per jest worker (the
 * unit files of the same run use them too: test/support/dynamodb-local-for-file.ts),
 * listed comma-separated in this environment variable (in jest worker order).
 */
export const SHARED_DYNAMODB_ENV = 'E2E_SHARED_DYNAMODB_ENDPOINTS';

/** This jest worker's instance, if the run started them (an e2e file in the run: `npm test`). */
export function sharedDynamoDbOfThisWorker(): string | undefined {
  const endpoints = process.env[SHARED_DYNAMODB_ENV]?.split(',').filter(Boolean) ?? [];
  return endpoints[Number(process.env.JEST_WORKER_ID ?? '1') - 1];
}
