import * as path from 'node:path';
import * as os from 'node:os';
import {
  CONTENTION_SANDBOXES_PER_FUNCTION,
  createFunctionHost,
  defaultSandboxesPerFunction,
  type FunctionHost,
} from '../../../lib/local/function-host';
import { createResolver, loadStackTemplate } from '../../../lib/local/template';

const cdkOut = path.join(__dirname, '../../fixtures/local-cdk-out');
const { template, stackName } = loadStackTemplate(cdkOut);
const resolve = createResolver({ template, stackName, region: 'eu-west-1' });

interface EchoResult {
  event: unknown;
  invocations: number;
  env: Record<string, string>;
  context: {
    functionName: string;
    invokedFunctionArn: string;
    memoryLimitInMB: string;
    awsRequestId: string;
    remainingMs: number;
    callbackWaitsForEmptyEventLoop: boolean;
  };
}

describe('function host', () => {
  let host: FunctionHost;
  const echoArn = 'arn:aws:lambda:eu-west-1:000000000000:function:EchoFunction1A2B3C4D';

  beforeAll(() => {
    process.env.SECRET_OF_THE_DEVELOPER = 'must not leak';
    host = createFunctionHost({
      cdkOut,
      template,
      resolve,
      extraEnv: { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:1234', STAGE_OVERRIDE: 'yes' },
    });
  });

  afterAll(async () => {
    delete process.env.SECRET_OF_THE_DEVELOPER;
    await host.close();
  });

  it('hosts every function of the template', () => {
    expect(host.functions()).toEqual([
      'EchoFunction1A2B3C4D',
      'OtherEchoFunction',
      'ApiFunction',
      'BinaryFunction',
    ]);
  });

  it('runs the bundle with the resolved environment, extra env and Lambda variables', async () => {
    const result = (await host.invoke('EchoFunction1A2B3C4D', { hello: 'world' })) as EchoResult;
    expect(result.event).toEqual({ hello: 'world' });
    expect(result.env).toMatchObject({
      STAGE: 'echo',
      TABLE_NAME: 'ItemsTable5AAC2C46',
      TABLE_ARN: 'arn:aws:dynamodb:eu-west-1:000000000000:table/ItemsTable5AAC2C46',
      AUDIT_TABLE: 'LocalFixtureStack-audit',
      WORKFLOW_ARN: 'arn:aws:states:eu-west-1:000000000000:stateMachine:AdmissionWorkflow',
      MAX_ITEMS: '25',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:1234',
      STAGE_OVERRIDE: 'yes',
      AWS_REGION: 'eu-west-1',
      AWS_LAMBDA_FUNCTION_NAME: 'EchoFunction1A2B3C4D',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
    });
    expect(result.env.SECRET_OF_THE_DEVELOPER).toBeUndefined();
    expect(result.context).toMatchObject({
      functionName: 'EchoFunction1A2B3C4D',
      invokedFunctionArn: echoArn,
      memoryLimitInMB: '256',
      callbackWaitsForEmptyEventLoop: true,
    });
    expect(result.context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.context.remainingMs).toBeGreaterThan(4000);
    expect(result.context.remainingMs).toBeLessThanOrEqual(5000);
  });

  it('isolates process.env and module state between functions, but reuses a warm one', async () => {
    await host.invoke('EchoFunction1A2B3C4D', { setProbe: 'set by echo' });
    const other = (await host.invoke('OtherEchoFunction', {})) as EchoResult;
    expect(other.env.PROBE).toBeUndefined();
    expect(other.env.STAGE).toBe('other');
    expect(other.env.TABLE_NAME).toBeUndefined();
    expect(other.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE).toBe('1024');
    expect(other.invocations).toBe(1);

    const echo = (await host.invoke('EchoFunction1A2B3C4D', {})) as EchoResult;
    expect(echo.env.PROBE).toBe('set by echo');
    expect(echo.invocations).toBe(3);
  });

  it('accepts the logical id, the function name, the ARN and qualified ARNs', async () => {
    for (const id of [echoArn, `${echoArn}:live`, `${echoArn}:$LATEST`, 'EchoFunction1A2B3C4D']) {
      const result = (await host.invoke(id, { id })) as EchoResult;
      expect(result.event).toEqual({ id });
    }
    const qualified = (await host.invoke(`${echoArn}:live`, {})) as EchoResult;
    expect(qualified.context.invokedFunctionArn).toBe(`${echoArn}:live`);
    await expect(host.invoke('NoSuchFunction', {})).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('rejects with the handler error name and message (Step Functions matches on them)', async () => {
    const failure = host.invoke('EchoFunction1A2B3C4D', {
      fail: { name: 'CandidateNotFoundError', message: 'no candidate 7' },
    });
    await expect(failure).rejects.toBeInstanceOf(Error);
    await expect(failure).rejects.toMatchObject({
      name: 'CandidateNotFoundError',
      message: 'no candidate 7',
    });
    // The sandbox survives a handled error.
    const after = (await host.invoke('EchoFunction1A2B3C4D', {})) as EchoResult;
    expect(after.event).toEqual({});
  });

  it('times out like Lambda and starts a fresh sandbox afterwards', async () => {
    const started = Date.now();
    await expect(host.invoke('OtherEchoFunction', { sleepMs: 3000 })).rejects.toMatchObject({
      name: 'Sandbox.Timedout',
      message: 'Task timed out after 1.00 seconds',
    });
    expect(Date.now() - started).toBeLessThan(2500);
    const fresh = (await host.invoke('OtherEchoFunction', {})) as EchoResult;
    expect(fresh.invocations).toBe(1);
  });

  it('counts invocations, errors and billed duration per function', async () => {
    const before = host.stats().ApiFunction;
    expect(before.invocations).toBe(0);
    await host.invoke('ApiFunction', { rawPath: '/x', routeKey: 'GET /x' });
    await expect(host.invoke('ApiFunction', { rawPath: '/boom' })).rejects.toThrow('boom');
    const stats = host.stats().ApiFunction;
    expect(stats).toMatchObject({ invocations: 2, errors: 1, coldStarts: 1, memoryMB: 128 });
    expect(stats.durationsMs).toHaveLength(2);
    expect(stats.initDurationsMs).toHaveLength(1);
    const expectedGbSeconds = stats.durationsMs.reduce(
      (sum, ms) => sum + (Math.ceil(ms) / 1000) * (128 / 1024),
      0,
    );
    expect(stats.billedGbSeconds).toBeCloseTo(expectedGbSeconds, 10);
    expect(host.stats().OtherEchoFunction.coldStarts).toBe(2);
  });

  it('runs one invocation per sandbox: concurrent ones start sandboxes, warm ones are reused', async () => {
    const concurrent = createFunctionHost({
      cdkOut,
      template,
      resolve,
      maxSandboxesPerFunction: CONTENTION_SANDBOXES_PER_FUNCTION,
    });
    try {
      // Three at once: three sandboxes, each with its own module state (its own counter).
      const first = (await Promise.all(
        [0, 1, 2].map(() => concurrent.invoke('EchoFunction1A2B3C4D', { sleepMs: 200 })),
      )) as EchoResult[];
      expect(first.map((r) => r.invocations)).toEqual([1, 1, 1]);
      expect(concurrent.stats().EchoFunction1A2B3C4D).toMatchObject({
        coldStarts: 3,
        maxConcurrent: 3,
        sandboxes: 3,
      });
      // One after another: the warm sandbox again, no cold start.
      const again = (await concurrent.invoke('EchoFunction1A2B3C4D', {})) as EchoResult;
      const next = (await concurrent.invoke('EchoFunction1A2B3C4D', {})) as EchoResult;
      expect([again.invocations, next.invocations]).toEqual([2, 3]);
      expect(concurrent.stats().EchoFunction1A2B3C4D).toMatchObject({
        coldStarts: 3,
        invocations: 5,
      });
    } finally {
      await concurrent.close();
    }
  });

  it('queues beyond the local sandbox cap instead of starting more workers', async () => {
    const small = createFunctionHost({ cdkOut, template, resolve, maxSandboxesPerFunction: 2 });
    try {
      const results = (await Promise.all(
        [0, 1, 2, 3].map(() => small.invoke('EchoFunction1A2B3C4D', { sleepMs: 100 })),
      )) as EchoResult[];
      // Two sandboxes (two first invocations) served the four, one at a time each.
      expect(results.filter((r) => r.invocations === 1)).toHaveLength(2);
      expect(Math.max(...results.map((r) => r.invocations))).toBeGreaterThan(1);
      expect(small.stats().EchoFunction1A2B3C4D).toMatchObject({
        coldStarts: 2,
        queued: 2,
        maxConcurrent: 2,
        throttles: 0,
      });
    } finally {
      await small.close();
    }
  });

  it('by default starts as many sandboxes of a function as the machine has cores, at least 2', async () => {
    const cores = Math.max(2, os.availableParallelism());
    expect(defaultSandboxesPerFunction()).toBe(cores);
    const sized = createFunctionHost({ cdkOut, template, resolve });
    try {
      await Promise.all(
        Array.from({ length: cores + 1 }, () =>
          sized.invoke('EchoFunction1A2B3C4D', { sleepMs: 100 }),
        ),
      );
      expect(sized.stats().EchoFunction1A2B3C4D).toMatchObject({ coldStarts: cores, queued: 1 });
    } finally {
      await sized.close();
    }
  });

  it('counts invocations waiting for a sandbox towards the reserved concurrency, as Lambda does', async () => {
    const capped = structuredClone(template);
    const echo = capped.Resources.EchoFunction1A2B3C4D;
    echo.Properties = { ...echo.Properties, ReservedConcurrentExecutions: 3 };
    const host1 = createFunctionHost({
      cdkOut,
      template: capped,
      resolve,
      maxSandboxesPerFunction: 2,
    });
    try {
      // Two run, the third waits for a sandbox (still within 3 in flight), the fourth is refused.
      const accepted = [0, 1, 2].map(() => host1.invoke('EchoFunction1A2B3C4D', { sleepMs: 300 }));
      await expect(host1.invoke('EchoFunction1A2B3C4D', {})).rejects.toMatchObject({
        name: 'TooManyRequestsException',
      });
      expect(await Promise.all(accepted)).toHaveLength(3);
      expect(host1.stats().EchoFunction1A2B3C4D).toMatchObject({
        throttles: 1,
        queued: 1,
        coldStarts: 2,
      });
    } finally {
      await host1.close();
    }
  });

  it('throttles beyond ReservedConcurrentExecutions and reaps idle sandboxes', async () => {
    const capped = structuredClone(template);
    const echo = capped.Resources.EchoFunction1A2B3C4D;
    echo.Properties = { ...echo.Properties, ReservedConcurrentExecutions: 1 };
    const host1 = createFunctionHost({ cdkOut, template: capped, resolve, idleSandboxMs: 300 });
    try {
      const running = host1.invoke('EchoFunction1A2B3C4D', { sleepMs: 300 });
      await expect(host1.invoke('EchoFunction1A2B3C4D', {})).rejects.toMatchObject({
        name: 'TooManyRequestsException',
        message: 'Rate Exceeded.',
      });
      await running;
      expect(host1.stats().EchoFunction1A2B3C4D).toMatchObject({
        throttles: 1,
        reservedConcurrency: 1,
        coldStarts: 1,
      });
      await new Promise((r) => setTimeout(r, 600));
      expect(host1.stats().EchoFunction1A2B3C4D.sandboxes).toBe(0);
      const cold = (await host1.invoke('EchoFunction1A2B3C4D', {})) as EchoResult;
      expect(cold.invocations).toBe(1);
      expect(host1.stats().EchoFunction1A2B3C4D.coldStarts).toBe(2);
    } finally {
      await host1.close();
    }
  });

  it('refuses invocations once closed', async () => {
    const closing = createFunctionHost({ cdkOut, template, resolve });
    await closing.invoke('BinaryFunction', {});
    await closing.close();
    await expect(closing.invoke('BinaryFunction', {})).rejects.toThrow(/closed/);
  });
});
