import { Duration, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * Where EventBridge Scheduler puts a probation wake-up it could not deliver (StartExecution
 * refused until its retry policy gave up): a standard queue (the scheduler takes no FIFO queue),
 * encrypted with SQS-managed keys and reachable over TLS only. A message here is a member whose
 * recognition did not start on time; the resume job repairs the member, the alarm on this queue
 * (lib/observability.ts) tells the operators why.
 *
 * SQS-managed encryption rather than the stack's KMS key: the scheduler's role then needs
 * `sqs:SendMessage` on this queue and nothing on the key, and the message holds ids only.
 */
export class ScheduleDeadLetters extends Construct {
  readonly queue: sqs.Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the probation schedules (EventBridge Scheduler DeadLetterConfig); nothing consumes it automatically, so it needs no dead-letter queue of its own.',
    });
  }

  /**
   * With EventBridge Scheduler the dead-letter permission belongs to the schedule's execution
   * role (the role that also starts the target), not to a queue policy. SendMessage only:
   * `grantSendMessages` would add GetQueueAttributes and GetQueueUrl, which the scheduler never
   * calls, and SQS-managed encryption needs no key permission.
   */
  grantDeadLetters(role: iam.IGrantable): void {
    this.queue.grant(role, 'sqs:SendMessage');
  }

  /** Names the queue to a function that creates schedules (their DeadLetterConfig). */
  bind(fn: lambda.Function): void {
    fn.addEnvironment('SCHEDULE_DEAD_LETTER_QUEUE_ARN', this.queue.queueArn);
  }
}
