import { SFNClient } from '@aws-sdk/client-sfn';
import { traced } from '../observability/tracer';
import { createPipelineMetrics } from '../observability/transition-metrics';
import { type Dependencies } from '../services/dependencies';
import { awsCandidateStore } from './aws-candidate-store';
import { type CheckpointStore } from './checkpoint-store';
import { DynamoDbCheckpointStore } from './dynamodb-checkpoint-store';
import { createDocumentClient, requiredEnv } from './dynamodb-documents';
import { StepFunctionsWorkflow } from './sfn-workflow';
import { type Workflow } from './workflow';

/**
 * The workflow port on the state machines the environment names: STATE_MACHINE_ARN (admission)
 * and, for the functions that start or resume recognition, RECOGNITION_STATE_MACHINE_ARN.
 */
function awsWorkflow(): Workflow {
  const recognition = process.env.RECOGNITION_STATE_MACHINE_ARN;
  return new StepFunctionsWorkflow(traced(new SFNClient({ maxAttempts: 5 })), {
    admission: requiredEnv('STATE_MACHINE_ARN'),
    ...(recognition ? { recognition } : {}),
  });
}

export function awsDependencies(): Dependencies {
  return {
    store: awsCandidateStore(),
    workflow: awsWorkflow(),
    now: () => new Date(),
    metrics: createPipelineMetrics(),
  };
}

/** Resumable jobs' checkpoints, on the table the environment names (TABLE_NAME). */
export function awsCheckpoints(): CheckpointStore {
  return new DynamoDbCheckpointStore(createDocumentClient(), requiredEnv('TABLE_NAME'));
}
