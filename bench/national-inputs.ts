/**
 * What the national bill (bench/national-bill.ts) needs besides the walk's own counts, measured on
 * the walk's runtime:
 * - one deadline wake-up: candidates parked at a stage without a deadline, the clock moved by the
 *   wait cap (MAX_WAIT_SECONDS), and what the wake cost (transitions, invocations, GB-seconds,
 *   request units, publishes) divided by the candidates woken;
 * - log bytes per invocation, API request and state transition: what the functions printed and
 *   the API access log wrote during the walk (as CloudWatch Logs bills them), and the state
 *   machines' execution log (level ALL with execution data) sized from the execution history;
 * - the stack's fixed resources, counted in the synthesized template.
 */
import { randomUUID } from 'node:crypto';
import { createAdmissionClient } from '../client/api-client';
import { MAX_WAIT_SECONDS } from '../functions/domain/deadline-watch';
import { type LocalRuntime } from '../lib/local/runtime';
import type { MeasuredUsage } from './cost-model';
import { listResources, loadStackTemplate } from '../lib/local/template';
import { nominationFor, sleep } from '../test/e2e/reliability/support';

/** One wake-up of a waiting candidate, per candidate woken. */
export type WakeUpCost = Omit<MeasuredUsage, 'admitted' | 'apiRequests'> & {
  candidates: number;
  /** Log bytes the wake-up wrote (the functions' lines and the execution log). */
  logBytes: number;
};

/**
 * Log bytes ingested per unit of work, so a run with failures or a different mix still prices
 * what a walk logs: per Lambda invocation (what the functions print), per API request (the access
 * log) and per state transition (the execution log).
 */
export interface LogBytes {
  perInvocation: number;
  perApiRequest: number;
  perStateTransition: number;
}

/** Resources billed by the month whatever the traffic (from the synthesized template). */
export interface StackResources {
  alarms: number;
  dashboards: number;
  kmsKeys: number;
  secrets: number;
  metricFilters: number;
  userPools: number;
}

/** A log event of Step Functions carries the execution ARN and its own fields besides the history event. */
const STATE_MACHINE_LOG_OVERHEAD_BYTES = 160;

const STATE_MACHINES = '(state machines)';

/** The log bytes so far: per function and log group, and the state machines' execution log. */
export function logBytesBefore(runtime: LocalRuntime): Record<string, number> {
  return { ...runtime.metrics.logBytes(), [STATE_MACHINES]: stateMachineLogBytes(runtime) };
}

/** Step Functions logs every history event (level ALL, with execution data): their JSON, sized. */
function stateMachineLogBytes(runtime: LocalRuntime): number {
  let bytes = 0;
  for (const execution of runtime.stepFunctions.stats().executions) {
    let nextToken: string | undefined;
    do {
      const page = runtime.stepFunctions.getExecutionHistory({
        executionArn: execution.executionArn,
        maxResults: 1000,
        ...(nextToken ? { nextToken } : {}),
      });
      for (const event of page.events) {
        bytes += Buffer.byteLength(JSON.stringify(event)) + STATE_MACHINE_LOG_OVERHEAD_BYTES;
      }
      nextToken = page.nextToken;
    } while (nextToken);
  }
  return bytes;
}

/** Log bytes written since `before`, per unit of the work the run did (`usage`). */
export function measureLogBytes(
  runtime: LocalRuntime,
  before: Record<string, number>,
  usage: Pick<MeasuredUsage, 'lambdaInvocations' | 'apiRequests' | 'stateTransitions'>,
  accessLogGroup = (group: string) => group.startsWith('ApiAccessLogs'),
): LogBytes {
  const after = logBytesBefore(runtime);
  let functions = 0;
  let apiAccess = 0;
  for (const [group, bytes] of Object.entries(after)) {
    if (group === STATE_MACHINES) continue;
    const added = bytes - (before[group] ?? 0);
    if (accessLogGroup(group)) apiAccess += added;
    else functions += added;
  }
  const stateMachines = after[STATE_MACHINES] - (before[STATE_MACHINES] ?? 0);
  const per = (bytes: number, units: number) => bytes / Math.max(1, units);
  return {
    perInvocation: per(functions, usage.lambdaInvocations),
    perApiRequest: per(apiAccess, usage.apiRequests),
    perStateTransition: per(stateMachines, usage.stateTransitions),
  };
}

export function countStackResources(cdkOut: string): StackResources {
  const { template } = loadStackTemplate(cdkOut);
  const count = (type: string) => listResources(template, type).length;
  return {
    alarms: count('AWS::CloudWatch::Alarm'),
    dashboards: count('AWS::CloudWatch::Dashboard'),
    kmsKeys: count('AWS::KMS::Key'),
    secrets: count('AWS::SecretsManager::Secret'),
    metricFilters: count('AWS::Logs::MetricFilter'),
    userPools: count('AWS::Cognito::UserPool'),
  };
}

/**
 * Parks `candidates` at NOMINATED (a stage without a deadline: its watch only waits), moves the
 * clock by the wait cap and counts what the one wake-up each cost. Moves the runtime's clock:
 * run it last on a runtime.
 */
export async function measureWakeUp(runtime: LocalRuntime, candidates = 20): Promise<WakeUpCost> {
  const token = runtime.issueToken({
    sub: randomUUID(),
    name: 'Bench wake-up',
    groups: ['cell-officer'],
    unitId: 'dd-kdn',
  });
  const client = createAdmissionClient({ baseUrl: runtime.url, token });
  const ids: string[] = [];
  for (let i = 0; i < candidates; i++) {
    const { data, response } = await client.POST('/candidates', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: nominationFor(`Ứng viên chờ ${i} ${randomUUID().slice(0, 8)}`) as never,
    });
    if (response.status !== 201) throw new Error(`nominate: ${response.status}`);
    ids.push((data as { id: string }).id);
  }
  for (const id of ids) {
    for (let attempt = 0; ; attempt++) {
      const { data } = await client.GET('/candidates/{id}', { params: { path: { id } } });
      const body = data as { stage: string; status?: string } | undefined;
      if (body?.stage === 'NOMINATED' && body.status !== 'PROCESSING') break;
      if (attempt > 400) throw new Error(`${id} never parked`);
      await sleep(25);
    }
  }
  await runtime.stepFunctions.whenIdle({ timeoutMs: 60_000 });

  const transitions = () => runtime.stepFunctions.stats().totalStateTransitions;
  // The state machines' functions only: a job the clock move fires (a digest) is not a wake-up.
  const workflowFunctions = () =>
    Object.values(runtime.functions.stats()).filter((f) => f.logicalId.startsWith('Workflow'));
  const lambda = () =>
    workflowFunctions().reduce(
      (sum, f) => ({
        invocations: sum.invocations + f.invocations,
        gbSeconds: sum.gbSeconds + f.billedGbSeconds,
        watches:
          sum.watches + (f.logicalId.startsWith('WorkflowWatchDeadline') ? f.invocations : 0),
      }),
      { invocations: 0, gbSeconds: 0, watches: 0 },
    );
  const logs = () => Object.values(logBytesBefore(runtime)).reduce((n, b) => n + b, 0);
  runtime.faultProxy!.resetStats();
  const before = {
    logs: logs(),
    transitions: transitions(),
    lambda: lambda(),
    sns: runtime.notifications.list().length,
  };
  await runtime.advanceClock(MAX_WAIT_SECONDS * 1000 + 60_000);
  await runtime.stepFunctions.whenIdle({ timeoutMs: 60_000 });
  const proxy = runtime.faultProxy!.stats();
  const after = lambda();
  // Every waiting candidate of the runtime woke (a walk's unfinished ones too): one watch each.
  const woken = Math.max(1, after.watches - before.lambda.watches);
  const per = (value: number) => value / woken;
  return {
    candidates: woken,
    stateTransitions: per(transitions() - before.transitions),
    lambdaInvocations: per(after.invocations - before.lambda.invocations),
    lambdaGbSeconds: per(after.gbSeconds - before.lambda.gbSeconds),
    readRequestUnits: per(proxy.readUnits),
    writeRequestUnits: per(proxy.writeUnits),
    snsPublishes: per(runtime.notifications.list().length - before.sns),
    logBytes: per(logs() - before.logs),
  };
}
