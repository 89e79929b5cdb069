/**
 * Builds the runtime's *private* copy of a state machine definition for
 * aws-local-stepfunctions and collects per-Task metadata.
 *
 * - Every Task gets `TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS` (the library defaults to 60 s,
 *   AWS has no default; its timers are real setTimeouts, which fire at once above 2^31-1 ms).
 *   The real TimeoutSeconds / TimeoutSecondsPath / HeartbeatSeconds(Path) are enforced by the
 *   service against its clock.
 * - `TimeoutSecondsPath` / `HeartbeatSecondsPath` are evaluated against the state's effective
 *   input by wrapping the Parameters: `{ [PARAMS_KEY]: <Parameters or "$">,
 *   [TIMEOUT_KEY].$: <path>, [HEARTBEAT_KEY].$: <path> }`; the Task override unwraps them.
 * - The top-level `TimeoutSeconds` is removed (enforced by the service, same reasons).
 */

export const LIBRARY_TASK_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);
export const PARAMS_KEY = '__localSfnParameters';
export const TIMEOUT_KEY = '__localSfnTimeoutSeconds';
export const HEARTBEAT_KEY = '__localSfnHeartbeatSeconds';

type TaskKind =
  /** arn:aws:states:::lambda:invoke (result wrapped like AWS: {Payload, StatusCode, ...}) */
  | 'lambda-invoke'
  /** arn:aws:lambda:<region>:<account>:function:<name> (legacy: result = handler output) */
  | 'lambda-arn'
  /** any other resource, served by a caller-supplied resource handler */
  | 'custom';

export interface TaskMeta {
  stateName: string;
  resource: string;
  kind: TaskKind;
  /** resource ends with .waitForTaskToken */
  callback: boolean;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  /** Parameters were wrapped to carry TimeoutSecondsPath / HeartbeatSecondsPath values. */
  wrapped: boolean;
}

export interface PreparedDefinition {
  /** Private, rewritten copy handed to aws-local-stepfunctions. */
  definition: Record<string, unknown>;
  /** Task metadata by state name (names are unique across nested Map/Parallel). */
  tasks: Map<string, TaskMeta>;
  /** Top-level TimeoutSeconds of the original definition, if any. */
  timeoutSeconds?: number;
}

const LAMBDA_INVOKE_RE = /^arn:[^:]+:states:::lambda:invoke(\.waitForTaskToken)?$/;
const LAMBDA_ARN_RE = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:]+(:[^:]+)?$/;
const CALLBACK_SUFFIX = '.waitForTaskToken';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function classifyResource(
  resource: string,
  hasCustomHandler: (resource: string) => boolean,
): TaskKind | undefined {
  if (LAMBDA_INVOKE_RE.test(resource)) return 'lambda-invoke';
  if (LAMBDA_ARN_RE.test(resource)) return 'lambda-arn';
  if (hasCustomHandler(resource)) return 'custom';
  return undefined;
}

export function prepareDefinition(
  original: unknown,
  hasCustomHandler: (resource: string) => boolean = () => false,
): PreparedDefinition {
  if (!isObject(original) || !isObject(original.States) || typeof original.StartAt !== 'string') {
    throw new Error('State machine definition must be an object with StartAt and States');
  }
  // JSON round trip, not structuredClone: the library recognises nested templates only when
  // they are plain objects of *its* realm (Object.getPrototypeOf(v) === Object.prototype),
  // and structuredClone creates objects of the main realm (differs under jest's vm).
  const definition = JSON.parse(JSON.stringify(original)) as Json;
  const tasks = new Map<string, TaskMeta>();
  const timeoutSeconds =
    typeof definition.TimeoutSeconds === 'number' ? definition.TimeoutSeconds : undefined;
  delete definition.TimeoutSeconds;
  rewriteMachine(definition, tasks, hasCustomHandler, '');
  return { definition, tasks, timeoutSeconds };
}

function rewriteMachine(
  machine: Json,
  tasks: Map<string, TaskMeta>,
  hasCustomHandler: (resource: string) => boolean,
  where: string,
): void {
  if (machine.QueryLanguage === 'JSONata') {
    throw new Error(`${where || 'State machine'}: JSONata is not supported by the local runtime`);
  }
  const states = machine.States;
  if (!isObject(states)) throw new Error(`${where || 'State machine'}: States missing`);
  for (const [name, state] of Object.entries(states)) {
    if (!isObject(state)) continue;
    if (state.QueryLanguage === 'JSONata') {
      throw new Error(`State ${name}: JSONata is not supported by the local runtime`);
    }
    if (state.Type === 'Task') {
      if (tasks.has(name)) throw new Error(`Duplicate Task state name ${name}`);
      tasks.set(name, rewriteTask(name, state, hasCustomHandler));
    } else if (state.Type === 'Map') {
      const processor = state.ItemProcessor ?? state.Iterator;
      if (isObject(processor)) rewriteMachine(processor, tasks, hasCustomHandler, `Map ${name}`);
    } else if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
      for (const branch of state.Branches) {
        if (isObject(branch)) rewriteMachine(branch, tasks, hasCustomHandler, `Parallel ${name}`);
      }
    }
  }
}

function rewriteTask(
  name: string,
  state: Json,
  hasCustomHandler: (resource: string) => boolean,
): TaskMeta {
  const resource = String(state.Resource ?? '');
  const kind = classifyResource(resource, hasCustomHandler);
  if (!kind) {
    throw new Error(
      `Task ${name}: resource ${resource} is not supported locally (supported: lambda:invoke, ` +
        'lambda:invoke.waitForTaskToken, Lambda function ARNs, or a resourceHandlers entry)',
    );
  }
  const meta: TaskMeta = {
    stateName: name,
    resource,
    kind,
    callback: resource.endsWith(CALLBACK_SUFFIX),
    timeoutSeconds: typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : undefined,
    heartbeatSeconds:
      typeof state.HeartbeatSeconds === 'number' ? state.HeartbeatSeconds : undefined,
    wrapped: false,
  };
  const timeoutPath = typeof state.TimeoutSecondsPath === 'string' ? state.TimeoutSecondsPath : '';
  const heartbeatPath =
    typeof state.HeartbeatSecondsPath === 'string' ? state.HeartbeatSecondsPath : '';
  delete state.TimeoutSecondsPath;
  delete state.HeartbeatSeconds;
  delete state.HeartbeatSecondsPath;
  state.TimeoutSeconds = LIBRARY_TASK_TIMEOUT_SECONDS;
  if (timeoutPath || heartbeatPath) {
    const wrapped: Json = {};
    if ('Parameters' in state) wrapped[PARAMS_KEY] = state.Parameters;
    else wrapped[`${PARAMS_KEY}.$`] = '$';
    if (timeoutPath) wrapped[`${TIMEOUT_KEY}.$`] = timeoutPath;
    if (heartbeatPath) wrapped[`${HEARTBEAT_KEY}.$`] = heartbeatPath;
    state.Parameters = wrapped;
    meta.wrapped = true;
  }
  return meta;
}
