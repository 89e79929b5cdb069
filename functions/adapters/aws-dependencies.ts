import { type Dependencies } from '../services/dependencies';
import { awsDependenciesWith } from './aws-dependencies-with';
import { awsWorkflow } from './aws-workflow';
import { type CheckpointStore } from './checkpoint-store';
import { DynamoDbCheckpointStore } from './dynamodb-checkpoint-store';
import { createDocumentClient, requiredEnv } from './dynamodb-documents';

/** The use cases' dependencies, with the Step Functions client loaded at the cold start. */
export function awsDependencies(): Dependencies {
  return awsDependenciesWith(awsWorkflow());
}

/** Resumable jobs' checkpoints, on the table the environment names (TABLE_NAME). */
export function awsCheckpoints(): CheckpointStore {
  return new DynamoDbCheckpointStore(createDocumentClient(), requiredEnv('TABLE_NAME'));
}
