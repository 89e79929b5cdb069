import {
  ConflictException,
  CreateScheduleCommand,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import { type ScheduledStart, type WorkflowSchedules } from './workflow-schedules';

export interface ScheduleTarget {
  /** The schedule group the function may create schedules in. */
  groupName: string;
  /** The state machine the schedule starts (StartExecution). */
  stateMachineArn: string;
  /** The role EventBridge Scheduler assumes to start it (and to send to the dead-letter queue). */
  roleArn: string;
  /** Where the scheduler puts a start it could not deliver once its retries are spent. */
  deadLetterQueueArn: string;
}

/**
 * One-time `at()` schedules in Vietnam time, fired exactly at their time (no flexible window),
 * deleted once they have started the execution. Locally the same SDK reaches the runtime's
 * scheduler endpoint (AWS_ENDPOINT_URL_SCHEDULER).
 */
export class EventBridgeWorkflowSchedules implements WorkflowSchedules {
  constructor(
    private readonly scheduler: SchedulerClient,
    private readonly target: ScheduleTarget,
  ) {}

  async scheduleStart(start: ScheduledStart): Promise<'created' | 'existing'> {
    try {
      await this.scheduler.send(
        new CreateScheduleCommand({
          Name: start.name,
          GroupName: this.target.groupName,
          ScheduleExpression: `at(${start.at})`,
          ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: this.target.stateMachineArn,
            RoleArn: this.target.roleArn,
            Input: JSON.stringify(start.input),
            // The scheduler retries a failed StartExecution for up to a day before giving up;
            // the resume job repairs a member left on probation past its end after that.
            RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
            // Then the undelivered start lands in the encrypted dead-letter queue, which alarms.
            DeadLetterConfig: { Arn: this.target.deadLetterQueueArn },
          },
        }),
      );
      return 'created';
    } catch (error) {
      // The name is per candidate: an earlier attempt (a retried apply step) created it.
      if (error instanceof ConflictException) return 'existing';
      throw error;
    }
  }
}
