import { stopRemembered } from './support/shared-dynamodb-instances';

/** Stops the shared DynamoDB Local instances of test/e2e/global-setup.ts. */
export default async function globalTeardown(): Promise<void> {
  await stopRemembered();
}
