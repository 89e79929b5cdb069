import { SFNClient } from '@aws-sdk/client-sfn';
import { createPipelineMetrics } from '../observability/transition-metrics';
import { Dependencies } from '../services/dependencies';
import { CandidateStore } from './candidate-store';
import { createDocumentClient, requiredEnv } from './dynamodb-documents';
import { DynamoDbCandidateStore } from './dynamodb-candidate-store';
import { StepFunctionsWorkflow } from './sfn-workflow';
import { Workflow } from './workflow';

/** The candidate store on the table the function's environment names (TABLE_NAME). */
export function awsCandidateStore(): CandidateStore {
  return new DynamoDbCandidateStore(createDocumentClient(), requiredEnv('TABLE_NAME'));
}

/**
 * The workflow port on the state machines the environment names: STATE_MACHINE_ARN (admission)
 * and, for the functions that start or resume recognition, RECOGNITION_STATE_MACHINE_ARN.
 */
export function awsWorkflow(): Workflow {
  const recognition = process.env.RECOGNITION_STATE_MACHINE_ARN;
  return new StepFunctionsWorkflow(new SFNClient({ maxAttempts: 5 }), {
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
