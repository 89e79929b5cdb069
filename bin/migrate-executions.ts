import { parseArgs } from 'node:util';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDbCandidateStore } from '../functions/adapters/dynamodb-candidate-store';
import { StepFunctionsWorkflow } from '../functions/adapters/sfn-workflow';
import { migrateInFlight } from '../functions/services/migrate-in-flight';
import { LOCAL_CLIENT_CONFIG, TARGET_OPTIONS, tableTarget } from './table-target';

/**
 * npm run workflow:migrate — after a deployment changed a state machine's definition, moves every
 * in-flight candidate onto it: a new execution at the stage its item names (the `resumeFrom`
 * entry), and the old execution stopped. Safe to re-run and to interrupt.
 *
 *   npm run workflow:migrate [-- --dry-run]               the local runtime (`npm start`)
 *   npm run workflow:migrate -- --data-dir DIR            a local runtime started with --data-dir
 *   TABLE_NAME=… STATE_MACHINE_ARN=… RECOGNITION_STATE_MACHINE_ARN=… AWS_REGION=… \
 *     npm run workflow:migrate                            a deployed stack (its outputs)
 */
async function main(): Promise<number> {
  const { values: args } = parseArgs({
    options: { ...TARGET_OPTIONS, 'dry-run': { type: 'boolean' } },
  });
  const target = tableTarget(args);
  const local = target.localRuntime;
  const arns = local?.stateMachineArns ?? {
    admission: requiredEnv('STATE_MACHINE_ARN'),
    recognition: requiredEnv('RECOGNITION_STATE_MACHINE_ARN'),
  };
  const sfn = new SFNClient(
    local?.sfnEndpoint ? { ...LOCAL_CLIENT_CONFIG, endpoint: local.sfnEndpoint } : {},
  );
  try {
    const report = await migrateInFlight(
      {
        store: new DynamoDbCandidateStore(target.documents, target.table),
        workflow: new StepFunctionsWorkflow(sfn, arns),
      },
      { dryRun: args['dry-run'], log: (line) => console.log(`  ${line}`) },
    );
    console.log(
      `${args['dry-run'] ? 'Thử / dry run: ' : ''}${report.inFlight} hồ sơ đang xử lý / in flight; ` +
        `chuyển ${report.migrated} / migrated ${report.migrated}; ` +
        `đã đổi giai đoạn trong lúc chuyển / moved meanwhile ${report.movedMeanwhile}`,
    );
    return 0;
  } finally {
    sfn.destroy();
    target.close();
  }
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required (a stack output) when no local runtime is used`);
  return value;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(2);
  },
);
