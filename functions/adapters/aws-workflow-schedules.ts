import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { traced } from '../observability/tracer';
import { requiredEnv } from './dynamodb-documents';
import { EventBridgeWorkflowSchedules } from './eventbridge-workflow-schedules';
import { type WorkflowSchedules } from './workflow-schedules';

/**
 * The probation schedules: created in PROBATION_SCHEDULE_GROUP, starting the recognition state
 * machine (RECOGNITION_STATE_MACHINE_ARN) as PROBATION_SCHEDULER_ROLE_ARN, undelivered starts
 * going to SCHEDULE_DEAD_LETTER_QUEUE_ARN. Only the functions that arm or repair a schedule
 * import this module, and with it the Scheduler SDK.
 */
export function awsWorkflowSchedules(): WorkflowSchedules {
  return new EventBridgeWorkflowSchedules(traced(new SchedulerClient({ maxAttempts: 5 })), {
    groupName: requiredEnv('PROBATION_SCHEDULE_GROUP'),
    stateMachineArn: requiredEnv('RECOGNITION_STATE_MACHINE_ARN'),
    roleArn: requiredEnv('PROBATION_SCHEDULER_ROLE_ARN'),
    deadLetterQueueArn: requiredEnv('SCHEDULE_DEAD_LETTER_QUEUE_ARN'),
  });
}
