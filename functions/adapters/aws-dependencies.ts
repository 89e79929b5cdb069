import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SFNClient } from '@aws-sdk/client-sfn';
import { traced } from '../observability/tracer';
import { createPipelineMetrics } from '../observability/transition-metrics';
import { type Dependencies } from '../services/dependencies';
import { type CandidateStore } from './candidate-store';
import { type CheckpointStore } from './checkpoint-store';
import { DynamoDbCheckpointStore } from './dynamodb-checkpoint-store';
import { createDocumentClient, requiredEnv } from './dynamodb-documents';
import { DynamoDbCandidateStore } from './dynamodb-candidate-store';
import { EventBridgeWorkflowSchedules } from './eventbridge-workflow-schedules';
import { StepFunctionsWorkflow } from './sfn-workflow';
import { type Workflow } from './workflow';
import { type WorkflowSchedules } from './workflow-schedules';

/** The candidate store on the table the function's environment names (TABLE_NAME). */
export function awsCandidateStore(): CandidateStore {
  return new DynamoDbCandidateStore(createDocumentClient(), requiredEnv('TABLE_NAME'));
}

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

/**
 * The probation schedules: created in PROBATION_SCHEDULE_GROUP, starting the recognition state
 * machine (RECOGNITION_STATE_MACHINE_ARN) as PROBATION_SCHEDULER_ROLE_ARN, undelivered starts
 * going to SCHEDULE_DEAD_LETTER_QUEUE_ARN.
 */
export function awsWorkflowSchedules(): WorkflowSchedules {
  return new EventBridgeWorkflowSchedules(traced(new SchedulerClient({ maxAttempts: 5 })), {
    groupName: requiredEnv('PROBATION_SCHEDULE_GROUP'),
    stateMachineArn: requiredEnv('RECOGNITION_STATE_MACHINE_ARN'),
    roleArn: requiredEnv('PROBATION_SCHEDULER_ROLE_ARN'),
    deadLetterQueueArn: requiredEnv('SCHEDULE_DEAD_LETTER_QUEUE_ARN'),
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
