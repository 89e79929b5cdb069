/**
 * Hosts every AWS::Lambda::Function of the template with Lambda's concurrency model. A sandbox is
 * a worker thread with its own process.env and module cache, and it runs one invocation at a
 * time. An invocation takes a warm idle sandbox of its function, or starts a new one (a cold
 * start), up to the function's ReservedConcurrentExecutions; beyond it Lambda throttles
 * (TooManyRequestsException). Module state is therefore per sandbox, as in Lambda. Idle sandboxes
 * are reaped after `idleSandboxMs`. The code that runs is the synthesized esbuild bundle in
 * cdk.out, i.e. the exact artifact that gets deployed.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { tapLines } from './output-lines';
import { SHIFTED_DATE_SOURCE } from './runtime-clock';
import { listResources, type CfnTemplate, type Resolve } from './template';

export interface FunctionHostOptions {
  cdkOut: string;
  template: CfnTemplate;
  resolve: Resolve;
  /** Added to (and overriding) each function's own environment, e.g. endpoints and credentials. */
  extraEnv?: Record<string, string>;
  /** Per-function additions after `extraEnv`, e.g. the function's own credentials (IAM). */
  envFor?: (logicalId: string, functionName: string) => Record<string, string>;
  /** Reject invocations that exceed the function's Timeout, as Lambda does (default true). */
  enforceTimeouts?: boolean;
  /**
   * The runtime clock's shared offset (lib/local/runtime-clock.ts): each worker's `Date` then
   * reads the business clock, so handlers see accelerated time without knowing it.
   */
  clockOffset?: SharedArrayBuffer;
  /** Each line a function prints on stdout (still passed on to this process's stdout). */
  onOutputLine?: (logicalId: string, line: string) => void;
  /** An idle sandbox is discarded after this long (default 120 s); the next invocation is cold. */
  idleSandboxMs?: number;
  /**
   * A local resource cap, not a Lambda limit: at most this many sandboxes per function (default:
   * the machine's cores, at least 2); further invocations wait for one to be free instead of
   * starting more worker threads than the machine has cores for. The wait is not part of the
   * invocation's duration or timeout, and a waiting invocation counts towards the function's
   * reserved concurrency as a running one does.
   */
  maxSandboxesPerFunction?: number;
}

interface FunctionStats {
  logicalId: string;
  functionName: string;
  memoryMB: number;
  timeoutSeconds: number;
  invocations: number;
  errors: number;
  coldStarts: number;
  /** Invocations refused because the function's reserved concurrency was in use. */
  throttles: number;
  /** The most invocations that ran at once (= sandboxes busy at once). */
  maxConcurrent: number;
  /** Invocations that waited for a sandbox because of `maxSandboxesPerFunction`. */
  queued: number;
  /** Sandboxes alive now (busy or warm). */
  sandboxes: number;
  /** ReservedConcurrentExecutions of the template, if set. */
  reservedConcurrency?: number;
  /** Handler run time of each invocation, measured inside the worker (what Lambda bills). */
  durationsMs: number[];
  /** Module load time of each cold start. */
  initDurationsMs: number[];
  totalDurationMs: number;
  /** Σ ceil(duration ms) × memory, the way Lambda bills on-demand duration. */
  billedGbSeconds: number;
}

export interface FunctionHost {
  /** Accepts the logical id, the local function name or its ARN (qualified ARNs too). */
  invoke(functionNameOrArn: string, event: unknown): Promise<unknown>;
  /** Logical ids of all hosted functions. */
  functions(): string[];
  stats(): Record<string, FunctionStats>;
  close(): Promise<void>;
}

interface FunctionDefinition {
  logicalId: string;
  functionName: string;
  arn: string;
  handler: string;
  assetDir?: string;
  memoryMB: number;
  timeoutSeconds: number;
  reservedConcurrency?: number;
  env: Record<string, string>;
}

interface PendingInvocation {
  id: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  startTimer?: () => void;
  timer?: NodeJS.Timeout;
}

/** One execution environment: a worker running at most one invocation. */
interface Sandbox {
  worker: Worker;
  /** Taken by an invocation that has not been posted yet (acquiring is synchronous, posting not). */
  reserved?: boolean;
  current?: PendingInvocation;
  reaper?: NodeJS.Timeout;
}

type WorkerReply =
  | { id: string; started: true; initMs?: number }
  | { id: string; ok: true; resultJson: string; durationMs: number; initMs?: number }
  | { id: string; ok: false; error: SerializedError; durationMs: number; initMs?: number };

interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

/** Lambda's limit on a sandbox's init phase (module load), which is not part of the timeout. */
const INIT_LIMIT_MS = 10_000;

/** Only what a process needs to run; the developer's own environment must not leak in. */
const INHERITED_ENV = ['PATH', 'TMPDIR', 'LANG'];

export function createFunctionHost(options: FunctionHostOptions): FunctionHost {
  const definitions = readFunctionDefinitions(options);
  const byKey = new Map<string, FunctionDefinition>();
  for (const definition of definitions) {
    byKey.set(definition.logicalId, definition);
    byKey.set(definition.functionName, definition);
    byKey.set(definition.arn, definition);
  }
  const pools = new Map<string, Sandbox[]>(definitions.map((d) => [d.logicalId, []]));
  const statistics = new Map<string, FunctionStats>(
    definitions.map((d) => [
      d.logicalId,
      {
        logicalId: d.logicalId,
        functionName: d.functionName,
        memoryMB: d.memoryMB,
        timeoutSeconds: d.timeoutSeconds,
        invocations: 0,
        errors: 0,
        coldStarts: 0,
        throttles: 0,
        maxConcurrent: 0,
        queued: 0,
        sandboxes: 0,
        ...(d.reservedConcurrency !== undefined
          ? { reservedConcurrency: d.reservedConcurrency }
          : {}),
        durationsMs: [],
        initDurationsMs: [],
        totalDurationMs: 0,
        billedGbSeconds: 0,
      },
    ]),
  );
  const idleSandboxMs = options.idleSandboxMs ?? 120_000;
  const maxSandboxes = options.maxSandboxesPerFunction ?? defaultSandboxesPerFunction();
  /** Invocations waiting for a sandbox of their function (the local cap), first come first served. */
  const waiting = new Map<string, ((sandbox: Sandbox) => void)[]>(
    definitions.map((d) => [d.logicalId, []]),
  );
  let closed = false;

  const find = (nameOrArn: string): FunctionDefinition => {
    const found = byKey.get(nameOrArn) ?? byKey.get(functionNameFromArn(nameOrArn));
    if (!found) {
      const error = new Error(`Function not found: ${nameOrArn}`);
      error.name = 'ResourceNotFoundException';
      throw error;
    }
    return found;
  };

  const discard = (definition: FunctionDefinition, sandbox: Sandbox) => {
    const pool = pools.get(definition.logicalId)!;
    const index = pool.indexOf(sandbox);
    if (index < 0) return;
    pool.splice(index, 1);
    statistics.get(definition.logicalId)!.sandboxes = pool.length;
    clearTimeout(sandbox.reaper);
    void sandbox.worker.terminate();
    // Its place goes to the next waiting invocation, in a fresh sandbox.
    const next = waiting.get(definition.logicalId)!.shift();
    if (next && !closed) next(reserve(startSandbox(definition)));
  };

  const reserve = (sandbox: Sandbox): Sandbox => {
    sandbox.reserved = true;
    clearTimeout(sandbox.reaper);
    return sandbox;
  };

  /** A sandbox whose invocation ended: the next waiting invocation's, or warm until reaped. */
  const release = (definition: FunctionDefinition, sandbox: Sandbox) => {
    const next = waiting.get(definition.logicalId)!.shift();
    if (next) {
      next(reserve(sandbox));
      return;
    }
    sandbox.reaper = setTimeout(() => discard(definition, sandbox), idleSandboxMs);
    sandbox.reaper.unref();
  };

  const startSandbox = (definition: FunctionDefinition): Sandbox => {
    const modulePath = findHandlerModule(definition);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      env: definition.env,
      workerData: {
        modulePath,
        handler: definition.handler,
        clockOffset: options.clockOffset,
      },
      stdout: Boolean(options.onOutputLine),
    });
    const onOutputLine = options.onOutputLine;
    if (onOutputLine) {
      tapLines(worker.stdout, process.stdout, (line) => onOutputLine(definition.logicalId, line));
    }
    const sandbox: Sandbox = { worker };
    const stats = statistics.get(definition.logicalId)!;
    const fail = (error: Error) => {
      const pending = sandbox.current;
      discard(definition, sandbox);
      if (!pending) return;
      sandbox.current = undefined;
      stats.errors++;
      clearTimeout(pending.timer);
      pending.reject(error);
    };
    worker.on('message', (reply: WorkerReply) => {
      const pending = sandbox.current;
      if (reply.initMs !== undefined) stats.initDurationsMs.push(reply.initMs);
      if (!pending || pending.id !== reply.id) return; // timed out already, and counted then
      if ('started' in reply) {
        // Lambda's timeout counts from the handler's start: the init phase is not part of it.
        pending.startTimer?.();
        return;
      }
      recordDuration(stats, reply.durationMs, !reply.ok);
      sandbox.current = undefined;
      clearTimeout(pending.timer);
      release(definition, sandbox);
      if (reply.ok) pending.resolve(JSON.parse(reply.resultJson));
      else pending.reject(toError(reply.error));
    });
    // An uncaught exception or unhandled rejection ends the worker, as it ends a Lambda sandbox.
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      const error = new Error(`${definition.functionName} exited (code ${code}) before replying`);
      error.name = 'Runtime.ExitError';
      fail(error);
    });
    const pool = pools.get(definition.logicalId)!;
    pool.push(sandbox);
    stats.sandboxes = pool.length;
    stats.coldStarts++;
    return sandbox;
  };

  /**
   * The most recently used idle sandbox, a new one, Lambda's throttle beyond the reserved
   * concurrency, or (beyond the local cap) the next sandbox that comes free.
   */
  const acquire = (definition: FunctionDefinition): Sandbox | Promise<Sandbox> => {
    const pool = pools.get(definition.logicalId)!;
    const stats = statistics.get(definition.logicalId)!;
    const idle = pool.filter((sandbox) => !sandbox.current && !sandbox.reserved);
    const warm = idle.at(-1);
    if (warm) {
      // Most recently used last: move it to the end of the pool.
      pool.splice(pool.indexOf(warm), 1);
      pool.push(warm);
      return reserve(warm);
    }
    // Lambda counts every invocation in flight; here some wait for a sandbox (the local cap).
    const inFlight = pool.length + waiting.get(definition.logicalId)!.length;
    if (
      definition.reservedConcurrency !== undefined &&
      inFlight >= definition.reservedConcurrency
    ) {
      stats.throttles++;
      const error = new Error('Rate Exceeded.');
      error.name = 'TooManyRequestsException';
      (error as Error & { Reason?: string }).Reason =
        'ReservedFunctionConcurrentInvocationLimitExceeded';
      throw error;
    }
    if (pool.length >= maxSandboxes) {
      stats.queued++;
      return new Promise<Sandbox>((resolve) => waiting.get(definition.logicalId)!.push(resolve));
    }
    return reserve(startSandbox(definition));
  };

  const invoke = async (nameOrArn: string, event: unknown): Promise<unknown> => {
    if (closed) throw new Error('The function host is closed.');
    const definition = find(nameOrArn);
    const sandbox = await acquire(definition);
    if (closed) throw new Error('The function host is closed.');
    sandbox.reserved = false;
    const stats = statistics.get(definition.logicalId)!;
    stats.invocations++;
    const id = randomUUID();
    // Lambda payloads are JSON; going through JSON here gives handlers the same shapes (no Dates,
    // no undefined) they get in AWS.
    const eventJson = JSON.stringify(event ?? null);
    return new Promise<unknown>((resolve, reject) => {
      const pending: PendingInvocation = { id, resolve, reject };
      if (options.enforceTimeouts ?? true) {
        const timeoutMs = definition.timeoutSeconds * 1000;
        const timedOut = () => {
          sandbox.current = undefined;
          recordDuration(stats, timeoutMs, true);
          const error = new Error(
            `Task timed out after ${definition.timeoutSeconds.toFixed(2)} seconds`,
          );
          error.name = 'Sandbox.Timedout';
          reject(error);
          // A timed-out sandbox is discarded: the next invocation starts a fresh one.
          discard(definition, sandbox);
        };
        // Until the handler starts, the init phase's own limit applies as well.
        pending.timer = setTimeout(timedOut, INIT_LIMIT_MS + timeoutMs);
        pending.startTimer = () => {
          clearTimeout(pending.timer);
          pending.timer = setTimeout(timedOut, timeoutMs);
        };
      }
      sandbox.current = pending;
      const busy = pools.get(definition.logicalId)!.filter((s) => s.current).length;
      stats.maxConcurrent = Math.max(stats.maxConcurrent, busy);
      sandbox.worker.postMessage({
        id,
        eventJson,
        timeoutMs: definition.timeoutSeconds * 1000,
        context: {
          functionName: definition.functionName,
          invokedFunctionArn: nameOrArn.startsWith('arn:') ? nameOrArn : definition.arn,
          memoryLimitInMB: String(definition.memoryMB),
          logGroupName: `/aws/lambda/${definition.functionName}`,
        },
      });
    });
  };

  return {
    invoke,
    functions: () => definitions.map((d) => d.logicalId),
    stats: () => structuredClone(Object.fromEntries(statistics)),
    close: async () => {
      closed = true;
      const sandboxes = [...pools.values()].flat();
      for (const pool of pools.values()) pool.length = 0;
      for (const sandbox of sandboxes) clearTimeout(sandbox.reaper);
      await Promise.all(sandboxes.map(({ worker }) => worker.terminate()));
    },
  };
}

/**
 * Sandboxes per function for what loads the runtime as Lambda would be loaded (the benchmarks,
 * the reliability suite): enough for their concurrent clients' invocations to run side by side,
 * so that DynamoDB's transaction conflicts can happen between them.
 */
export const CONTENTION_SANDBOXES_PER_FUNCTION = 6;

/**
 * As many sandboxes per function as the machine has cores (at least 2): beyond that, more worker
 * threads only compete for the same cores, and each costs a cold start (about 0.4 s of CPU: the
 * thread, the bundle, the first requests' set-up). Measured on this 2-core machine with six
 * end-to-end files: 135 cold starts and 202 s of CPU with 6 sandboxes, 72 and 166 s with 2.
 */
export function defaultSandboxesPerFunction(): number {
  return Math.max(2, os.availableParallelism());
}

function recordDuration(stats: FunctionStats, durationMs: number, failed: boolean): void {
  stats.durationsMs.push(durationMs);
  stats.totalDurationMs += durationMs;
  stats.billedGbSeconds += (Math.ceil(durationMs) / 1000) * (stats.memoryMB / 1024);
  if (failed) stats.errors++;
}

function readFunctionDefinitions(options: FunctionHostOptions): FunctionDefinition[] {
  const { template, resolve, cdkOut } = options;
  const region = String(resolve({ Ref: 'AWS::Region' }));
  return listResources(template, 'AWS::Lambda::Function').map(({ logicalId, resource }) => {
    const properties = (resolve(resource.Properties ?? {}) ?? {}) as {
      Handler?: string;
      MemorySize?: number;
      Timeout?: number;
      ReservedConcurrentExecutions?: number;
      Environment?: { Variables?: Record<string, unknown> };
    };
    const functionName = String(resolve({ Ref: logicalId }));
    const assetPath = resource.Metadata?.['aws:asset:path'];
    const assetDir = typeof assetPath === 'string' ? path.resolve(cdkOut, assetPath) : undefined;
    const memoryMB = Number(properties.MemorySize ?? 128);
    const handler = properties.Handler ?? 'index.handler';

    const inherited = Object.fromEntries(
      INHERITED_ENV.filter((name) => process.env[name]).map((name) => [name, process.env[name]!]),
    );
    const functionEnv = Object.fromEntries(
      Object.entries(properties.Environment?.Variables ?? {}).map(([name, value]) => [
        name,
        typeof value === 'string' ? value : JSON.stringify(value),
      ]),
    );
    return {
      logicalId,
      functionName,
      arn: String(resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] })),
      handler,
      assetDir,
      memoryMB,
      timeoutSeconds: Number(properties.Timeout ?? 3),
      ...(properties.ReservedConcurrentExecutions !== undefined
        ? { reservedConcurrency: Number(properties.ReservedConcurrentExecutions) }
        : {}),
      env: {
        ...inherited,
        AWS_REGION: region,
        AWS_DEFAULT_REGION: region,
        ...functionEnv,
        ...options.extraEnv,
        ...options.envFor?.(logicalId, functionName),
        AWS_LAMBDA_FUNCTION_NAME: functionName,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memoryMB),
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${functionName}`,
        AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${process.versions.node.split('.')[0]}.x`,
        LAMBDA_TASK_ROOT: assetDir ?? '',
        _HANDLER: handler,
      },
    };
  });
}

/** `arn:aws:lambda:region:account:function:Name[:qualifier]` → `Name`; `Name:alias` → `Name`. */
function functionNameFromArn(nameOrArn: string): string {
  const parts = nameOrArn.split(':');
  if (nameOrArn.startsWith('arn:')) return parts[5] === 'function' ? (parts[6] ?? '') : '';
  return parts[0];
}

/** `dir/file.export.path` → `<asset>/dir/file.{js,mjs,cjs}`, as the Lambda Node runtime does. */
function findHandlerModule(definition: FunctionDefinition): string {
  const failure = (message: string) => {
    const error = new Error(message);
    error.name = 'Runtime.ImportModuleError';
    return error;
  };
  if (!definition.assetDir) {
    throw failure(`${definition.logicalId} has no aws:asset:path metadata (inline code?)`);
  }
  const slash = definition.handler.lastIndexOf('/');
  const directory = definition.handler.slice(0, slash + 1);
  const moduleName = definition.handler.slice(slash + 1).split('.')[0];
  for (const extension of ['.js', '.mjs', '.cjs']) {
    const candidate = path.join(definition.assetDir, directory + moduleName + extension);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw failure(`Cannot find module '${directory}${moduleName}' in ${definition.assetDir}`);
}

function toError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}

/**
 * Runs inside each worker. Plain CommonJS JavaScript passed with `eval: true`, so that it runs the
 * same under tsx, ts-jest and compiled output, and needs no file of its own on disk.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${SHIFTED_DATE_SOURCE}
// Lambda's remaining time is real time, whatever the business clock says.
const realDateNow = Date.now;
if (workerData.clockOffset) installShiftedDate(workerData.clockOffset);
const { randomUUID } = require('node:crypto');
const { pathToFileURL } = require('node:url');
const { performance } = require('node:perf_hooks');

let loading;
let coldStartReported = false;

function loadHandler() {
  loading ??= (async () => {
    const started = performance.now();
    let moduleExports;
    try {
      moduleExports = require(workerData.modulePath);
    } catch (error) {
      if (error && error.code === 'ERR_REQUIRE_ESM') {
        moduleExports = await import(pathToFileURL(workerData.modulePath).href);
      } else {
        if (error && error.name === 'SyntaxError') error.name = 'Runtime.UserCodeSyntaxError';
        throw error;
      }
    }
    const exportPath = workerData.handler.slice(workerData.handler.lastIndexOf('/') + 1).split('.').slice(1);
    let fn = moduleExports;
    for (const key of exportPath) fn = fn == null ? undefined : fn[key];
    if (typeof fn !== 'function') {
      const error = new Error(workerData.handler + ' is undefined or not exported');
      error.name = 'Runtime.HandlerNotFound';
      throw error;
    }
    return { fn, initMs: performance.now() - started };
  })();
  return loading;
}

function callHandler(fn, event, context) {
  return new Promise((resolve, reject) => {
    const callback = (error, result) => (error ? reject(error) : resolve(result));
    context.done = callback;
    context.succeed = (result) => resolve(result);
    context.fail = (error) => reject(error);
    const returned = fn(event, context, callback);
    if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
    else if (fn.length < 3) resolve(returned);
  });
}

function serializeError(error) {
  if (error instanceof Error || (error && typeof error === 'object' && 'message' in error)) {
    return { name: String(error.name || 'Error'), message: String(error.message), stack: error.stack };
  }
  return { name: 'Error', message: String(error) };
}

parentPort.on('message', async (message) => {
  const started = performance.now();
  let initMs;
  try {
    const loaded = await loadHandler();
    if (!coldStartReported) {
      coldStartReported = true;
      initMs = loaded.initMs;
    }
    // The timeout runs from here: what came before was the init phase.
    parentPort.postMessage({ id: message.id, started: true, initMs });
    initMs = undefined;
    const deadline = realDateNow() + message.timeoutMs;
    const context = {
      ...message.context,
      functionVersion: '$LATEST',
      awsRequestId: randomUUID(),
      logStreamName: 'local/' + workerData.modulePath,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - realDateNow()),
    };
    const handlerStarted = performance.now();
    const result = await callHandler(loaded.fn, JSON.parse(message.eventJson), context);
    const durationMs = performance.now() - handlerStarted;
    const resultJson = result === undefined ? 'null' : JSON.stringify(result);
    parentPort.postMessage({ id: message.id, ok: true, resultJson, durationMs, initMs });
  } catch (error) {
    const durationMs = performance.now() - started;
    parentPort.postMessage({ id: message.id, ok: false, error: serializeError(error), durationMs, initMs });
  }
});
`;
