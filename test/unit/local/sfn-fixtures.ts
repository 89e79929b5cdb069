import { SFNClient } from '@aws-sdk/client-sfn';

const ACCOUNT = '000000000000';
export const fnArn = (name: string): string =>
  `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
export const smArn = (name: string): string =>
  `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:${name}`;

export const CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
export const INVOKE = 'arn:aws:states:::lambda:invoke';

/**
 * Admission flow: park on an approval callback, route on its result, score with a plain
 * Lambda invoke (ResultSelector on $.Payload), Withdrawn failure caught.
 */
export const admissionDefinition = {
  Comment: 'admission',
  StartAt: 'AwaitApproval',
  States: {
    AwaitApproval: {
      Type: 'Task',
      Resource: CALLBACK,
      Parameters: {
        FunctionName: fnArn('Approver'),
        Payload: { 'guestId.$': '$.guestId', 'taskToken.$': '$$.Task.Token' },
      },
      ResultPath: '$.approval',
      Catch: [{ ErrorEquals: ['Withdrawn'], ResultPath: '$.error', Next: 'MarkWithdrawn' }],
      Next: 'IsApproved',
    },
    IsApproved: {
      Type: 'Choice',
      Choices: [{ Variable: '$.approval.approved', BooleanEquals: true, Next: 'Score' }],
      Default: 'Rejected',
    },
    Score: {
      Type: 'Task',
      Resource: INVOKE,
      Parameters: { FunctionName: fnArn('Scorer'), 'Payload.$': '$' },
      ResultSelector: { 'score.$': '$.Payload.score', 'status.$': '$.StatusCode' },
      ResultPath: '$.scoring',
      Catch: [{ ErrorEquals: ['PartyFull'], ResultPath: '$.error', Next: 'Full' }],
      Next: 'Admitted',
    },
    Admitted: { Type: 'Succeed' },
    Full: { Type: 'Pass', End: true },
    MarkWithdrawn: { Type: 'Pass', Result: 'withdrawn', ResultPath: '$.state', End: true },
    Rejected: { Type: 'Fail', Error: 'Rejected', Cause: 'not approved' },
  },
};

/** Callback with TimeoutSecondsPath read from the state input (not from Parameters). */
export const timeoutPathDefinition = {
  StartAt: 'Wait',
  States: {
    Wait: {
      Type: 'Task',
      Resource: CALLBACK,
      TimeoutSecondsPath: '$.limits.timeoutSeconds',
      Parameters: {
        FunctionName: fnArn('Approver'),
        Payload: { 'guestId.$': '$.guestId', 'taskToken.$': '$$.Task.Token' },
      },
      ResultPath: '$.approval',
      Catch: [
        { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.error', Next: 'TaskFailed' },
        { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'TimedOut' },
      ],
      End: true,
    },
    TaskFailed: { Type: 'Pass', Result: 'task-failed', ResultPath: '$.branch', End: true },
    TimedOut: { Type: 'Pass', Result: 'timed-out', ResultPath: '$.branch', End: true },
  },
};

export interface InvokeCall {
  functionName: string;
  payload: Record<string, unknown>;
}

/** A fake `invoke` that records calls and answers per function name (last ARN segment). */
export function fakeInvoke(
  handlers: Record<string, (payload: Record<string, unknown>) => unknown> = {},
): { invoke: (fn: string, payload: unknown) => Promise<unknown>; calls: InvokeCall[] } {
  const calls: InvokeCall[] = [];
  const invoke = async (functionName: string, payload: unknown): Promise<unknown> => {
    calls.push({ functionName, payload: payload as Record<string, unknown> });
    const short = functionName.split(':').pop() ?? functionName;
    const handler = handlers[short];
    return handler ? handler(payload as Record<string, unknown>) : {};
  };
  return { invoke, calls };
}

export function namedError(name: string, message: string): Error {
  const err = new Error(message);
  err.name = name;
  return err;
}

export function sdkClient(url: string): SFNClient {
  return new SFNClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}
