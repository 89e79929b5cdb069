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

/** The workflow port on the state machine the environment names (STATE_MACHINE_ARN). */
export function awsWorkflow(): Workflow {
  return new StepFunctionsWorkflow(
    new SFNClient({ maxAttempts: 5 }),
    requiredEnv('STATE_MACHINE_ARN'),
  );
}

export function awsDependencies(): Dependencies {
  return {
    store: awsCandidateStore(),
    workflow: awsWorkflow(),
    now: () => new Date(),
    metrics: createPipelineMetrics(),
  };
}
