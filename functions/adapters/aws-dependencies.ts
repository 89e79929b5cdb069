import { SFNClient } from '@aws-sdk/client-sfn';
import { Dependencies } from '../services/dependencies';
import { createDocumentClient, requiredEnv } from './dynamodb-documents';
import { DynamoDbCandidateStore } from './dynamodb-candidate-store';
import { StepFunctionsWorkflow } from './sfn-workflow';

/** The adapters a handler uses, bound to the table and state machine its environment names. */
export function awsDependencies(): Dependencies {
  return {
    store: new DynamoDbCandidateStore(createDocumentClient(), requiredEnv('TABLE_NAME')),
    workflow: new StepFunctionsWorkflow(
      new SFNClient({ maxAttempts: 5 }),
      requiredEnv('STATE_MACHINE_ARN'),
    ),
    now: () => new Date(),
  };
}
