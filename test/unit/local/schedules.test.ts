import * as path from 'node:path';
import {
  readSchedules,
  scheduleInterval,
  startSchedules,
  type LocalSchedule,
} from '../../../lib/local/schedules';
import { createResolver, loadStackTemplate } from '../../../lib/local/template';

const { template, stackName } = loadStackTemplate(
  path.join(__dirname, '../../fixtures/local-cdk-out'),
);
const resolve = createResolver({ template, stackName });
const arnOf = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

describe('readSchedules', () => {
  it('reads enabled EventBridge rules and Scheduler schedules with their targets', () => {
    const schedules = readSchedules(template, resolve);
    expect(schedules).toEqual([
      {
        name: 'NightlyRule',
        expression: 'rate(1 day)',
        targetArn: arnOf('EchoFunction1A2B3C4D'),
        input: { job: 'nightly' },
        source: 'events',
        sourceArn: 'arn:aws:events:us-east-1:000000000000:rule/NightlyRule',
        intervalMs: 86_400_000,
      },
      {
        name: 'QuarterHourRule',
        expression: 'cron(0/15 * * * ? *)',
        targetArn: arnOf('OtherEchoFunction'),
        input: undefined,
        source: 'events',
        sourceArn: 'arn:aws:events:us-east-1:000000000000:rule/QuarterHourRule',
        intervalMs: 15 * 60_000,
        note: 'cron approximated as every 15 minute(s)',
      },
      {
        name: 'ReminderSchedule',
        expression: 'rate(5 minutes)',
        targetArn: arnOf('EchoFunction1A2B3C4D'),
        input: {},
        source: 'scheduler',
        // Scheduler presents the schedule group's ARN to the target and to the role's trust.
        sourceArn: 'arn:aws:scheduler:us-east-1:000000000000:schedule-group/default',
        roleArn: 'arn:aws:iam::000000000000:role/s',
        intervalMs: 5 * 60_000,
      },
    ]);
  });

  it('turns rate and cron expressions into intervals', () => {
    expect(scheduleInterval('rate(1 minute)').intervalMs).toBe(60_000);
    expect(scheduleInterval('rate(2 hours)').intervalMs).toBe(7_200_000);
    expect(scheduleInterval('cron(0 * * * ? *)').intervalMs).toBe(3_600_000);
    expect(scheduleInterval('cron(0 */6 * * ? *)').intervalMs).toBe(6 * 3_600_000);
    expect(scheduleInterval('cron(30 2 * * ? *)').intervalMs).toBe(86_400_000);
    expect(scheduleInterval('cron(0 9 ? * MON-FRI *)').intervalMs).toBe(86_400_000);
    // Longer than a timer can wait (~24.8 days): only the run at start.
    expect(scheduleInterval('rate(30 days)')).toEqual({
      note: 'interval of 30 day(s) is too long: runs only at start',
    });
    expect(scheduleInterval('at(2030-01-01T00:00:00)').intervalMs).toBeUndefined();
  });
});

describe('startSchedules', () => {
  const schedule = (overrides: Partial<LocalSchedule>): LocalSchedule => ({
    name: 'Rule',
    expression: 'rate(1 minute)',
    targetArn: arnOf('F'),
    source: 'events',
    sourceArn: 'arn:aws:events:us-east-1:000000000000:rule/Rule',
    intervalMs: 60_000,
    ...overrides,
  });

  it('runs every target at start and on its interval, and survives failures', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const calls: { arn: string; event: unknown }[] = [];
      const logged: string[] = [];
      const runner = startSchedules({
        schedules: [
          schedule({ name: 'WithInput', input: { job: 'x' } }),
          schedule({ name: 'Default', targetArn: arnOf('G'), intervalMs: 120_000 }),
          schedule({ name: 'Broken', targetArn: arnOf('Broken') }),
        ],
        invoke: async (arn, event) => {
          calls.push({ arn, event });
          if (arn.endsWith('Broken')) {
            const error = new Error('it broke');
            error.name = 'BrokenError';
            throw error;
          }
        },
        log: (line) => logged.push(line),
      });
      // runAtStart has already invoked each target once.
      expect(calls).toHaveLength(3);
      await jest.advanceTimersByTimeAsync(0);
      await runner.runAllNow();
      expect(calls).toHaveLength(6);
      expect(calls[0]).toEqual({ arn: arnOf('F'), event: { job: 'x' } });
      expect(calls[1].event).toMatchObject({
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        account: '000000000000',
        region: 'us-east-1',
        resources: ['arn:aws:events:us-east-1:000000000000:rule/Default'],
        detail: {},
      });
      expect(
        logged.some((line) => line.includes('Broken') && line.includes('BrokenError: it broke')),
      ).toBe(true);

      calls.length = 0;
      await jest.advanceTimersByTimeAsync(120_000);
      expect(calls.filter((c) => c.arn === arnOf('F'))).toHaveLength(2);
      expect(calls.filter((c) => c.arn === arnOf('G'))).toHaveLength(1);

      runner.stop();
      calls.length = 0;
      await jest.advanceTimersByTimeAsync(600_000);
      expect(calls).toHaveLength(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it("stamps a scheduled event with the business clock's time and an id of its own", async () => {
    const events: { time: string; id: string }[] = [];
    const runner = startSchedules({
      schedules: [schedule({ name: 'Daily' })],
      invoke: async (_arn, event) => void events.push(event as { time: string; id: string }),
      runAtStart: false,
      now: () => Date.parse('2027-03-10T00:00:00.250Z'),
    });
    await runner.runAllNow();
    await runner.runAllNow();
    runner.stop();
    expect(events.map((e) => e.time)).toEqual(['2027-03-10T00:00:00Z', '2027-03-10T00:00:00Z']);
    expect(events[0].id).not.toBe(events[1].id);
  });

  it('does not start a schedule again while its previous run is still going', async () => {
    let release!: () => void;
    let started = 0;
    const logged: string[] = [];
    const runner = startSchedules({
      schedules: [schedule({ name: 'Slow' })],
      invoke: () => {
        started++;
        return new Promise<void>((resolve) => (release = resolve));
      },
      runAtStart: false,
      log: (line) => logged.push(line),
    });
    const first = runner.runAllNow();
    await runner.runAllNow();
    expect(started).toBe(1);
    expect(logged).toEqual(['[schedules] Slow is still running; skipping this tick']);
    release();
    await first;
    runner.stop();
  });
});
