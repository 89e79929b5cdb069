import { createManualClock } from '../../support/manual-clock';
import { type DeadLetterEvent, LocalScheduler } from '../../../lib/local/local-scheduler';
import { createMetricRecorder } from '../../../lib/local/metric-recorder';
import { createDeadLetterQueues } from '../../../lib/local/service-metrics';

/** The local scheduler honours a target's DeadLetterConfig once its RetryPolicy is spent. */
const MACHINE = 'arn:aws:states:us-east-1:000000000000:stateMachine:Test-recognition';
const ROLE = 'arn:aws:iam::000000000000:role/ProbationSchedulerRole';
const DLQ = 'arn:aws:sqs:us-east-1:000000000000:Test-ScheduleDeadLetters';
const MINUTE = 60_000;

function setUp(startExecution: () => unknown) {
  const clock = createManualClock(Date.parse('2026-08-20T00:00:00Z'));
  const dead: DeadLetterEvent[] = [];
  const scheduler = new LocalScheduler({
    region: 'us-east-1',
    accountId: '000000000000',
    clock,
    timers: false,
    groupNames: ['Test-probation'],
    startExecution,
    deadLetter: (event) => dead.push(event),
  });
  const create = (target: object) =>
    scheduler.create({
      Name: 'probation-c1',
      GroupName: 'Test-probation',
      ScheduleExpression: 'at(2026-08-20T07:01:00)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: MACHINE, RoleArn: ROLE, Input: '{"candidateId":"c1"}', ...target },
    });
  return { clock, dead, scheduler, create };
}

const refused = () => {
  const error = new Error('User is not authorized to perform: states:StartExecution');
  error.name = 'AccessDeniedException';
  throw error;
};

describe('local EventBridge Scheduler dead-letter queue', () => {
  it('refuses a DeadLetterConfig that is not an SQS queue ARN, as the Scheduler API does', () => {
    const { create, scheduler } = setUp(() => undefined);
    let error: unknown;
    try {
      create({ DeadLetterConfig: { Arn: 'arn:aws:sns:us-east-1:000000000000:t' } });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ code: 'ValidationException', statusCode: 400 });
    expect(scheduler.list({})).toEqual([]);
    scheduler.close();
  });

  it('sends the target input to the queue once the retries are spent, with what failed', () => {
    let attempts = 0;
    const { clock, dead, scheduler, create } = setUp(() => {
      attempts++;
      refused();
    });
    create({ RetryPolicy: { MaximumRetryAttempts: 2 }, DeadLetterConfig: { Arn: DLQ } });
    for (let minute = 0; minute < 5; minute++) {
      clock.advance(MINUTE);
      scheduler.check();
    }
    expect(attempts).toBe(3);
    expect(dead).toEqual([
      {
        queueArn: DLQ,
        body: '{"candidateId":"c1"}',
        attributes: expect.objectContaining({
          ERROR_CODE: 'AccessDeniedException',
          EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
          RETRY_ATTEMPTS: '2',
          TARGET_ARN: MACHINE,
        }),
      },
    ]);
    expect(scheduler.list({ groupName: 'Test-probation' })).toEqual([]);
    scheduler.close();
  });

  it('sends nothing when the start succeeds, or when no queue is configured', () => {
    const ok = setUp(() => undefined);
    ok.create({ DeadLetterConfig: { Arn: DLQ } });
    ok.clock.advance(2 * MINUTE);
    ok.scheduler.check();
    expect(ok.dead).toEqual([]);
    ok.scheduler.close();
    const none = setUp(refused);
    none.create({ RetryPolicy: { MaximumRetryAttempts: 0 } });
    none.clock.advance(2 * MINUTE);
    none.scheduler.check();
    expect(none.dead).toEqual([]);
    none.scheduler.close();
  });

  it('publishes the queue depth the alarm watches (AWS/SQS, QueueName)', () => {
    const recorder = createMetricRecorder();
    const queues = createDeadLetterQueues(recorder);
    const event: DeadLetterEvent = {
      queueArn: DLQ,
      body: '{}',
      attributes: {
        ERROR_CODE: 'X',
        ERROR_MESSAGE: 'x',
        EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
        RETRY_ATTEMPTS: '0',
        SCHEDULE_ARN: 's',
        TARGET_ARN: MACHINE,
      },
    };
    queues.send(event);
    queues.send(event);
    expect(queues.messages(DLQ)).toHaveLength(2);
    expect(recorder.series()).toContainEqual(
      expect.objectContaining({
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimensions: { QueueName: 'Test-ScheduleDeadLetters' },
        samples: 2,
        sum: 3,
      }),
    );
  });
});
