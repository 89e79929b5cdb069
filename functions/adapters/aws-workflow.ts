import { SFNClient } from '@aws-sdk/client-sfn';
import { traced } from '../observability/tracer';
import { requiredEnv } from './dynamodb-documents';
import { StepFunctionsWorkflow } from './sfn-workflow';
import { type Workflow } from './workflow';

/**
 * The workflow port on the state machines the environment names: STATE_MACHINE_ARN (admission)
 * and, for the functions that start or resume recognition, RECOGNITION_STATE_MACHINE_ARN.
 */
export function awsWorkflow(): Workflow {
  const recognition = process.env.RECOGNITION_STATE_MACHINE_ARN;
  return new StepFunctionsWorkflow(traced(new SFNClient({ maxAttempts: 5 })), {
    admission: requiredEnv('STATE_MACHINE_ARN'),
    ...(recognition ? { recognition } : {}),
  });
}
