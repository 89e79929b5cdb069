import type { DeadLetterEvent } from './local-scheduler';
import type { MetricRecorder } from './metric-recorder';
import type { ExecutionStatus } from './step-functions';

/**
 * The `AWS/…` metrics CloudWatch receives from the services the runtime emulates, with the
 * names and dimensions AWS documents, so an alarm on them can be checked against what happens
 * locally: Step Functions' execution counts per state machine, and the depth of the
 * scheduler's dead-letter queue.
 */

const EXECUTION_METRIC: Record<ExecutionStatus, string> = {
  RUNNING: 'ExecutionsStarted',
  SUCCEEDED: 'ExecutionsSucceeded',
  FAILED: 'ExecutionsFailed',
  TIMED_OUT: 'ExecutionsTimedOut',
  ABORTED: 'ExecutionsAborted',
};

export function stepFunctionsMetrics(recorder: MetricRecorder) {
  return (event: { stateMachineArn: string; status: ExecutionStatus }): void =>
    recorder.put('states', {
      namespace: 'AWS/States',
      metricName: EXECUTION_METRIC[event.status],
      dimensions: { StateMachineArn: event.stateMachineArn },
      value: 1,
    });
}

/**
 * The local dead-letter queues: standard SQS queues of the template that EventBridge Scheduler
 * sends to. Nothing consumes them locally (as in AWS, an operator reads and redrives), so they
 * only keep the messages, in memory, and publish `ApproximateNumberOfMessagesVisible` (what the
 * alarm watches) and `NumberOfMessagesSent` per `QueueName`.
 */
export interface DeadLetterQueues {
  send(event: DeadLetterEvent): void;
  messages(queueArn: string): DeadLetterEvent[];
}

export function createDeadLetterQueues(
  recorder: MetricRecorder,
  log: (line: string) => void = () => undefined,
): DeadLetterQueues {
  const queues = new Map<string, DeadLetterEvent[]>();
  return {
    send(event) {
      const queueName = event.queueArn.split(':').at(-1)!;
      const messages = queues.get(event.queueArn) ?? [];
      messages.push(event);
      queues.set(event.queueArn, messages);
      const put = (metricName: string, value: number) =>
        recorder.put('sqs', {
          namespace: 'AWS/SQS',
          metricName,
          dimensions: { QueueName: queueName },
          value,
        });
      put('NumberOfMessagesSent', 1);
      put('ApproximateNumberOfMessagesVisible', messages.length);
      log(
        `Dead letter in ${queueName}: ${event.attributes.ERROR_CODE} for ${event.attributes.SCHEDULE_ARN}`,
      );
    },
    messages: (queueArn) => [...(queues.get(queueArn) ?? [])],
  };
}
