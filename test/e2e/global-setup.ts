import { startDynamoDbLocal } from '../../lib/local/dynamodb-local';
import { synthesizeInBackground } from '../../lib/local/synthesize';
import { SHARED_DYNAMODB_ENV } from '../support/shared-dynamodb';
import { rememberForTeardown } from './support/shared-dynamodb-instances';

/**
 * Before any end-to-end file runs:
 * - `cdk synth` exactly as a developer runs it, so the tests exercise the real cloud assembly —
 *   less aws-cdk-lib's CloudFormation schema check, which writes only a report, costs seconds
 *   before any test can start, and is run as a failing check by
 *   test/infra/cloudformation-validation.test.ts;
 * - meanwhile, one in-memory DynamoDB Local per jest worker. A JVM's start costs seconds of CPU,
 *   and the files of a worker run one after another, so each file's runtime empties its worker's
 *   instance and creates the template's tables afresh (test/e2e/support/runtime-process.ts)
 *   instead of starting a JVM of its own.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  // Beside a synthesis on a busy machine a JVM may take longer than its default 30 s to answer.
  const instances = Array.from({ length: Math.max(1, globalConfig.maxWorkers) }, () =>
    startDynamoDbLocal({ startTimeoutMs: 180_000 }),
  );
  // A failed start is reported when awaited below, not as an unhandled rejection meanwhile.
  for (const instance of instances) instance.catch(() => undefined);
  const validation = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  try {
    await synthesizeInBackground();
  } finally {
    if (validation === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = validation;
    // Started or not, each is stopped at the end (test/e2e/global-teardown.ts).
    rememberForTeardown(instances);
  }
  const started = await Promise.all(instances);
  // The workers are forked after this, with this environment.
  process.env[SHARED_DYNAMODB_ENV] = started.map((instance) => instance.endpoint).join(',');
}
