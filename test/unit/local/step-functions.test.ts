import { createManualClock } from '../../support/manual-clock';
import { LIBRARY_TASK_TIMEOUT_SECONDS, prepareDefinition } from '../../../lib/local/asl-prepare';
import { primeStatesTimeoutError } from '../../../lib/local/states-timeout-error';
import {
  createLocalStepFunctions,
  type LocalStepFunctions,
  type LocalStepFunctionsOptions,
} from '../../../lib/local/step-functions';
import {
  CALLBACK,
  INVOKE,
  admissionDefinition,
  fakeInvoke,
  fnArn,
  namedError,
  smArn,
  timeoutPathDefinition,
} from './sfn-fixtures';

const services: LocalStepFunctions[] = [];

function create(
  definitions: Record<string, unknown>,
  options: Partial<LocalStepFunctionsOptions> & Pick<LocalStepFunctionsOptions, 'invoke'>,
): LocalStepFunctions {
  const service = createLocalStepFunctions({
    definitions: Object.entries(definitions).map(([name, definition]) => ({
      arn: smArn(name),
      name,
      definition,
    })),
    ...options,
  });
  services.push(service);
  return service;
}

afterEach(async () => {
  jest.useRealTimers();
  await Promise.all(services.splice(0).map((s) => s.close()));
});

const approverTokens = (calls: ReturnType<typeof fakeInvoke>['calls']): string[] =>
  calls
    .filter((c) => c.functionName.endsWith(':Approver'))
    .map((c) => c.payload.taskToken as string);

describe('definition preparation', () => {
  it('gives every Task (also nested) a large library timeout and strips the path fields', () => {
    const prepared = prepareDefinition({
      TimeoutSeconds: 3600,
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'T',
            States: {
              T: {
                Type: 'Task',
                Resource: CALLBACK,
                TimeoutSecondsPath: '$.t',
                HeartbeatSeconds: 5,
                Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token' } },
                End: true,
              },
            },
          },
          End: true,
        },
      },
    });
    expect(prepared.timeoutSeconds).toBe(3600);
    expect(prepared.definition.TimeoutSeconds).toBeUndefined();
    type Def = { States: Record<string, Record<string, unknown>> };
    const map = (prepared.definition as unknown as Def).States.M;
    const t = (map.ItemProcessor as Def).States.T;
    expect(t.TimeoutSeconds).toBe(LIBRARY_TASK_TIMEOUT_SECONDS);
    expect(LIBRARY_TASK_TIMEOUT_SECONDS * 1000).toBeLessThanOrEqual(2 ** 31 - 1);
    expect(t.TimeoutSecondsPath).toBeUndefined();
    expect(t.HeartbeatSeconds).toBeUndefined();
    expect(prepared.tasks.get('T')).toMatchObject({
      callback: true,
      heartbeatSeconds: 5,
      wrapped: true,
    });
  });

  it('rejects unsupported resources unless a resource handler is given', () => {
    const def = {
      StartAt: 'Put',
      States: { Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', End: true } },
    };
    expect(() => prepareDefinition(def)).toThrow(/not supported locally/);
    expect(prepareDefinition(def, () => true).tasks.get('Put')?.kind).toBe('custom');
  });
});

describe('local Step Functions service', () => {
  it('a callback task without TimeoutSeconds still waits past 60 s (and past 2^31 ms)', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    const fake = fakeInvoke({ Scorer: () => ({ score: 3 }) });
    const service = create(
      {
        Admission: admissionDefinition,
        Long: {
          StartAt: 'W',
          States: {
            W: {
              Type: 'Task',
              Resource: CALLBACK,
              TimeoutSeconds: 30 * 24 * 3600, // 30 days > 2^31-1 ms
              Parameters: {
                FunctionName: fnArn('Approver'),
                Payload: { 'taskToken.$': '$$.Task.Token' },
              },
              End: true,
            },
          },
        },
      },
      { invoke: fake.invoke },
    );
    const { executionArn } = service.startExecution({
      stateMachineArn: smArn('Admission'),
      input: '{"guestId":"g"}',
    });
    const long = service.startExecution({ stateMachineArn: smArn('Long') });
    await service.whenIdle();
    expect(service.pendingTaskCount()).toBe(2);

    await jest.advanceTimersByTimeAsync(2 * 3600 * 1000);
    await jest.advanceTimersByTimeAsync(24 * 24 * 3600 * 1000); // 25+ days total
    expect(service.describeExecution({ executionArn }).status).toBe('RUNNING');
    expect(service.describeExecution(long).status).toBe('RUNNING');
    expect(service.pendingTaskCount()).toBe(2);

    service.sendTaskSuccess({
      taskToken: approverTokens(fake.calls)[0],
      output: '{"approved":true}',
    });
    await expect(service.whenExecutionDone(executionArn)).resolves.toMatchObject({
      status: 'SUCCEEDED',
    });
    // the 30-day TimeoutSeconds is enforced with the (faked) default clock and timers
    await jest.advanceTimersByTimeAsync(6 * 24 * 3600 * 1000);
    await expect(service.whenExecutionDone(long.executionArn)).resolves.toMatchObject({
      status: 'FAILED',
      error: 'States.Timeout',
    });
  });

  it('TimeoutSecondsPath from the state input fires States.Timeout into Catch under a manual clock', async () => {
    await primeStatesTimeoutError();
    const clock = createManualClock();
    const fake = fakeInvoke();
    const service = create(
      { Timed: timeoutPathDefinition },
      { invoke: fake.invoke, clock, timers: false },
    );
    const { executionArn } = service.startExecution({
      stateMachineArn: smArn('Timed'),
      input: JSON.stringify({ guestId: 'g', limits: { timeoutSeconds: 30 } }),
    });
    await service.whenIdle();
    const [token] = approverTokens(fake.calls);
    // the private timeout key never reaches the function
    expect(fake.calls[0].payload).toEqual({ guestId: 'g', taskToken: token });

    clock.advance(29_000);
    expect(service.checkTimeouts()).toBe(0);
    expect(service.pendingTaskCount()).toBe(1);
    clock.advance(1_000);
    expect(service.checkTimeouts()).toBe(1);

    const done = await service.whenExecutionDone(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    const output = JSON.parse(done.output!);
    // States.TaskFailed (listed first) must not match States.Timeout, like on AWS
    expect(output.branch).toBe('timed-out');
    expect(output.error.Error).toBe('States.Timeout');
    expect(done.stopDate!.getTime() - done.startDate.getTime()).toBe(30_000);
    expect(() => service.sendTaskSuccess({ taskToken: token, output: '{}' })).toThrow(
      expect.objectContaining({ code: 'TaskTimedOut' }),
    );
    const types = service.getExecutionHistory({ executionArn }).events.map((e) => e.type);
    expect(types).toContain('TaskTimedOut');
    expect(types.at(-1)).toBe('ExecutionSucceeded');
  });

  it('$$.Execution.StartTime is the start by the service clock, not the real time', async () => {
    const clock = createManualClock(Date.UTC(2030, 0, 2, 3, 4, 5));
    const service = create(
      {
        Started: {
          StartAt: 'Read',
          States: {
            Read: {
              Type: 'Pass',
              Parameters: {
                'startedAt.$': '$$.Execution.StartTime',
                'name.$': '$$.Execution.Name',
              },
              End: true,
            },
          },
        },
      },
      { invoke: fakeInvoke().invoke, clock, timers: false },
    );
    const { executionArn } = service.startExecution({ stateMachineArn: smArn('Started') });
    const done = await service.whenExecutionDone(executionArn);
    expect(JSON.parse(done.output!)).toEqual({
      startedAt: '2030-01-02T03:04:05.000Z',
      name: expect.any(String),
    });
  });

  it('a TimeoutSecondsPath that is not a positive integer fails the execution (States.Runtime)', async () => {
    const fake = fakeInvoke();
    const service = create(
      { Timed: timeoutPathDefinition },
      { invoke: fake.invoke, timers: false },
    );
    const { executionArn } = service.startExecution({
      stateMachineArn: smArn('Timed'),
      input: JSON.stringify({ limits: { timeoutSeconds: 'soon' } }),
    });
    await expect(service.whenExecutionDone(executionArn)).resolves.toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
    });
    expect(fake.calls).toHaveLength(0);
  });

  it('HeartbeatSeconds: heartbeats keep the task alive, silence fails it with States.HeartbeatTimeout', async () => {
    const clock = createManualClock();
    const fake = fakeInvoke();
    const service = create(
      {
        Beat: {
          StartAt: 'W',
          States: {
            W: {
              Type: 'Task',
              Resource: CALLBACK,
              HeartbeatSeconds: 10,
              Parameters: {
                FunctionName: fnArn('Approver'),
                Payload: { 'taskToken.$': '$$.Task.Token' },
              },
              End: true,
            },
          },
        },
      },
      { invoke: fake.invoke, clock, timers: false },
    );
    const { executionArn } = service.startExecution({ stateMachineArn: smArn('Beat') });
    await service.whenIdle();
    const [token] = approverTokens(fake.calls);
    clock.advance(8_000);
    service.sendTaskHeartbeat({ taskToken: token });
    clock.advance(8_000);
    expect(service.checkTimeouts()).toBe(0);
    clock.advance(3_000);
    expect(service.checkTimeouts()).toBe(1);
    await expect(service.whenExecutionDone(executionArn)).resolves.toMatchObject({
      status: 'FAILED',
      error: 'States.HeartbeatTimeout',
    });
  });

  it('enforces the state machine TimeoutSeconds (TIMED_OUT) and invalidates tokens', async () => {
    const clock = createManualClock();
    const fake = fakeInvoke();
    const service = create(
      { Admission: { ...admissionDefinition, TimeoutSeconds: 60 } },
      { invoke: fake.invoke, clock, timers: false },
    );
    const { executionArn } = service.startExecution({
      stateMachineArn: smArn('Admission'),
      input: '{"guestId":"g"}',
    });
    await service.whenIdle();
    clock.advance(60_000);
    service.checkTimeouts();
    const done = await service.whenExecutionDone(executionArn);
    expect(done).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(service.pendingTaskCount()).toBe(0);
    const events = service.getExecutionHistory({ executionArn }).events;
    expect(events.at(-1)?.type).toBe('ExecutionTimedOut');
  });

  it('each attempt gets a fresh token: Retry after a callback failure re-invokes with a new one', async () => {
    const fake = fakeInvoke();
    const service = create(
      {
        Retry: {
          StartAt: 'W',
          States: {
            W: {
              Type: 'Task',
              Resource: CALLBACK,
              Parameters: {
                FunctionName: fnArn('Approver'),
                Payload: { 'taskToken.$': '$$.Task.Token' },
              },
              Retry: [{ ErrorEquals: ['Transient'], IntervalSeconds: 0, MaxAttempts: 2 }],
              ResultSelector: { 'ok.$': '$.ok' },
              End: true,
            },
          },
        },
      },
      { invoke: fake.invoke },
    );
    const { executionArn } = service.startExecution({ stateMachineArn: smArn('Retry') });
    await service.whenIdle();
    const [first] = approverTokens(fake.calls);
    service.sendTaskFailure({ taskToken: first, error: 'Transient', cause: 'try again' });
    await service.whenIdle();
    const tokens = approverTokens(fake.calls);
    expect(tokens).toHaveLength(2);
    expect(tokens[1]).not.toBe(first);
    service.sendTaskSuccess({ taskToken: tokens[1], output: '{"ok":1,"extra":2}' });
    const done = await service.whenExecutionDone(executionArn);
    expect(JSON.parse(done.output!)).toEqual({ ok: 1 });
    expect(service.stats().executions[0].stateTransitions).toBe(2); // entered + 1 retry
  });

  it('a failing function invocation fails the callback task with the Lambda error name', async () => {
    const fake = fakeInvoke({
      Approver: () => {
        throw namedError('GuestListLocked', 'locked');
      },
    });
    const service = create({ Admission: admissionDefinition }, { invoke: fake.invoke });
    const { executionArn } = service.startExecution({
      stateMachineArn: smArn('Admission'),
      input: '{"guestId":"g"}',
    });
    const done = await service.whenExecutionDone(executionArn);
    expect(done).toMatchObject({ status: 'FAILED', error: 'GuestListLocked' });
    expect(JSON.parse(done.cause!)).toMatchObject({ errorMessage: 'locked' });
    expect(service.pendingTaskCount()).toBe(0);
  });

  it('a callback may complete before the function returns (SendTaskSuccess from inside the handler)', async () => {
    const holder: { service?: LocalStepFunctions } = {};
    const fake = fakeInvoke({
      Approver: (p) => {
        holder.service!.sendTaskSuccess({
          taskToken: p.taskToken as string,
          output: '{"approved":true}',
        });
        return { accepted: true };
      },
      Scorer: () => ({ score: 1 }),
    });
    const service = create({ Admission: admissionDefinition }, { invoke: fake.invoke });
    holder.service = service;
    const { executionArn } = service.startExecution({
      stateMachineArn: smArn('Admission'),
      input: '{"guestId":"g"}',
    });
    await expect(service.whenExecutionDone(executionArn)).resolves.toMatchObject({
      status: 'SUCCEEDED',
    });
  });

  it('runs callback tasks inside Map iterations and Parallel branches', async () => {
    const fake = fakeInvoke({ Tag: (p) => ({ tag: `t-${String(p.id)}` }) });
    const service = create(
      {
        Fan: {
          StartAt: 'Each',
          States: {
            Each: {
              Type: 'Map',
              ItemsPath: '$.ids',
              ItemSelector: { 'id.$': '$$.Map.Item.Value' },
              ItemProcessor: {
                StartAt: 'Ask',
                States: {
                  Ask: {
                    Type: 'Task',
                    Resource: CALLBACK,
                    Parameters: {
                      FunctionName: fnArn('Approver'),
                      Payload: { 'id.$': '$.id', 'taskToken.$': '$$.Task.Token' },
                    },
                    ResultPath: '$.answer',
                    End: true,
                  },
                },
              },
              ResultPath: '$.answers',
              Next: 'Both',
            },
            Both: {
              Type: 'Parallel',
              Branches: [
                {
                  StartAt: 'TagIt',
                  States: {
                    TagIt: {
                      Type: 'Task',
                      Resource: INVOKE,
                      Parameters: { FunctionName: 'Tag', Payload: { id: 1 } },
                      OutputPath: '$.Payload',
                      End: true,
                    },
                  },
                },
                { StartAt: 'Noop', States: { Noop: { Type: 'Pass', Result: 'noop', End: true } } },
              ],
              ResultPath: '$.parallel',
              End: true,
            },
          },
        },
      },
      { invoke: fake.invoke },
    );
    const { executionArn } = service.startExecution({
      stateMachineArn: smArn('Fan'),
      input: '{"ids":["a","b"]}',
    });
    await service.whenIdle();
    expect(service.pendingTaskCount()).toBe(2);
    for (const call of fake.calls) {
      service.sendTaskSuccess({
        taskToken: call.payload.taskToken as string,
        output: JSON.stringify({ ok: call.payload.id }),
      });
    }
    const done = await service.whenExecutionDone(executionArn);
    expect(JSON.parse(done.output!)).toEqual({
      ids: ['a', 'b'],
      answers: [
        { id: 'a', answer: { ok: 'a' } },
        { id: 'b', answer: { ok: 'b' } },
      ],
      parallel: [{ tag: 't-1' }, 'noop'],
    });
    const types = service
      .getExecutionHistory({ executionArn, maxResults: 1000 })
      .events.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['MapStateEntered', 'MapIterationStarted', 'ParallelStateExited']),
    );
  });

  it('close() aborts parked executions quickly and invalidates their tokens', async () => {
    const fake = fakeInvoke();
    const service = create({ Admission: admissionDefinition }, { invoke: fake.invoke });
    const { executionArn } = service.startExecution({
      stateMachineArn: smArn('Admission'),
      input: '{"guestId":"g"}',
    });
    await service.whenIdle();
    const started = Date.now();
    await service.close();
    expect(Date.now() - started).toBeLessThan(500);
    expect(service.describeExecution({ executionArn }).status).toBe('ABORTED');
    expect(() =>
      service.sendTaskSuccess({ taskToken: approverTokens(fake.calls)[0], output: '{}' }),
    ).toThrow(expect.objectContaining({ code: 'TaskTimedOut' }));
    expect(() =>
      service.startExecution({ stateMachineArn: smArn('Admission'), input: '{"guestId":"g"}' }),
    ).toThrow();
  });

  it('reports state transitions per execution in stats()', async () => {
    const fake = fakeInvoke({ Scorer: () => ({ score: 5 }) });
    const service = create({ Admission: admissionDefinition }, { invoke: fake.invoke });
    const arns = ['a', 'b', 'c'].map(
      (name) =>
        service.startExecution({
          stateMachineArn: smArn('Admission'),
          name,
          input: '{"guestId":"g"}',
        }).executionArn,
    );
    await service.whenIdle();
    approverTokens(fake.calls).forEach((taskToken, i) =>
      service.sendTaskSuccess({ taskToken, output: JSON.stringify({ approved: i !== 2 }) }),
    );
    await Promise.all(arns.map((arn) => service.whenExecutionDone(arn)));
    const stats = service.stats();
    expect(stats.executions.map((e) => [e.name, e.status, e.stateTransitions])).toEqual([
      ['a', 'SUCCEEDED', 4],
      ['b', 'SUCCEEDED', 4],
      ['c', 'FAILED', 3],
    ]);
    expect(stats.totalStateTransitions).toBe(11);
    expect(stats.byStatus).toMatchObject({ SUCCEEDED: 2, FAILED: 1, RUNNING: 0 });
  });
});
