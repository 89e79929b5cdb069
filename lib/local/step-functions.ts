/**
 * Local Step Functions service: runs resolved ASL (JSONPath) definitions with
 * aws-local-stepfunctions, adds what the library lacks (callback tokens for
 * `.waitForTaskToken`, AWS-shaped `lambda:invoke` results, AWS task timeouts enforced
 * against an injectable clock, execution bookkeeping, AWS-shaped history) and exposes
 * the Step Functions API operations the product uses (camelCase shapes like the SDK).
 */
import { randomUUID } from 'node:crypto';
import {
  ExecutionAbortedError,
  ExecutionError,
  StateMachine,
  type RunOptions,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';
import {
  HEARTBEAT_KEY,
  PARAMS_KEY,
  TIMEOUT_KEY,
  prepareDefinition,
  type PreparedDefinition,
  type TaskMeta,
} from './asl-prepare';
import { CallbackTokenRegistry, type TokenOutcome } from './callback-tokens';
import { systemClock, systemTimers, type Clock, type TimerApi } from './clock';
import { DeadlineScheduler } from './deadline-scheduler';
import { ExecutionHistory, json, type HistoryEvent, type LibraryEvent } from './execution-history';
import { SfnServiceError, UncatchableStateError, stateError } from './sfn-errors';
import { createStatesTimeoutError, primeStatesTimeoutError } from './states-timeout-error';
import { validateOnce } from './validated-definitions';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

interface StateMachineSpec {
  /** arn:aws:states:<region>:<account>:stateMachine:<Name> */
  arn: string;
  name: string;
  /** Resolved ASL (JSONPath) definition as a plain object. */
  definition: unknown;
}

/** Runs a Lambda handler locally; rejects with an Error whose `name` is the Lambda error type. */
/** `caller`: the state machine whose role invokes the function (what IAM evaluates). */
export type InvokeFunction = (
  functionNameOrArn: string,
  payload: unknown,
  caller?: { stateMachineArn: string; executionArn: string },
) => Promise<unknown>;

interface ResourceHandlerContext {
  resource: string;
  stateName: string;
  executionArn: string;
  /** The task token of this attempt (only meaningful for `.waitForTaskToken` resources). */
  taskToken: string;
}

/** Serves a Task resource other than Lambda (e.g. `arn:aws:states:::sqs:sendMessage`). */
type ResourceHandler = (parameters: unknown, ctx: ResourceHandlerContext) => Promise<unknown>;

export interface LocalStepFunctionsOptions {
  definitions: StateMachineSpec[];
  invoke: InvokeFunction;
  /** Source of "now" for dates, history timestamps and all timeouts. Default: Date.now(). */
  clock?: Clock;
  /**
   * Timers that *trigger* timeout checks when the earliest deadline is due (unref'd; re-armed
   * in chunks below 2^31-1 ms). `false`: no automatic checks – call `checkTimeouts()` yourself
   * (e.g. after advancing a manual clock). Default: global setTimeout at call time.
   */
  timers?: TimerApi | false;
  /** Handlers for non-Lambda Task resources, keyed by the exact Resource ARN. */
  resourceHandlers?: Record<string, ResourceHandler>;
  /** Validate the original definitions with the library's ASL validator. Default true. */
  validateDefinitions?: boolean;
  /** Reports internal errors (never thrown into executions). Default: console.error. */
  onInternalError?: (err: unknown) => void;
  /**
   * Told when an execution starts (`RUNNING`) and when it closes (its final status), with the
   * execution as DescribeExecution shows it at that moment (what Step Functions' status-change
   * event to EventBridge carries).
   */
  onExecutionStatus?: (event: {
    stateMachineArn: string;
    status: ExecutionStatus;
    execution: DescribeExecutionOutput;
  }) => void;
}

interface StartExecutionInput {
  stateMachineArn: string;
  name?: string;
  /** JSON text, default "{}". */
  input?: string;
  traceHeader?: string;
}
interface StartExecutionOutput {
  executionArn: string;
  startDate: Date;
}
interface SendTaskSuccessInput {
  taskToken: string;
  /** JSON text. */
  output: string;
}
interface SendTaskFailureInput {
  taskToken: string;
  error?: string;
  cause?: string;
}
interface SendTaskHeartbeatInput {
  taskToken: string;
}
interface StopExecutionInput {
  executionArn: string;
  error?: string;
  cause?: string;
}
export interface DescribeExecutionOutput {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  input: string;
  inputDetails: { included: boolean };
  output?: string;
  outputDetails?: { included: boolean };
  error?: string;
  cause?: string;
  redriveCount: number;
  redriveStatus: 'NOT_REDRIVABLE';
}
interface ListExecutionsInput {
  stateMachineArn: string;
  statusFilter?: ExecutionStatus;
  maxResults?: number;
  nextToken?: string;
}
interface ExecutionListItem {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
}
interface GetExecutionHistoryInput {
  executionArn: string;
  maxResults?: number;
  nextToken?: string;
  reverseOrder?: boolean;
  includeExecutionData?: boolean;
}
interface PendingTaskInfo {
  taskToken: string;
  executionArn: string;
  stateName: string;
  resource: string;
  parameters: unknown;
  scheduledAt: Date;
}
interface ExecutionStats {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  /** States entered + retries (what AWS bills as state transitions). */
  stateTransitions: number;
  startDate: Date;
  stopDate?: Date;
  /** stopDate - startDate by the service clock (undefined while running). */
  durationMs?: number;
}
interface LocalStepFunctionsStats {
  executions: ExecutionStats[];
  totalStateTransitions: number;
  byStatus: Record<ExecutionStatus, number>;
  pendingTasks: number;
}

export interface LocalStepFunctions {
  startExecution(input: StartExecutionInput): StartExecutionOutput;
  sendTaskSuccess(input: SendTaskSuccessInput): Record<string, never>;
  /** The execution waiting on a pending task token (what SendTask* is authorized against). */
  executionOfTaskToken(taskToken: string): string | undefined;
  sendTaskFailure(input: SendTaskFailureInput): Record<string, never>;
  sendTaskHeartbeat(input: SendTaskHeartbeatInput): Record<string, never>;
  stopExecution(input: StopExecutionInput): { stopDate: Date };
  describeExecution(input: { executionArn: string }): DescribeExecutionOutput;
  listExecutions(input: ListExecutionsInput): {
    executions: ExecutionListItem[];
    nextToken?: string;
  };
  getExecutionHistory(input: GetExecutionHistoryInput): {
    events: HistoryEvent[];
    nextToken?: string;
  };
  /** Callback tasks currently waiting for SendTaskSuccess/Failure. */
  pendingTaskCount(): number;
  pendingTasks(): PendingTaskInfo[];
  /** Resolves when the execution has finished (status + full history recorded). */
  whenExecutionDone(executionArn: string): Promise<DescribeExecutionOutput>;
  /**
   * Resolves when nothing is in flight: every RUNNING execution is parked on callback tokens
   * and no task dispatch (Lambda invocation) is running. Uses real setImmediate/setTimeout.
   */
  whenIdle(options?: { timeoutMs?: number }): Promise<void>;
  /** Fires every task/heartbeat/execution timeout that is due by the clock; returns the count. */
  checkTimeouts(): number;
  stats(): LocalStepFunctionsStats;
  /** Aborts running executions (tokens become invalid), stops timers. Never hangs. */
  close(): Promise<void>;
}

interface MachineRecord {
  arn: string;
  name: string;
  prepared: PreparedDefinition;
  library: StateMachine;
  executionArnPrefix: string;
  roleArn: string;
}

interface TaskAttempt {
  token: string;
  exec: ExecutionRecord;
  meta: TaskMeta;
  parameters: unknown;
  scheduledAt: number;
  heartbeatSeconds?: number;
  settled: boolean;
  dispatched: boolean;
  cancelTimeout?: () => void;
  cancelHeartbeat?: () => void;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface ExecutionRecord {
  seq: number;
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  canonicalInput: string;
  startDate: number;
  stopDate?: number;
  status: ExecutionStatus;
  output?: string;
  error?: string;
  cause?: string;
  history: ExecutionHistory;
  stateTransitions: number;
  attempts: Set<TaskAttempt>;
  /** Task overrides between entry and the end of their dispatch. */
  inflight: number;
  stopped: boolean;
  placeholder: string;
  abort?: () => void;
  cancelDeadline?: () => void;
  done: Promise<void>;
}

type TaskHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
type TaskHandler = TaskHandlers[string];

const STATE_MACHINE_ARN_RE = /^arn:[^:]+:states:[^:]*:[^:]*:stateMachine:[^:]+$/;
const EXECUTION_ARN_RE = /^arn:[^:]+:states:[^:]*:[^:]*:execution:[^:]+:[^:]+$/;
// AWS: 1-80 chars; no whitespace, brackets, wildcards, special or control characters.
// eslint-disable-next-line no-control-regex
const INVALID_NAME_RE = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;
const MAX_PAYLOAD_BYTES = 256 * 1024;
const STATUSES: ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function jsonClone(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function replaceDeep(value: unknown, placeholder: string, token: string): unknown {
  if (typeof value === 'string') {
    return value.includes(placeholder) ? value.split(placeholder).join(token) : value;
  }
  if (Array.isArray(value)) return value.map((v) => replaceDeep(v, placeholder, token));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = replaceDeep(v, placeholder, token);
    return out;
  }
  return value;
}

function positiveInteger(value: unknown, field: string, stateName: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new UncatchableStateError(
      'States.Runtime',
      `State ${stateName}: ${field} must resolve to a positive integer, got ${json(value)}`,
    );
  }
  return value;
}

function abortedError(): Error {
  return new UncatchableStateError('States.Aborted', 'Execution was stopped');
}

/** "arn:aws:states:::lambda:invoke.waitForTaskToken" → { resourceType: lambda, resource: invoke.waitForTaskToken } */
function resourceParts(meta: TaskMeta): { resourceType: string; resource: string } {
  const m = /^arn:[^:]+:states:::([^:]+):(.+)$/.exec(meta.resource);
  if (m) return { resourceType: m[1], resource: m[2] };
  if (meta.kind === 'lambda-arn') return { resourceType: 'lambda', resource: meta.resource };
  return { resourceType: 'custom', resource: meta.resource };
}

function lambdaInvokeResult(payload: unknown, statusCode = 200): Record<string, unknown> {
  const requestId = randomUUID();
  const headers = {
    Connection: 'keep-alive',
    'Content-Type': 'application/json',
    Date: new Date().toUTCString(),
    'X-Amz-Executed-Version': '$LATEST',
    'x-amzn-Remapped-Content-Length': '0',
    'x-amzn-RequestId': requestId,
  };
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: {
      AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
      HttpHeaders: headers,
      HttpStatusCode: statusCode,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: statusCode,
  };
}

function errorName(err: unknown): string {
  if (err instanceof Error && err.name) return err.name;
  if (isObject(err) && typeof err.name === 'string') return err.name;
  return 'Error';
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (isObject(err) && typeof err.message === 'string') return err.message;
  return String(err);
}

/** A failed Lambda invocation as AWS reports it: Error = errorType, Cause = JSON error payload. */
function lambdaTaskError(err: unknown): Error {
  const name = errorName(err);
  const trace = err instanceof Error && err.stack ? err.stack.split('\n').map((l) => l.trim()) : [];
  return stateError(
    name,
    JSON.stringify({ errorType: name, errorMessage: errorMessage(err), trace }),
  );
}

function validateJson(text: unknown, code: 'InvalidExecutionInput' | 'InvalidOutput'): unknown {
  if (typeof text !== 'string') {
    throw new SfnServiceError(
      code,
      `${code === 'InvalidOutput' ? 'Output' : 'Input'} must be a JSON string`,
    );
  }
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) {
    throw new SfnServiceError(
      code,
      `Payload exceeds the maximum size of ${MAX_PAYLOAD_BYTES} bytes`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SfnServiceError(code, `Invalid State Machine Execution Input: '${errorMessage(e)}'`);
  }
}

function encodeNextToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64');
}

function decodeNextToken(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  try {
    const o = (JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { o?: unknown }).o;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through
  }
  throw new SfnServiceError('ValidationException', 'Invalid nextToken');
}

function pageSize(maxResults: number | undefined): number {
  if (maxResults === undefined || maxResults === 0) return 100;
  if (!Number.isInteger(maxResults) || maxResults < 0 || maxResults > 1000) {
    throw new SfnServiceError('ValidationException', 'maxResults must be between 0 and 1000');
  }
  return maxResults;
}

function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new SfnServiceError(
      'ValidationException',
      `1 validation error detected: '${field}' is required`,
    );
  }
  return value;
}

/** The library's ASL validator, once per definition text (lib/local/validated-definitions.ts). */
function validateDefinition(spec: StateMachineSpec): void {
  validateOnce(JSON.stringify(spec.definition), () => {
    try {
      new StateMachine(spec.definition as StateMachineDefinition);
    } catch (e) {
      throw new Error(`State machine ${spec.name} (${spec.arn}): ${errorMessage(e)}`, { cause: e });
    }
  });
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

class LocalStepFunctionsService implements LocalStepFunctions {
  private readonly machines = new Map<string, MachineRecord>();
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly tokens = new CallbackTokenRegistry<TaskAttempt>();
  private readonly clock: Clock;
  private readonly scheduler: DeadlineScheduler;
  private readonly invoke: InvokeFunction;
  private readonly resourceHandlers: Record<string, ResourceHandler>;
  private readonly onInternalError: (err: unknown) => void;
  private readonly onExecutionStatus: NonNullable<LocalStepFunctionsOptions['onExecutionStatus']>;
  private seq = 0;
  private closed = false;

  constructor(options: LocalStepFunctionsOptions) {
    this.clock = options.clock ?? systemClock;
    this.scheduler = new DeadlineScheduler(
      this.clock,
      options.timers === undefined ? systemTimers : options.timers,
    );
    this.invoke = options.invoke;
    this.resourceHandlers = { ...options.resourceHandlers };
    this.onInternalError = options.onInternalError ?? ((err) => console.error('[local-sfn]', err));
    this.onExecutionStatus = options.onExecutionStatus ?? (() => undefined);
    for (const spec of options.definitions)
      this.addMachine(spec, options.validateDefinitions ?? true);
    // Capture the library's StatesTimeoutError class (see states-timeout-error.ts).
    void primeStatesTimeoutError();
  }

  private addMachine(spec: StateMachineSpec, validate: boolean): void {
    if (!STATE_MACHINE_ARN_RE.test(spec.arn)) {
      throw new Error(`Invalid state machine ARN: ${spec.arn}`);
    }
    if (this.machines.has(spec.arn)) throw new Error(`Duplicate state machine ${spec.arn}`);
    if (validate) validateDefinition(spec);
    let prepared: PreparedDefinition;
    try {
      prepared = prepareDefinition(spec.definition, (r) => r in this.resourceHandlers);
    } catch (e) {
      throw new Error(`State machine ${spec.name} (${spec.arn}): ${errorMessage(e)}`, { cause: e });
    }
    const library = new StateMachine(prepared.definition as unknown as StateMachineDefinition, {
      validationOptions: { noValidate: true },
    });
    const [, partition, , region, account] = spec.arn.split(':');
    this.machines.set(spec.arn, {
      arn: spec.arn,
      name: spec.name,
      prepared,
      library,
      executionArnPrefix: `${spec.arn.replace(':stateMachine:', ':execution:')}:`,
      roleArn: `arn:${partition}:iam::${account}:role/local-${region}-${spec.name}`,
    });
  }

  // ---------------------------------------------------------------- executions

  startExecution(req: StartExecutionInput): StartExecutionOutput {
    if (this.closed) throw new SfnServiceError('ServiceUnavailable', 'Service is closed', 503);
    const stateMachineArn = requireString(req?.stateMachineArn, 'stateMachineArn');
    const machine = this.getMachine(stateMachineArn);
    const name = req.name ?? randomUUID();
    if (
      typeof name !== 'string' ||
      name.length < 1 ||
      name.length > 80 ||
      INVALID_NAME_RE.test(name)
    ) {
      throw new SfnServiceError('InvalidName', `Invalid Name: '${String(name)}'`);
    }
    const input = req.input ?? '{}';
    const inputValue = validateJson(input, 'InvalidExecutionInput');
    const canonicalInput = JSON.stringify(inputValue);
    const executionArn = machine.executionArnPrefix + name;
    const existing = this.executions.get(executionArn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.canonicalInput === canonicalInput) {
        return { executionArn, startDate: new Date(existing.startDate) };
      }
      throw new SfnServiceError(
        'ExecutionAlreadyExists',
        `Execution Already Exists: '${executionArn}'`,
      );
    }

    const done = Promise.withResolvers<void>();
    const exec: ExecutionRecord = {
      seq: ++this.seq,
      executionArn,
      stateMachineArn,
      name,
      input,
      canonicalInput,
      startDate: this.clock.now(),
      status: 'RUNNING',
      history: new ExecutionHistory(this.clock),
      stateTransitions: 0,
      attempts: new Set(),
      inflight: 0,
      stopped: false,
      placeholder: `__LOCAL_SFN_TASK_TOKEN_${randomUUID()}__`,
      done: done.promise,
    };
    this.executions.set(executionArn, exec);
    this.onExecutionStatus({ stateMachineArn, status: 'RUNNING', execution: this.describe(exec) });
    exec.history.add('ExecutionStarted', {
      executionStartedEventDetails: {
        input,
        inputDetails: { truncated: false },
        roleArn: machine.roleArn,
      },
    });
    const timeoutSeconds = machine.prepared.timeoutSeconds;
    if (timeoutSeconds !== undefined) {
      exec.cancelDeadline = this.scheduler.add(exec.startDate + timeoutSeconds * 1000, () =>
        this.terminate(
          exec,
          'TIMED_OUT',
          'States.Timeout',
          `Execution timed out after ${timeoutSeconds} seconds`,
        ),
      );
    }

    const handlers: TaskHandlers = {};
    for (const meta of machine.prepared.tasks.values()) {
      handlers[meta.stateName] = ((parameters: unknown) =>
        this.executeTask(exec, meta, parameters)) as TaskHandler;
    }
    const run = onBusinessClock(exec.startDate, () =>
      machine.library.run(inputValue as never, {
        overrides: { taskResourceLocalHandlers: handlers },
        context: {
          Execution: {
            Id: executionArn,
            Name: name,
            RoleArn: machine.roleArn,
            StartTime: new Date(exec.startDate).toISOString(),
          },
          StateMachine: { Id: machine.arn, Name: machine.name },
          Task: { Token: exec.placeholder },
        },
      }),
    );
    exec.abort = run.abort;
    const consumed = this.consumeEvents(exec, run.eventLogs as AsyncGenerator<LibraryEvent>);
    const settled = run.result.then(
      (output) => this.finish(exec, 'SUCCEEDED', { output: json(output) }),
      (err: unknown) => {
        if (err instanceof ExecutionAbortedError) return; // status set by terminate()
        if (err instanceof ExecutionError && err.cause !== undefined) {
          this.finish(exec, 'FAILED', {
            error: errorName(err.cause),
            cause: errorMessage(err.cause),
          });
        } else {
          this.finish(exec, 'FAILED', { error: 'States.Runtime', cause: errorMessage(err) });
        }
      },
    );
    Promise.all([consumed, settled]).then(
      () => done.resolve(),
      () => done.resolve(),
    );
    return { executionArn, startDate: new Date(exec.startDate) };
  }

  private finish(
    exec: ExecutionRecord,
    status: ExecutionStatus,
    fields: { output?: string; error?: string; cause?: string },
  ): void {
    if (exec.status !== 'RUNNING') return;
    exec.status = status;
    exec.stopDate = this.clock.now();
    Object.assign(exec, fields);
    this.cleanup(exec);
    this.onExecutionStatus({
      stateMachineArn: exec.stateMachineArn,
      status,
      execution: this.describe(exec),
    });
  }

  /** Stop (ABORTED) or execution timeout (TIMED_OUT). */
  private terminate(
    exec: ExecutionRecord,
    status: ExecutionStatus,
    error?: string,
    cause?: string,
  ): void {
    if (exec.status !== 'RUNNING') return;
    exec.status = status;
    exec.stopDate = this.clock.now();
    exec.error = error;
    exec.cause = cause;
    // Abort the library first: it records ExecutionAborted and closes its event log, so the
    // rejections below do not produce further events.
    exec.abort?.();
    this.cleanup(exec);
    this.onExecutionStatus({
      stateMachineArn: exec.stateMachineArn,
      status,
      execution: this.describe(exec),
    });
  }

  /** Invalidates every token of the execution and releases its timers. */
  private cleanup(exec: ExecutionRecord): void {
    exec.stopped = true;
    exec.cancelDeadline?.();
    for (const attempt of [...exec.attempts]) this.settle(attempt, 'stopped', abortedError());
  }

  private async consumeEvents(
    exec: ExecutionRecord,
    logs: AsyncGenerator<LibraryEvent>,
  ): Promise<void> {
    try {
      for await (const event of logs) {
        switch (event.type) {
          case 'ExecutionStarted':
            break; // recorded synchronously by startExecution
          case 'ExecutionSucceeded':
            exec.history.add('ExecutionSucceeded', {
              executionSucceededEventDetails: {
                output: json(event.output),
                outputDetails: { truncated: false },
              },
            });
            break;
          case 'ExecutionFailed':
            exec.history.addExecutionFailed(event.Error ?? 'States.Runtime', event.Cause);
            break;
          case 'ExecutionAborted':
          case 'ExecutionTimeout':
            if (exec.status === 'TIMED_OUT') {
              exec.history.add('ExecutionTimedOut', {
                executionTimedOutEventDetails: { error: exec.error, cause: exec.cause },
              });
            } else {
              exec.history.add('ExecutionAborted', {
                executionAbortedEventDetails: { error: exec.error, cause: exec.cause },
              });
            }
            break;
          default:
            exec.stateTransitions += exec.history.addLibraryEvent(event);
        }
      }
    } catch (err) {
      this.onInternalError(err);
    }
  }

  // ---------------------------------------------------------------- tasks

  /** The `taskResourceLocalHandlers` override of every Task state. */
  private async executeTask(
    exec: ExecutionRecord,
    meta: TaskMeta,
    evaluated: unknown,
  ): Promise<unknown> {
    if (exec.stopped) throw abortedError();
    exec.inflight++;
    let released = false;
    const release = () => {
      if (!released) {
        released = true;
        exec.inflight--;
      }
    };
    try {
      // The library delivers its event log asynchronously (microtasks); let it catch up so
      // TaskScheduled lands after TaskStateEntered in the history.
      await yieldToEventLoop();
      if (exec.stopped) throw abortedError();

      let parameters = evaluated;
      let timeoutSeconds = meta.timeoutSeconds;
      let heartbeatSeconds = meta.heartbeatSeconds;
      if (meta.wrapped && isObject(evaluated)) {
        parameters = evaluated[PARAMS_KEY];
        if (TIMEOUT_KEY in evaluated) {
          timeoutSeconds = positiveInteger(
            evaluated[TIMEOUT_KEY],
            'TimeoutSecondsPath',
            meta.stateName,
          );
        }
        if (HEARTBEAT_KEY in evaluated) {
          heartbeatSeconds = positiveInteger(
            evaluated[HEARTBEAT_KEY],
            'HeartbeatSecondsPath',
            meta.stateName,
          );
        }
      }
      const token = this.tokens.issue();
      parameters = replaceDeep(parameters, exec.placeholder, token);

      const parts = resourceParts(meta);
      exec.history.add('TaskScheduled', {
        taskScheduledEventDetails: {
          ...parts,
          region: meta.resource.split(':')[3] || exec.stateMachineArn.split(':')[3],
          parameters: json(parameters),
          ...(timeoutSeconds !== undefined ? { timeoutInSeconds: timeoutSeconds } : {}),
          ...(heartbeatSeconds !== undefined && meta.callback
            ? { heartbeatInSeconds: heartbeatSeconds }
            : {}),
        },
      });
      exec.history.add('TaskStarted', { taskStartedEventDetails: parts });

      const { promise, resolve, reject } = Promise.withResolvers<unknown>();
      const attempt: TaskAttempt = {
        token,
        exec,
        meta,
        parameters,
        scheduledAt: this.clock.now(),
        heartbeatSeconds: meta.callback ? heartbeatSeconds : undefined,
        settled: false,
        dispatched: false,
        resolve,
        reject,
      };
      exec.attempts.add(attempt);
      if (meta.callback) this.tokens.register(token, attempt);
      if (timeoutSeconds !== undefined) {
        attempt.cancelTimeout = this.scheduler.add(
          attempt.scheduledAt + timeoutSeconds * 1000,
          () =>
            this.timeOut(
              attempt,
              'States.Timeout',
              `Task timed out after ${timeoutSeconds} seconds`,
            ),
        );
      }
      this.armHeartbeat(attempt);

      let dispatch: Promise<unknown>;
      try {
        dispatch = Promise.resolve(this.dispatch(exec, meta, parameters, token));
      } catch (e) {
        dispatch = Promise.reject(e);
      }
      dispatch.then(
        (result) => {
          attempt.dispatched = true;
          release();
          if (attempt.settled) return;
          if (meta.callback) {
            exec.history.add('TaskSubmitted', {
              taskSubmittedEventDetails: {
                ...parts,
                output: json(result),
                outputDetails: { truncated: false },
              },
            });
            return;
          }
          this.succeed(attempt, result);
        },
        (err: unknown) => {
          attempt.dispatched = true;
          release();
          if (attempt.settled) return;
          const error =
            meta.kind === 'custom'
              ? stateError(errorName(err), errorMessage(err))
              : lambdaTaskError(err);
          this.fail(attempt, error);
        },
      );
      return await promise;
    } finally {
      release();
    }
  }

  /** Starts the work of a task attempt; resolves with the task result (non-callback tasks). */
  private async dispatch(
    exec: ExecutionRecord,
    meta: TaskMeta,
    parameters: unknown,
    token: string,
  ): Promise<unknown> {
    if (meta.kind === 'custom') {
      const handler = this.resourceHandlers[meta.resource];
      return handler(parameters, {
        resource: meta.resource,
        stateName: meta.stateName,
        executionArn: exec.executionArn,
        taskToken: token,
      });
    }
    if (meta.kind === 'lambda-arn') {
      return jsonClone(await this.invoke(meta.resource, parameters, this.callerOf(exec)));
    }
    // arn:aws:states:::lambda:invoke[.waitForTaskToken]
    const params = isObject(parameters) ? parameters : {};
    const functionName = params.FunctionName;
    if (typeof functionName !== 'string' || functionName === '') {
      throw stateError('Lambda.InvalidParameterValueException', 'FunctionName is required');
    }
    const qualified =
      typeof params.Qualifier === 'string' && params.Qualifier !== ''
        ? `${functionName}:${params.Qualifier}`
        : functionName;
    const payload = 'Payload' in params ? params.Payload : {};
    if (params.InvocationType === 'Event' && !meta.callback) {
      this.invoke(qualified, payload, this.callerOf(exec)).catch((err: unknown) =>
        this.onInternalError(err),
      );
      return lambdaInvokeResult('', 202);
    }
    return lambdaInvokeResult(
      jsonClone(await this.invoke(qualified, payload, this.callerOf(exec))),
    );
  }

  private settle(
    attempt: TaskAttempt,
    outcome: TokenOutcome,
    result: Error | { value: unknown },
  ): boolean {
    if (attempt.settled) return false;
    attempt.settled = true;
    attempt.cancelTimeout?.();
    attempt.cancelHeartbeat?.();
    attempt.exec.attempts.delete(attempt);
    this.tokens.close(attempt.token, outcome);
    if (result instanceof Error) attempt.reject(result);
    else attempt.resolve(result.value);
    return true;
  }

  private succeed(attempt: TaskAttempt, value: unknown): void {
    if (attempt.settled) return;
    attempt.exec.history.add('TaskSucceeded', {
      taskSucceededEventDetails: {
        ...resourceParts(attempt.meta),
        output: json(value),
        outputDetails: { truncated: false },
      },
    });
    this.settle(attempt, 'succeeded', { value });
  }

  private fail(attempt: TaskAttempt, error: Error): void {
    if (attempt.settled) return;
    attempt.exec.history.add('TaskFailed', {
      taskFailedEventDetails: {
        ...resourceParts(attempt.meta),
        error: error.name,
        cause: error.message,
      },
    });
    this.settle(attempt, 'failed', error);
  }

  private timeOut(attempt: TaskAttempt, errorName: string, cause: string): void {
    if (attempt.settled) return;
    attempt.exec.history.add('TaskTimedOut', {
      taskTimedOutEventDetails: { ...resourceParts(attempt.meta), error: errorName, cause },
    });
    const error =
      errorName === 'States.Timeout'
        ? createStatesTimeoutError(cause)
        : stateError(errorName, cause);
    this.settle(attempt, 'timedOut', error);
  }

  private armHeartbeat(attempt: TaskAttempt): void {
    const seconds = attempt.heartbeatSeconds;
    if (seconds === undefined) return;
    attempt.cancelHeartbeat?.();
    attempt.cancelHeartbeat = this.scheduler.add(this.clock.now() + seconds * 1000, () =>
      this.timeOut(
        attempt,
        'States.HeartbeatTimeout',
        `No heartbeat received for ${seconds} seconds`,
      ),
    );
  }

  private callerOf(exec: ExecutionRecord) {
    return { stateMachineArn: exec.stateMachineArn, executionArn: exec.executionArn };
  }

  executionOfTaskToken(taskToken: string): string | undefined {
    if (this.tokens.outcomeOf(taskToken) !== 'pending') return undefined;
    return this.tokens.lookup(taskToken).exec.executionArn;
  }

  sendTaskSuccess(req: SendTaskSuccessInput): Record<string, never> {
    const attempt = this.tokens.lookup(req?.taskToken);
    if (req.output === undefined) {
      throw new SfnServiceError(
        'ValidationException',
        "1 validation error detected: 'output' is required",
      );
    }
    const value = validateJson(req.output, 'InvalidOutput');
    this.succeed(attempt, value);
    return {};
  }

  sendTaskFailure(req: SendTaskFailureInput): Record<string, never> {
    const attempt = this.tokens.lookup(req?.taskToken);
    this.fail(attempt, stateError(req.error ?? 'States.TaskFailed', req.cause ?? ''));
    return {};
  }

  sendTaskHeartbeat(req: SendTaskHeartbeatInput): Record<string, never> {
    const attempt = this.tokens.lookup(req?.taskToken);
    this.armHeartbeat(attempt);
    return {};
  }

  pendingTaskCount(): number {
    return this.tokens.size;
  }

  pendingTasks(): PendingTaskInfo[] {
    return [...this.tokens.values()].map((a) => ({
      taskToken: a.token,
      executionArn: a.exec.executionArn,
      stateName: a.meta.stateName,
      resource: a.meta.resource,
      parameters: a.parameters,
      scheduledAt: new Date(a.scheduledAt),
    }));
  }

  checkTimeouts(): number {
    return this.scheduler.check();
  }

  // ---------------------------------------------------------------- queries

  stopExecution(req: StopExecutionInput): { stopDate: Date } {
    const exec = this.getExecution(req?.executionArn);
    this.terminate(exec, 'ABORTED', req.error, req.cause);
    return { stopDate: new Date(exec.stopDate ?? this.clock.now()) };
  }

  describeExecution(req: { executionArn: string }): DescribeExecutionOutput {
    return this.describe(this.getExecution(req?.executionArn));
  }

  private describe(exec: ExecutionRecord): DescribeExecutionOutput {
    const out: DescribeExecutionOutput = {
      executionArn: exec.executionArn,
      stateMachineArn: exec.stateMachineArn,
      name: exec.name,
      status: exec.status,
      startDate: new Date(exec.startDate),
      input: exec.input,
      inputDetails: { included: true },
      redriveCount: 0,
      redriveStatus: 'NOT_REDRIVABLE',
    };
    if (exec.stopDate !== undefined) out.stopDate = new Date(exec.stopDate);
    if (exec.output !== undefined) {
      out.output = exec.output;
      out.outputDetails = { included: true };
    }
    if (exec.error !== undefined) out.error = exec.error;
    if (exec.cause !== undefined) out.cause = exec.cause;
    return out;
  }

  listExecutions(req: ListExecutionsInput): {
    executions: ExecutionListItem[];
    nextToken?: string;
  } {
    const stateMachineArn = requireString(req?.stateMachineArn, 'stateMachineArn');
    this.getMachine(stateMachineArn);
    if (req.statusFilter !== undefined && !STATUSES.includes(req.statusFilter)) {
      throw new SfnServiceError(
        'ValidationException',
        `Invalid statusFilter: ${String(req.statusFilter)}`,
      );
    }
    const all = [...this.executions.values()]
      .filter((e) => e.stateMachineArn === stateMachineArn)
      .filter((e) => req.statusFilter === undefined || e.status === req.statusFilter)
      .sort((a, b) => b.startDate - a.startDate || b.seq - a.seq);
    const offset = decodeNextToken(req.nextToken);
    const size = pageSize(req.maxResults);
    const page = all.slice(offset, offset + size).map((e) => {
      const item: ExecutionListItem = {
        executionArn: e.executionArn,
        stateMachineArn: e.stateMachineArn,
        name: e.name,
        status: e.status,
        startDate: new Date(e.startDate),
      };
      if (e.stopDate !== undefined) item.stopDate = new Date(e.stopDate);
      return item;
    });
    const next = offset + size < all.length ? encodeNextToken(offset + size) : undefined;
    return next ? { executions: page, nextToken: next } : { executions: page };
  }

  getExecutionHistory(req: GetExecutionHistoryInput): {
    events: HistoryEvent[];
    nextToken?: string;
  } {
    const exec = this.getExecution(req?.executionArn);
    let events = exec.history.events.map((e) => ({ ...e }));
    if (req.includeExecutionData === false) events = events.map(stripExecutionData);
    if (req.reverseOrder) events.reverse();
    const offset = decodeNextToken(req.nextToken);
    const size = pageSize(req.maxResults);
    const page = events.slice(offset, offset + size);
    const next = offset + size < events.length ? encodeNextToken(offset + size) : undefined;
    return next ? { events: page, nextToken: next } : { events: page };
  }

  whenExecutionDone(executionArn: string): Promise<DescribeExecutionOutput> {
    const exec = this.getExecution(executionArn);
    return exec.done.then(() => this.describe(exec));
  }

  async whenIdle(options?: { timeoutMs?: number }): Promise<void> {
    const timeoutMs = options?.timeoutMs ?? 10_000;
    let waited = 0;
    let stable = 0;
    for (let i = 0; ; i++) {
      if (i < 50) {
        await yieldToEventLoop();
      } else {
        await new Promise((resolve) => setTimeout(resolve, 2));
        waited += 2;
      }
      if (this.isQuiescent()) {
        if (++stable >= 2) return;
      } else {
        stable = 0;
      }
      if (waited > timeoutMs) throw new Error(`whenIdle: still busy after ${timeoutMs} ms`);
    }
  }

  private isQuiescent(): boolean {
    for (const exec of this.executions.values()) {
      if (exec.status !== 'RUNNING') continue;
      if (exec.inflight > 0 || exec.attempts.size === 0) return false;
    }
    return true;
  }

  stats(): LocalStepFunctionsStats {
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<
      ExecutionStatus,
      number
    >;
    let total = 0;
    const executions = [...this.executions.values()].map((e) => {
      byStatus[e.status]++;
      total += e.stateTransitions;
      const s: ExecutionStats = {
        executionArn: e.executionArn,
        stateMachineArn: e.stateMachineArn,
        name: e.name,
        status: e.status,
        stateTransitions: e.stateTransitions,
        startDate: new Date(e.startDate),
      };
      if (e.stopDate !== undefined) {
        s.stopDate = new Date(e.stopDate);
        s.durationMs = e.stopDate - e.startDate;
      }
      return s;
    });
    return { executions, totalStateTransitions: total, byStatus, pendingTasks: this.tokens.size };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const running = [...this.executions.values()].filter((e) => e.status === 'RUNNING');
    for (const exec of running) {
      this.terminate(exec, 'ABORTED', 'States.Aborted', 'Local Step Functions service closed');
    }
    this.scheduler.close();
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled(running.map((e) => e.done)),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, 1000);
        timer.unref?.();
      }),
    ]);
    if (timer) clearTimeout(timer);
  }

  // ---------------------------------------------------------------- lookups

  private getMachine(arn: string): MachineRecord {
    const machine = this.machines.get(arn);
    if (machine) return machine;
    if (!STATE_MACHINE_ARN_RE.test(arn))
      throw new SfnServiceError('InvalidArn', `Invalid Arn: '${arn}'`);
    throw new SfnServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  }

  private getExecution(arn: unknown): ExecutionRecord {
    const executionArn = requireString(arn, 'executionArn');
    const exec = this.executions.get(executionArn);
    if (exec) return exec;
    if (!EXECUTION_ARN_RE.test(executionArn)) {
      throw new SfnServiceError('InvalidArn', `Invalid Arn: '${executionArn}'`);
    }
    throw new SfnServiceError(
      'ExecutionDoesNotExist',
      `Execution Does Not Exist: '${executionArn}'`,
    );
  }
}

function stripExecutionData(event: HistoryEvent): HistoryEvent {
  const out: HistoryEvent = { ...event };
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventDetails') && isObject(value)) {
      const details = { ...value };
      for (const field of ['input', 'output', 'parameters']) {
        if (field in details) {
          delete details[field];
        }
      }
      out[key] = details;
    }
  }
  return out;
}

export function createLocalStepFunctions(options: LocalStepFunctionsOptions): LocalStepFunctions {
  return new LocalStepFunctionsService(options);
}

/**
 * aws-local-stepfunctions stamps `$$.Execution.StartTime` with `new Date()` when a run begins,
 * over the context it is given. The business clock must win: a workflow that compares its own
 * start with the (shifted) clock of the Lambda workers would otherwise find itself a year old
 * after `POST /local/clock` and renew itself forever. The stamp is taken synchronously inside
 * `run()`, so `Date` reads the business clock for that call only.
 */
function onBusinessClock<T>(now: number, run: () => T): T {
  const RealDate = globalThis.Date;
  class BusinessDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now);
      else super(...(args as [number]));
    }
    static now(): number {
      return now;
    }
  }
  globalThis.Date = BusinessDate as DateConstructor;
  try {
    return run();
  } finally {
    globalThis.Date = RealDate;
  }
}
