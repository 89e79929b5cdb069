import { GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { EventBridgeWorkflowSchedules } from '../../../functions/adapters/eventbridge-workflow-schedules';
import {
  probationScheduleName,
  probationWakeUp,
} from '../../../functions/services/probation-schedule';
import { createManualClock, type ManualClock } from '../../support/manual-clock';
import { LocalScheduler } from '../../../lib/local/local-scheduler';
import {
  startSchedulerEndpoint,
  type SchedulerEndpoint,
} from '../../../lib/local/scheduler-endpoint';

/**
 * The probation schedule adapter with the unmodified SDK against the local EventBridge Scheduler
 * endpoint (the one the local runtime gives the functions through AWS_ENDPOINT_URL_SCHEDULER).
 */
const MACHINE = 'arn:aws:states:us-east-1:000000000000:stateMachine:Test-recognition';
const ROLE = 'arn:aws:iam::000000000000:role/ProbationSchedulerRole';
const DLQ = 'arn:aws:sqs:us-east-1:000000000000:Test-ScheduleDeadLetters';
const DAY = 24 * 60 * 60 * 1000;

describe('EventBridgeWorkflowSchedules', () => {
  let clock: ManualClock;
  let started: { stateMachineArn: string; input: string }[];
  let endpoint: SchedulerEndpoint;
  let client: SchedulerClient;
  let scheduler: LocalScheduler;

  beforeEach(async () => {
    clock = createManualClock(Date.parse('2026-08-20T00:00:00Z'));
    started = [];
    scheduler = new LocalScheduler({
      region: 'us-east-1',
      accountId: '000000000000',
      clock,
      timers: false,
      groupNames: ['Test-probation'],
      startExecution: (input) => started.push(input),
    });
    endpoint = await startSchedulerEndpoint({ scheduler, host: '127.0.0.1' });
    client = new SchedulerClient({
      endpoint: endpoint.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
  });
  afterEach(async () => {
    await endpoint.close();
    scheduler.close();
  });

  const schedules = () =>
    new EventBridgeWorkflowSchedules(client, {
      groupName: 'Test-probation',
      stateMachineArn: MACHINE,
      roleArn: ROLE,
      deadLetterQueueArn: DLQ,
    });

  it('creates a one-time schedule in Vietnam time that starts the workflow, then deletes itself', async () => {
    const start = { name: 'probation-c1', at: '2026-08-31T00:00:00', input: { candidateId: 'c1' } };
    expect(await schedules().scheduleStart(start)).toBe('created');
    const stored = await client.send(
      new GetScheduleCommand({ Name: 'probation-c1', GroupName: 'Test-probation' }),
    );
    expect(stored).toMatchObject({
      ScheduleExpression: 'at(2026-08-31T00:00:00)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: MACHINE,
        RoleArn: ROLE,
        Input: '{"candidateId":"c1"}',
        RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
        DeadLetterConfig: { Arn: DLQ },
      },
    });

    // 30 August 17:00 UTC is midnight of 31 August in Hà Nội.
    clock.set(Date.parse('2026-08-30T16:59:00Z'));
    expect(scheduler.check()).toBe(0);
    clock.set(Date.parse('2026-08-30T17:00:00Z'));
    expect(scheduler.check()).toBe(1);
    expect(started).toEqual([{ stateMachineArn: MACHINE, input: '{"candidateId":"c1"}' }]);
    expect(scheduler.list({ groupName: 'Test-probation' })).toEqual([]);
  });

  it('answers "existing" for a name created before (a retried apply step), changing nothing', async () => {
    const start = { name: 'probation-c2', at: '2026-09-01T00:00:00', input: { candidateId: 'c2' } };
    expect(await schedules().scheduleStart(start)).toBe('created');
    expect(await schedules().scheduleStart({ ...start, at: '2027-01-01T00:00:00' })).toBe(
      'existing',
    );
    expect(
      scheduler.list({ groupName: 'Test-probation' }).map((s) => s.ScheduleExpression),
    ).toEqual(['at(2026-09-01T00:00:00)']);
  });

  it('lets other errors through (a group that does not exist)', async () => {
    const wrong = new EventBridgeWorkflowSchedules(client, {
      groupName: 'nowhere',
      stateMachineArn: MACHINE,
      roleArn: ROLE,
      deadLetterQueueArn: DLQ,
    });
    await expect(
      wrong.scheduleStart({
        name: 'probation-c3',
        at: '2026-09-01T00:00:00',
        input: { candidateId: 'c3' },
      }),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('probation schedule name and wake-up', () => {
  it('is one name per candidate within 64 characters', () => {
    expect(probationScheduleName('c-123')).toBe('probation-c-123');
    const long = 'x'.repeat(64);
    const name = probationScheduleName(long);
    expect(name).toHaveLength(64);
    expect(name).toBe(probationScheduleName(long));
    expect(name).not.toBe(probationScheduleName(`${'x'.repeat(63)}y`));
  });

  it('wakes at the start of the day probation ends in Vietnam, or shortly when it is already over', () => {
    const now = new Date('2026-08-20T00:00:00Z');
    expect(probationWakeUp('2026-08-31', now)).toBe('2026-08-31T00:00:00');
    // Ended yesterday (a ceremony recorded late): two minutes from now, Hà Nội time.
    expect(probationWakeUp('2026-08-19', now)).toBe('2026-08-20T07:02:00');
    expect(probationWakeUp('2026-08-20', new Date(now.getTime() + 30 * DAY))).toBe(
      '2026-09-19T07:02:00',
    );
  });
});
