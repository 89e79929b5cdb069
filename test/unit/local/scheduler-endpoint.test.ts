import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  ValidationException,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { createManualClock, type ManualClock } from '../../support/manual-clock';
import { LocalScheduler, type CreateScheduleInput } from '../../../lib/local/local-scheduler';
import {
  readScheduleGroupNames,
  startSchedulerEndpoint,
  type SchedulerEndpoint,
} from '../../../lib/local/scheduler-endpoint';
import { createResolver, type CfnTemplate } from '../../../lib/local/template';

const MACHINE = 'arn:aws:states:us-east-1:000000000000:stateMachine:RecognitionWorkflow';
const ROLE = 'arn:aws:iam::000000000000:role/SchedulerRole';
const DAY = 24 * 60 * 60 * 1000;

function sdkClient(url: string): SchedulerClient {
  return new SchedulerClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

const probationEnd = (
  name: string,
  at = 'at(2026-03-01T08:00:00)',
): CreateScheduleCommandInput => ({
  Name: name,
  GroupName: 'probation',
  ScheduleExpression: at,
  ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'DELETE',
  Target: { Arn: MACHINE, RoleArn: ROLE, Input: JSON.stringify({ candidateId: name }) },
});

describe('local EventBridge Scheduler with @aws-sdk/client-scheduler', () => {
  let clock: ManualClock;
  let started: { stateMachineArn: string; input: string }[];
  let scheduler: LocalScheduler;
  let endpoint: SchedulerEndpoint;
  let client: SchedulerClient;
  let dataDir: string;

  const startScheduler = () =>
    new LocalScheduler({
      region: 'us-east-1',
      accountId: '000000000000',
      clock,
      timers: false,
      groupNames: ['probation'],
      startExecution: (input) => started.push(input),
      dataDir,
    });

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scheduler-'));
    clock = createManualClock(Date.parse('2025-03-01T00:00:00Z'));
    started = [];
    scheduler = startScheduler();
    endpoint = await startSchedulerEndpoint({ scheduler });
    client = sdkClient(endpoint.url);
  });

  afterEach(async () => {
    client.destroy();
    scheduler.close();
    await endpoint.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates, reads and lists a one-time schedule; a second create is a conflict', async () => {
    const created = await client.send(new CreateScheduleCommand(probationEnd('cand-1')));
    expect(created.ScheduleArn).toBe(
      'arn:aws:scheduler:us-east-1:000000000000:schedule/probation/cand-1',
    );
    await expect(
      client.send(new CreateScheduleCommand(probationEnd('cand-1'))),
    ).rejects.toBeInstanceOf(ConflictException);
    const read = await client.send(
      new GetScheduleCommand({ Name: 'cand-1', GroupName: 'probation' }),
    );
    expect(read).toMatchObject({
      Name: 'cand-1',
      GroupName: 'probation',
      State: 'ENABLED',
      ScheduleExpression: 'at(2026-03-01T08:00:00)',
      Target: { Arn: MACHINE, RoleArn: ROLE },
    });
    expect(read.CreationDate).toEqual(new Date('2025-03-01T00:00:00Z'));
    await client.send(new CreateScheduleCommand(probationEnd('cand-2')));
    const listed = await client.send(
      new ListSchedulesCommand({ GroupName: 'probation', NamePrefix: 'cand-', MaxResults: 1 }),
    );
    expect(listed.Schedules?.map((s) => s.Name)).toEqual(['cand-1']);
    const rest = await client.send(
      new ListSchedulesCommand({ GroupName: 'probation', NextToken: listed.NextToken }),
    );
    expect(rest.Schedules?.map((s) => s.Name)).toEqual(['cand-2']);
  });

  it('starts the target when the clock reaches the wall-clock time of its zone, then deletes it', async () => {
    await client.send(new CreateScheduleCommand(probationEnd('cand-1')));
    // 08:00 in Hà Nội is 01:00 UTC.
    clock.set(Date.parse('2026-03-01T00:59:59Z'));
    expect(scheduler.check()).toBe(0);
    expect(started).toEqual([]);
    clock.set(Date.parse('2026-03-01T01:00:00Z'));
    expect(scheduler.check()).toBe(1);
    expect(started).toEqual([{ stateMachineArn: MACHINE, input: '{"candidateId":"cand-1"}' }]);
    await expect(
      client.send(new GetScheduleCommand({ Name: 'cand-1', GroupName: 'probation' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    clock.advance(DAY);
    expect(scheduler.check()).toBe(0);
    expect(started).toHaveLength(1);
  });

  it('keeps schedules across a restart and fires one that fell due while it was down', async () => {
    await client.send(new CreateScheduleCommand(probationEnd('cand-1')));
    scheduler.close();
    clock.set(Date.parse('2026-06-01T00:00:00Z'));
    scheduler = startScheduler();
    expect(scheduler.check()).toBe(1);
    expect(started.map((s) => s.input)).toEqual(['{"candidateId":"cand-1"}']);
  });

  it('retries a target that cannot be started, then succeeds', async () => {
    let failures = 1;
    scheduler.close();
    scheduler = new LocalScheduler({
      region: 'us-east-1',
      accountId: '000000000000',
      clock,
      timers: false,
      groupNames: ['probation'],
      startExecution: (input) => {
        if (failures-- > 0) throw new Error('StateMachineDoesNotExist');
        started.push(input);
      },
    });
    scheduler.create(probationEnd('cand-1') as CreateScheduleInput);
    clock.set(Date.parse('2026-03-02T00:00:00Z'));
    expect(scheduler.check()).toBe(1);
    expect(started).toEqual([]);
    clock.advance(60_000);
    expect(scheduler.check()).toBe(1);
    expect(started).toHaveLength(1);
  });

  it('deletes a schedule before it fires', async () => {
    await client.send(new CreateScheduleCommand(probationEnd('cand-1')));
    await client.send(new DeleteScheduleCommand({ Name: 'cand-1', GroupName: 'probation' }));
    clock.set(Date.parse('2027-01-01T00:00:00Z'));
    expect(scheduler.check()).toBe(0);
    await expect(
      client.send(new DeleteScheduleCommand({ Name: 'cand-1', GroupName: 'probation' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it.each([
    ['a recurring expression', { ScheduleExpression: 'rate(1 day)' }, ValidationException],
    ['an impossible date', { ScheduleExpression: 'at(2026-02-30T08:00:00)' }, ValidationException],
    ['an unknown zone', { ScheduleExpressionTimezone: 'Nowhere/Land' }, ValidationException],
    [
      'a target that is not a state machine',
      { Target: { Arn: 'arn:aws:sqs:us-east-1:000000000000:q', RoleArn: ROLE } },
      ValidationException,
    ],
    ['an unknown group', { GroupName: 'nope' }, ResourceNotFoundException],
  ])('refuses %s and stores nothing', async (_label, change, errorType) => {
    await expect(
      client.send(new CreateScheduleCommand({ ...probationEnd('bad'), ...change })),
    ).rejects.toBeInstanceOf(errorType);
    expect(scheduler.list({})).toEqual([]);
  });

  it("reads the template's schedule groups", () => {
    const template: CfnTemplate = {
      Resources: {
        ProbationGroup: {
          Type: 'AWS::Scheduler::ScheduleGroup',
          Properties: { Name: 'probation-ends' },
        },
        Unnamed: { Type: 'AWS::Scheduler::ScheduleGroup', Properties: {} },
      },
    };
    const resolve = createResolver({ template, stackName: 'S' });
    expect(readScheduleGroupNames(template, resolve)).toEqual(['probation-ends', 'Unnamed']);
  });
});
