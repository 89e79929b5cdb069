/**
 * Runs the template's scheduled targets (EventBridge rules and EventBridge Scheduler schedules)
 * with timers. Locally the exact wall-clock time of a cron rarely matters; what matters is that the
 * scheduled work happens at all, so cron expressions become an approximate interval.
 */
import { randomUUID } from 'node:crypto';
import { listResources, type CfnTemplate, type Resolve } from './template';

export interface LocalSchedule {
  /** Logical id of the rule/schedule, plus `/<target id>` when a rule has several targets. */
  name: string;
  expression: string;
  targetArn: string;
  /** The target's Input, JSON-parsed; `undefined` means "send the default scheduled event". */
  input?: unknown;
  source: 'events' | 'scheduler';
  /** What the target's resource policy sees as `aws:SourceArn`: the rule, or the schedule group. */
  sourceArn: string;
  /** A Scheduler schedule's execution role (Scheduler assumes it to call the target). */
  roleArn?: string;
  /** Approximate for cron; `undefined` when the schedule runs only at start. */
  intervalMs?: number;
  note?: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** setInterval silently turns longer delays into 1 ms, so such schedules run only at start. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function readSchedules(template: CfnTemplate, resolve: Resolve): LocalSchedule[] {
  const schedules: LocalSchedule[] = [];
  for (const { logicalId, resource } of listResources(template, 'AWS::Events::Rule')) {
    const properties = resolve(resource.Properties ?? {}) as {
      ScheduleExpression?: string;
      State?: string;
      Targets?: { Id?: string; Arn: string; Input?: string }[];
    };
    if (!properties.ScheduleExpression || properties.State === 'DISABLED') continue;
    const targets = properties.Targets ?? [];
    for (const target of targets) {
      schedules.push({
        name: targets.length > 1 ? `${logicalId}/${target.Id}` : logicalId,
        expression: properties.ScheduleExpression,
        targetArn: target.Arn,
        input: target.Input === undefined ? undefined : JSON.parse(target.Input),
        source: 'events',
        sourceArn: String(resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] })),
        ...scheduleInterval(properties.ScheduleExpression),
      });
    }
  }
  for (const { logicalId, resource } of listResources(template, 'AWS::Scheduler::Schedule')) {
    const properties = resolve(resource.Properties ?? {}) as {
      ScheduleExpression: string;
      State?: string;
      GroupName?: string;
      Target: { Arn: string; RoleArn?: string; Input?: string };
    };
    const region = String(resolve({ Ref: 'AWS::Region' }));
    const accountId = String(resolve({ Ref: 'AWS::AccountId' }));
    if (properties.State === 'DISABLED') continue;
    schedules.push({
      name: logicalId,
      expression: properties.ScheduleExpression,
      targetArn: properties.Target.Arn,
      // EventBridge Scheduler sends `{}` when a target has no Input.
      input: properties.Target.Input === undefined ? {} : JSON.parse(properties.Target.Input),
      source: 'scheduler',
      sourceArn: `arn:aws:scheduler:${region}:${accountId}:schedule-group/${properties.GroupName ?? 'default'}`,
      roleArn: properties.Target.RoleArn,
      ...scheduleInterval(properties.ScheduleExpression),
    });
  }
  return schedules;
}

export function scheduleInterval(expression: string): { intervalMs?: number; note?: string } {
  const rate = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$/i.exec(expression);
  if (rate) return limitInterval(Number(rate[1]) * unitMs(rate[2]));
  const cron = /^cron\((.+)\)$/i.exec(expression);
  if (cron) {
    const [minutes, hours, dayOfMonth, , dayOfWeek] = cron[1].trim().split(/\s+/);
    const { intervalMs, note } = limitInterval(
      approximateCron(minutes, hours, dayOfMonth, dayOfWeek),
    );
    return {
      intervalMs,
      note: note ?? `cron approximated as every ${formatDuration(intervalMs!)}`,
    };
  }
  if (/^at\(/i.test(expression)) return { note: 'one-time at() schedule: runs only at start' };
  return { note: `unrecognised expression ${expression}: runs only at start` };
}

function unitMs(unit: string): number {
  if (unit.startsWith('minute')) return MINUTE;
  if (unit.startsWith('hour')) return HOUR;
  return DAY;
}

/** How often a cron fires on average, from its minute and hour fields (the ones that matter). */
function approximateCron(minutes: string, hours: string, dayOfMonth: string, dayOfWeek: string) {
  const perHour = firingsPer(minutes, 60);
  const perDay = firingsPer(hours, 24) * perHour;
  const dayRestricted = ![dayOfMonth, dayOfWeek].every((field) => field === '*' || field === '?');
  if (dayRestricted) return Math.max(DAY / perDay, DAY);
  return DAY / perDay;
}

/** `*` → every unit, `*\/n` or `a/n` → every n-th, `a,b,c` → 3, `a-b` → range, `a` → 1. */
function firingsPer(field: string, units: number): number {
  if (field === '*') return units;
  return field.split(',').reduce((total, part) => {
    const [range, step] = part.split('/');
    const stepSize = step ? Number(step) : 1;
    let span = 1;
    if (range === '*') span = units;
    else if (range.includes('-')) {
      const [from, to] = range.split('-').map(Number);
      span = to - from + 1;
    } else if (step) span = units - Number(range);
    return total + Math.max(1, Math.ceil(span / stepSize));
  }, 0);
}

function limitInterval(intervalMs: number): { intervalMs?: number; note?: string } {
  if (intervalMs > MAX_TIMER_MS) {
    return { note: `interval of ${formatDuration(intervalMs)} is too long: runs only at start` };
  }
  return { intervalMs };
}

function formatDuration(ms: number): string {
  if (ms % DAY === 0) return `${ms / DAY} day(s)`;
  if (ms % HOUR === 0) return `${ms / HOUR} hour(s)`;
  return `${Math.round(ms / MINUTE)} minute(s)`;
}

/** A run asked for while the same schedule is still running (runs never overlap). */
export class ScheduleRunningError extends Error {
  constructor(readonly scheduleName: string) {
    super(`${scheduleName} is still running`);
  }
}

export interface ScheduleRunnerOptions {
  schedules: LocalSchedule[];
  /** Receives the target ARN: a Lambda function, or anything else the caller knows how to run. */
  invoke: (targetArn: string, event: unknown, schedule: LocalSchedule) => Promise<unknown>;
  runAtStart?: boolean;
  /** The business clock: the `time` a scheduled event carries (default: the wall clock). */
  now?: () => number;
  region?: string;
  accountId?: string;
  log?: (message: string) => void;
}

export interface ScheduleRunner {
  /** Runs every schedule once now; resolves when all have finished (failures are only logged). */
  runAllNow(): Promise<void>;
  /** The schedules whose name (logical id) starts with `prefix`. */
  find(prefix: string): LocalSchedule[];
  /** Runs one schedule now and answers what its target returned; failures are thrown. */
  runNow(schedule: LocalSchedule): Promise<unknown>;
  stop(): void;
}

export function startSchedules(options: ScheduleRunnerOptions): ScheduleRunner {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const running = new Set<string>();
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  const now = options.now ?? Date.now;

  const invokeOnce = async (schedule: LocalSchedule): Promise<unknown> => {
    running.add(schedule.name);
    try {
      const event = schedule.input !== undefined ? schedule.input : scheduledEvent(schedule);
      return await options.invoke(schedule.targetArn, event, schedule);
    } finally {
      running.delete(schedule.name);
    }
  };

  const runOne = async (schedule: LocalSchedule): Promise<void> => {
    // Like a slow Lambda under a fast rate, but without piling up runs of the same schedule.
    if (running.has(schedule.name)) {
      log(`[schedules] ${schedule.name} is still running; skipping this tick`);
      return;
    }
    try {
      await invokeOnce(schedule);
    } catch (error) {
      const err = error as Error;
      log(
        `[schedules] ${schedule.name} → ${schedule.targetArn} failed: ${err.name}: ${err.message}`,
      );
    }
  };

  const scheduledEvent = (schedule: LocalSchedule) => ({
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: accountId,
    time: new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [`arn:aws:events:${region}:${accountId}:rule/${schedule.name.split('/')[0]}`],
    detail: {},
  });

  const runAllNow = async () => {
    await Promise.all(options.schedules.map(runOne));
  };

  for (const schedule of options.schedules) {
    if (schedule.note)
      log(`[schedules] ${schedule.name} (${schedule.expression}): ${schedule.note}`);
  }
  const timers = options.schedules
    .filter((schedule) => schedule.intervalMs !== undefined)
    .map((schedule) => setInterval(() => void runOne(schedule), schedule.intervalMs).unref());
  if (options.runAtStart ?? true) void runAllNow();

  return {
    runAllNow,
    find: (prefix) => options.schedules.filter((schedule) => schedule.name.startsWith(prefix)),
    runNow: async (schedule) => {
      if (running.has(schedule.name)) throw new ScheduleRunningError(schedule.name);
      return invokeOnce(schedule);
    },
    stop: () => timers.forEach((timer) => clearInterval(timer)),
  };
}
