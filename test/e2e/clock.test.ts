import {
  CreateScheduleCommand,
  GetScheduleCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-scheduler';
import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { type ApiClient } from './support/api-client';
import { awsClients } from './support/aws-clients';
import { moveClock, readClock } from './support/clock';
import { DEMO_NOMINATION } from './support/happy-path';
import { demoOfficers } from './support/officers';
import { probationScheduleTarget } from './support/probation-schedule-target';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

const DAY = 24 * 60 * 60 * 1000;

let runtime: RuntimeProcess;
let api: ApiClient;

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  api = (await demoOfficers(runtime)).cell;
});
afterAll(() => runtime?.stop());

/** `at(...)` in Hà Nội wall-clock time for an instant. */
const atInHanoi = (epochMs: number) =>
  `at(${new Date(epochMs + 7 * 60 * 60 * 1000).toISOString().slice(0, 19)})`;

describe('the accelerated business clock of the local runtime', () => {
  it('moves the time that handlers record, by days at a time', async () => {
    const before = await readClock(runtime);
    expect(Math.abs(Date.parse(before.now) - Date.now())).toBeLessThan(60_000 + before.offsetMs);

    const moved = await moveClock(runtime, { advanceDays: 400 });
    expect(moved.offsetMs - before.offsetMs).toBe(400 * DAY);

    const nominated = await api.nominate({ ...DEMO_NOMINATION, fullName: 'Trần Thị Thời Gian' });
    expect(nominated.status).toBe(201);
    const history = await api.request<{ items?: { at: string }[] } | { at: string }[]>(
      'GET',
      `/candidates/${nominated.body.id as string}/history`,
    );
    expect(history.status).toBe(200);
    const events = Array.isArray(history.body) ? history.body : (history.body.items ?? []);
    const recordedAt = Date.parse(events[0].at);
    // The Lambda worker's `new Date()` is 400 days ahead of the wall clock.
    expect(recordedAt - Date.now()).toBeGreaterThan(399 * DAY);
    expect(recordedAt - Date.now()).toBeLessThan(401 * DAY);
  });

  it('refuses to go back in time, or a move it cannot read, and changes nothing', async () => {
    const before = await readClock(runtime);
    const back = await fetch(`${runtime.url}/local/clock`, {
      method: 'POST',
      body: JSON.stringify({ to: '2020-01-01T00:00:00+07:00' }),
    });
    expect(back.status).toBe(409);
    expect(await back.json()).toMatchObject({ code: 'CLOCK_CANNOT_GO_BACK', field: 'body' });
    const nonsense = await fetch(`${runtime.url}/local/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceDays: -3 }),
    });
    expect(nonsense.status).toBe(400);
    expect(await nonsense.json()).toMatchObject({
      code: 'INVALID_CLOCK_MOVE',
      message: expect.stringContaining('advanceDays'),
      message_en: expect.stringContaining('advanceDays'),
    });
    expect((await readClock(runtime)).offsetMs).toBe(before.offsetMs);
  });

  it('fires an EventBridge Scheduler schedule when the clock reaches it, then deletes it', async () => {
    const { scheduler, sfn } = awsClients(runtime);
    const now = Date.parse((await readClock(runtime)).now);
    const name = `clock-test-${Date.now()}`;
    // The probation group, its role and its one target: IAM is enforced locally as on AWS.
    const target = probationScheduleTarget();
    const input = JSON.stringify({ candidateId: name });
    await scheduler.send(
      new CreateScheduleCommand({
        Name: name,
        GroupName: target.groupName,
        ScheduleExpression: atInHanoi(now + 30 * DAY),
        ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        Target: { Arn: target.recognitionArn, RoleArn: target.roleArn, Input: input },
      }),
    );
    const startedWith = async () => {
      const { executions = [] } = await sfn.send(
        new ListExecutionsCommand({ stateMachineArn: target.recognitionArn, maxResults: 1000 }),
      );
      return executions.length;
    };
    const executionsBefore = await startedWith();

    await moveClock(runtime, { advanceDays: 29 });
    expect(await startedWith()).toBe(executionsBefore);
    await scheduler.send(new GetScheduleCommand({ Name: name, GroupName: target.groupName }));

    await moveClock(runtime, { advanceDays: 2 });
    expect(await startedWith()).toBe(executionsBefore + 1);
    await expect(
      scheduler.send(new GetScheduleCommand({ Name: name, GroupName: target.groupName })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
