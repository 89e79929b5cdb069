import type { DynamoDbLocal } from '../../../lib/local/dynamodb-local';

/**
 * Hands the shared DynamoDB Local instances from the global setup to the global teardown: both
 * run in jest's own process, so a global of that process carries them.
 */
const KEY = Symbol.for('admission.e2e.sharedDynamoDbLocal');
type Holder = { [KEY]?: Promise<DynamoDbLocal>[] };

export function rememberForTeardown(instances: Promise<DynamoDbLocal>[]): void {
  const holder = globalThis as Holder;
  (holder[KEY] ??= []).push(...instances);
}

export async function stopRemembered(): Promise<void> {
  const holder = globalThis as Holder;
  const instances = holder[KEY] ?? [];
  delete holder[KEY];
  await Promise.all(
    instances.map(async (instance) => {
      const started = await instance.catch(() => undefined);
      await started?.stop();
    }),
  );
}
