import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  GetExecutionHistoryCommand,
  InvalidExecutionInput,
  InvalidName,
  InvalidToken,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
  ExecutionDoesNotExist,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { startSfnEndpoint, type SfnEndpoint } from '../../../lib/local/sfn-endpoint';
import {
  createLocalStepFunctions,
  type LocalStepFunctions,
} from '../../../lib/local/step-functions';
import { admissionDefinition, fakeInvoke, namedError, sdkClient, smArn } from './sfn-fixtures';

const ADMISSION = smArn('Admission');

describe('Step Functions endpoint (AWS JSON 1.0) with @aws-sdk/client-sfn', () => {
  let service: LocalStepFunctions;
  let endpoint: SfnEndpoint;
  let client: SFNClient;
  let fake: ReturnType<typeof fakeInvoke>;

  beforeEach(async () => {
    fake = fakeInvoke({
      Scorer: (p) => {
        if (p.guestId === 'crowd') throw namedError('PartyFull', 'no room left');
        return { score: 42 };
      },
    });
    service = createLocalStepFunctions({
      definitions: [{ arn: ADMISSION, name: 'Admission', definition: admissionDefinition }],
      invoke: fake.invoke,
    });
    endpoint = await startSfnEndpoint({ service, port: 0, host: '127.0.0.1' });
    client = sdkClient(endpoint.url);
  });

  afterEach(async () => {
    client.destroy();
    await endpoint.close();
    await service.close();
  });

  const tokensOf = (): string[] =>
    fake.calls
      .filter((c) => c.functionName.endsWith(':Approver'))
      .map((c) => c.payload.taskToken as string);

  async function start(name: string, input: unknown): Promise<string> {
    const out = await client.send(
      new StartExecutionCommand({ stateMachineArn: ADMISSION, name, input: JSON.stringify(input) }),
    );
    return out.executionArn!;
  }

  it('parks a callback task, resumes it via SendTaskSuccess and routes on the result', async () => {
    expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const arn1 = await start('guest-1', { guestId: 'g1' });
    const arn2 = await start('guest-2', { guestId: 'g2' });
    expect(arn1).toBe('arn:aws:states:us-east-1:000000000000:execution:Admission:guest-1');
    await service.whenIdle();

    expect(service.pendingTaskCount()).toBe(2);
    const [t1, t2] = tokensOf();
    expect(typeof t1).toBe('string');
    expect(t1).not.toBe(t2);
    expect(fake.calls[0].payload).toEqual({ guestId: 'g1', taskToken: t1 });
    expect(service.pendingTasks().map((p) => p.stateName)).toEqual([
      'AwaitApproval',
      'AwaitApproval',
    ]);

    await client.send(new SendTaskHeartbeatCommand({ taskToken: t1 }));
    await client.send(
      new SendTaskSuccessCommand({ taskToken: t1, output: JSON.stringify({ approved: true }) }),
    );
    const done1 = await service.whenExecutionDone(arn1);
    expect(done1.status).toBe('SUCCEEDED');
    expect(JSON.parse(done1.output!)).toEqual({
      guestId: 'g1',
      approval: { approved: true },
      scoring: { score: 42, status: 200 },
    });
    // the Scorer received the state input including the callback result
    expect(fake.calls.find((c) => c.functionName.endsWith(':Scorer'))?.payload).toEqual({
      guestId: 'g1',
      approval: { approved: true },
    });

    // Choice default branch → Fail state
    await client.send(
      new SendTaskSuccessCommand({ taskToken: t2, output: JSON.stringify({ approved: false }) }),
    );
    const done2 = await service.whenExecutionDone(arn2);
    expect(done2).toMatchObject({ status: 'FAILED', error: 'Rejected', cause: 'not approved' });
    expect(service.pendingTaskCount()).toBe(0);
    expect(service.stats().executions.find((e) => e.executionArn === arn1)?.stateTransitions).toBe(
      4,
    );
  });

  it('rejects reused, unknown and malformed tokens with AWS error codes', async () => {
    await start('reuse', { guestId: 'g1' });
    await service.whenIdle();
    const [token] = tokensOf();
    await client.send(
      new SendTaskSuccessCommand({ taskToken: token, output: '{"approved":true}' }),
    );

    // AWS: a closed task's token → TaskTimedOut "Provided task does not exist anymore"
    const reused = client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));
    await expect(reused).rejects.toBeInstanceOf(TaskTimedOut);
    await expect(
      client.send(new SendTaskFailureCommand({ taskToken: token, error: 'X' })),
    ).rejects.toMatchObject({ name: 'TaskTimedOut' });

    const unknown = 'LSFN1' + 'A'.repeat(86);
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: unknown, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskDoesNotExist);
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: 'garbage', output: '{}' })),
    ).rejects.toBeInstanceOf(InvalidToken);
  });

  it('SendTaskFailure(Withdrawn) reaches the matching Catch with {Error, Cause}', async () => {
    const arn = await start('withdrawn', { guestId: 'g9' });
    await service.whenIdle();
    const [token] = tokensOf();
    await client.send(
      new SendTaskFailureCommand({
        taskToken: token,
        error: 'Withdrawn',
        cause: 'guest cancelled',
      }),
    );
    const done = await service.whenExecutionDone(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({
      guestId: 'g9',
      error: { Error: 'Withdrawn', Cause: 'guest cancelled' },
      state: 'withdrawn',
    });
  });

  it('a Lambda error keeps its name for Catch; Cause is the AWS-style JSON payload', async () => {
    const arn = await start('crowd', { guestId: 'crowd' });
    await service.whenIdle();
    await client.send(
      new SendTaskSuccessCommand({ taskToken: tokensOf()[0], output: '{"approved":true}' }),
    );
    const done = await service.whenExecutionDone(arn);
    expect(done.status).toBe('SUCCEEDED');
    const output = JSON.parse(done.output!);
    expect(output.error.Error).toBe('PartyFull');
    expect(JSON.parse(output.error.Cause)).toMatchObject({
      errorType: 'PartyFull',
      errorMessage: 'no room left',
    });
  });

  it('StartExecution is idempotent for same name+input while running, else ExecutionAlreadyExists', async () => {
    const first = await start('same', { guestId: 'g1' });
    const again = await start('same', { guestId: 'g1' });
    expect(again).toBe(first);
    await expect(start('same', { guestId: 'other' })).rejects.toBeInstanceOf(
      ExecutionAlreadyExists,
    );
    await service.whenIdle();
    expect(service.pendingTaskCount()).toBe(1);

    await client.send(new StopExecutionCommand({ executionArn: first }));
    // closed execution: even the same input is rejected
    await expect(start('same', { guestId: 'g1' })).rejects.toBeInstanceOf(ExecutionAlreadyExists);

    await expect(start('bad name', {})).rejects.toBeInstanceOf(InvalidName);
    await expect(
      client.send(new StartExecutionCommand({ stateMachineArn: ADMISSION, input: '{nope' })),
    ).rejects.toBeInstanceOf(InvalidExecutionInput);
    await expect(
      client.send(new StartExecutionCommand({ stateMachineArn: smArn('Missing') })),
    ).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await expect(
      client.send(
        new DescribeExecutionCommand({
          executionArn: 'arn:aws:states:us-east-1:000000000000:execution:Admission:nope',
        }),
      ),
    ).rejects.toBeInstanceOf(ExecutionDoesNotExist);
  });

  it('DescribeExecution, GetExecutionHistory and ListExecutions through the SDK', async () => {
    const arn = await start('history', { guestId: 'g1' });
    await service.whenIdle();
    const running = await client.send(new DescribeExecutionCommand({ executionArn: arn }));
    expect(running).toMatchObject({
      status: 'RUNNING',
      name: 'history',
      stateMachineArn: ADMISSION,
      input: '{"guestId":"g1"}',
    });
    expect(running.startDate).toBeInstanceOf(Date);
    expect(Math.abs(running.startDate!.getTime() - Date.now())).toBeLessThan(60_000);

    await client.send(
      new SendTaskSuccessCommand({ taskToken: tokensOf()[0], output: '{"approved":true}' }),
    );
    await service.whenExecutionDone(arn);
    const described = await client.send(new DescribeExecutionCommand({ executionArn: arn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(described.stopDate).toBeInstanceOf(Date);
    expect(JSON.parse(described.output!).scoring.score).toBe(42);

    const { events } = await client.send(new GetExecutionHistoryCommand({ executionArn: arn }));
    expect(events!.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    events!.forEach((e, i) => {
      expect(e.id).toBe(i + 1);
      expect(e.previousEventId).toBe(i);
      expect(e.timestamp).toBeInstanceOf(Date);
    });
    expect(events![1].stateEnteredEventDetails).toEqual({
      name: 'AwaitApproval',
      input: '{"guestId":"g1"}',
      inputDetails: { truncated: false },
    });
    expect(events![2].taskScheduledEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke.waitForTaskToken',
    });
    expect(JSON.parse(events![6].stateExitedEventDetails!.output!)).toEqual({
      guestId: 'g1',
      approval: { approved: true },
    });
    expect(events![0].executionStartedEventDetails?.input).toBe('{"guestId":"g1"}');

    const page = await client.send(
      new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 5, reverseOrder: true }),
    );
    expect(page.events!.map((e) => e.id)).toEqual([17, 16, 15, 14, 13]);
    expect(page.nextToken).toBeDefined();

    await start('other', { guestId: 'g2' });
    const all = await client.send(new ListExecutionsCommand({ stateMachineArn: ADMISSION }));
    expect(all.executions!.map((e) => e.name).sort()).toEqual(['history', 'other']);
    const succeeded = await client.send(
      new ListExecutionsCommand({ stateMachineArn: ADMISSION, statusFilter: 'SUCCEEDED' }),
    );
    expect(succeeded.executions!.map((e) => e.name)).toEqual(['history']);
    expect(succeeded.executions![0].stopDate).toBeInstanceOf(Date);
  });

  it('StopExecution aborts the execution and invalidates its pending tokens', async () => {
    const arn = await start('stop-me', { guestId: 'g1' });
    await service.whenIdle();
    const [token] = tokensOf();
    const stopped = await client.send(
      new StopExecutionCommand({ executionArn: arn, error: 'Admin', cause: 'closing doors' }),
    );
    expect(stopped.stopDate).toBeInstanceOf(Date);
    expect(service.pendingTaskCount()).toBe(0);
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);

    await service.whenExecutionDone(arn);
    const described = await client.send(new DescribeExecutionCommand({ executionArn: arn }));
    expect(described).toMatchObject({ status: 'ABORTED', error: 'Admin', cause: 'closing doors' });
    const { events } = await client.send(new GetExecutionHistoryCommand({ executionArn: arn }));
    expect(events!.at(-1)).toMatchObject({
      type: 'ExecutionAborted',
      executionAbortedEventDetails: { error: 'Admin', cause: 'closing doors' },
    });
    const aborted = await client.send(
      new ListExecutionsCommand({ stateMachineArn: ADMISSION, statusFilter: 'ABORTED' }),
    );
    expect(aborted.executions!.map((e) => e.executionArn)).toEqual([arn]);
  });

  it('speaks the wire protocol: epoch-second dates, 400 errors, unknown operations', async () => {
    const post = (target: string, body: unknown) =>
      fetch(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target },
        body: JSON.stringify(body),
      });
    const started = await post('AWSStepFunctions.StartExecution', {
      stateMachineArn: ADMISSION,
      name: 'wire',
    });
    expect(started.status).toBe(200);
    expect(started.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    const body = (await started.json()) as { executionArn: string; startDate: number };
    expect(typeof body.startDate).toBe('number');
    expect(Math.abs(body.startDate - Date.now() / 1000)).toBeLessThan(60);

    const unknown = await post('AWSStepFunctions.CreateStateMachine', {});
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException' });

    const missing = await post('AWSStepFunctions.SendTaskSuccess', { output: '{}' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ __type: 'ValidationException' });
  });
});
