import * as fs from 'node:fs';
import * as path from 'node:path';
import { AwsServiceError } from './aws-json-protocol';
import type { Clock, TimerApi } from './clock';
import { DeadlineScheduler } from './deadline-scheduler';
import { atExpressionToEpochMs, ScheduleExpressionError } from './schedule-expression';

/**
 * The local EventBridge Scheduler: one-time schedules whose target is a state machine. A schedule
 * fires when the runtime clock reaches its time (`check()` after the clock moves, or a timer),
 * starts an execution with the target's input, and is deleted afterwards when
 * `ActionAfterCompletion` is DELETE — the behaviour the application relies on in AWS.
 */
interface ScheduleTarget {
  Arn: string;
  RoleArn: string;
  Input?: string;
  RetryPolicy?: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number };
  /** Where an event goes once its retries are spent (an SQS standard queue). */
  DeadLetterConfig?: { Arn?: string };
}

/**
 * A start the scheduler gave up on, as it lands in the target's dead-letter queue: the target's
 * input as the body, what failed in the message attributes (EventBridge Scheduler's names).
 */
export interface DeadLetterEvent {
  queueArn: string;
  body: string;
  attributes: {
    ERROR_CODE: string;
    ERROR_MESSAGE: string;
    EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts';
    RETRY_ATTEMPTS: string;
    SCHEDULE_ARN: string;
    TARGET_ARN: string;
  };
}

export interface StoredSchedule {
  Name: string;
  GroupName: string;
  Arn: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  State: 'ENABLED' | 'DISABLED';
  Description?: string;
  FlexibleTimeWindow: { Mode: 'OFF' | 'FLEXIBLE'; MaximumWindowInMinutes?: number };
  ActionAfterCompletion: 'NONE' | 'DELETE';
  Target: ScheduleTarget;
  /** Epoch ms. */
  CreationDate: number;
  LastModificationDate: number;
  /** Epoch ms at which it fires. */
  fireAt: number;
  /** Set once its execution started (a NONE schedule stays, but never fires again). */
  completedAt?: number;
  attempts: number;
}

/** `schedule`: which schedule fires, with the role Scheduler assumes to call the target. */
export type StartExecution = (
  input: { stateMachineArn: string; input: string },
  schedule?: { arn: string; groupName: string; roleArn: string },
) => unknown;

export interface LocalSchedulerOptions {
  region: string;
  accountId: string;
  clock: Clock;
  timers: TimerApi | false;
  /** Groups that exist besides `default` (the template's AWS::Scheduler::ScheduleGroup names). */
  groupNames: readonly string[];
  startExecution: StartExecution;
  /** Receives what a schedule with a DeadLetterConfig could not deliver (lib/local/dead-letter-queues.ts). */
  deadLetter?: (event: DeadLetterEvent) => void;
  /** Schedules survive a restart here; in memory without it. */
  dataDir?: string;
  log?: (line: string) => void;
}

const NAME = /^[0-9a-zA-Z-_.]{1,64}$/;
const STATE_MACHINE_ARN = /^arn:aws:states:[a-z0-9-]+:\d{12}:stateMachine:[A-Za-z0-9-_]+$/;
/** DeadLetterConfig.Arn as the Scheduler API constrains it. */
const QUEUE_ARN = /^arn:aws(-[a-z]+)?:sqs:[a-z0-9-]+:\d{12}:[a-zA-Z0-9-_]+$/;
const DEFAULT_RETRY_ATTEMPTS = 185;
const RETRY_DELAY_MS = 60_000;
const SCHEDULES_FILE = 'schedules.json';

const validation = (message: string) => new AwsServiceError('ValidationException', message, 400);
const notFound = (name: string, group: string) =>
  new AwsServiceError(
    'ResourceNotFoundException',
    `Schedule ${name} does not exist in ${group}.`,
    404,
  );

export type CreateScheduleInput = Omit<
  StoredSchedule,
  | 'Arn'
  | 'CreationDate'
  | 'LastModificationDate'
  | 'fireAt'
  | 'completedAt'
  | 'attempts'
  | 'State'
  | 'ActionAfterCompletion'
  | 'GroupName'
> & {
  GroupName?: string;
  State?: StoredSchedule['State'];
  ActionAfterCompletion?: StoredSchedule['ActionAfterCompletion'];
};

export class LocalScheduler {
  private readonly schedules = new Map<string, StoredSchedule>();
  private readonly cancels = new Map<string, () => void>();
  private readonly deadlines: DeadlineScheduler;
  private readonly groups: Set<string>;

  constructor(private readonly options: LocalSchedulerOptions) {
    this.deadlines = new DeadlineScheduler(options.clock, options.timers);
    this.groups = new Set(['default', ...options.groupNames]);
    for (const schedule of this.load()) {
      this.schedules.set(key(schedule.GroupName, schedule.Name), schedule);
      this.arm(schedule);
    }
  }

  create(input: CreateScheduleInput): { ScheduleArn: string } {
    const group = this.group(input.GroupName);
    if (!NAME.test(input.Name ?? '')) throw validation(`Invalid schedule name ${input.Name}`);
    if (this.schedules.has(key(group, input.Name))) {
      throw new AwsServiceError('ConflictException', `Schedule ${input.Name} already exists.`, 409);
    }
    const schedule = this.validated(input, group, this.options.clock.now());
    this.schedules.set(key(group, schedule.Name), schedule);
    this.save();
    this.arm(schedule);
    return { ScheduleArn: schedule.Arn };
  }

  update(input: CreateScheduleInput): { ScheduleArn: string } {
    const group = this.group(input.GroupName);
    const existing = this.schedules.get(key(group, input.Name));
    if (!existing) throw notFound(input.Name, group);
    const schedule = this.validated(input, group, existing.CreationDate);
    this.cancels.get(key(group, schedule.Name))?.();
    this.schedules.set(key(group, schedule.Name), schedule);
    this.save();
    this.arm(schedule);
    return { ScheduleArn: schedule.Arn };
  }

  get(name: string, groupName?: string): StoredSchedule {
    const group = this.group(groupName);
    const schedule = this.schedules.get(key(group, name));
    if (!schedule) throw notFound(name, group);
    return schedule;
  }

  delete(name: string, groupName?: string): void {
    const group = this.group(groupName);
    if (!this.schedules.delete(key(group, name))) throw notFound(name, group);
    this.cancels.get(key(group, name))?.();
    this.cancels.delete(key(group, name));
    this.save();
  }

  list(filter: { groupName?: string; namePrefix?: string; state?: string }): StoredSchedule[] {
    return [...this.schedules.values()]
      .filter((s) => !filter.groupName || s.GroupName === filter.groupName)
      .filter((s) => !filter.namePrefix || s.Name.startsWith(filter.namePrefix))
      .filter((s) => !filter.state || s.State === filter.state)
      .sort((a, b) => a.Name.localeCompare(b.Name));
  }

  /** Fires every schedule that is due by the clock; returns how many fired. */
  check(): number {
    return this.deadlines.check();
  }

  close(): void {
    this.deadlines.close();
  }

  private group(groupName: string | undefined): string {
    const group = groupName || 'default';
    if (!this.groups.has(group)) {
      throw new AwsServiceError(
        'ResourceNotFoundException',
        `Schedule group ${group} does not exist.`,
        404,
      );
    }
    return group;
  }

  private validated(input: CreateScheduleInput, group: string, createdAt: number): StoredSchedule {
    if (!input.ScheduleExpression) throw validation('ScheduleExpression is required');
    let fireAt: number;
    try {
      fireAt = atExpressionToEpochMs(input.ScheduleExpression, input.ScheduleExpressionTimezone);
    } catch (error) {
      if (error instanceof ScheduleExpressionError) throw validation(error.message);
      throw error;
    }
    const mode = input.FlexibleTimeWindow?.Mode;
    if (mode !== 'OFF' && mode !== 'FLEXIBLE')
      throw validation('FlexibleTimeWindow.Mode is required');
    if (!input.Target?.RoleArn) throw validation('Target.RoleArn is required');
    if (!STATE_MACHINE_ARN.test(input.Target?.Arn ?? '')) {
      throw validation(
        `Target.Arn must be a state machine locally (StartExecution), not ${input.Target?.Arn}`,
      );
    }
    const deadLetterArn = input.Target.DeadLetterConfig?.Arn;
    if (deadLetterArn !== undefined && !QUEUE_ARN.test(deadLetterArn)) {
      throw validation(`Target.DeadLetterConfig.Arn is not an SQS queue ARN: ${deadLetterArn}`);
    }
    const state = input.State ?? 'ENABLED';
    if (state !== 'ENABLED' && state !== 'DISABLED') throw validation(`Invalid State ${state}`);
    const after = input.ActionAfterCompletion ?? 'NONE';
    if (after !== 'NONE' && after !== 'DELETE') {
      throw validation(`Invalid ActionAfterCompletion ${after}`);
    }
    return {
      Name: input.Name,
      GroupName: group,
      Arn: `arn:aws:scheduler:${this.options.region}:${this.options.accountId}:schedule/${group}/${input.Name}`,
      ScheduleExpression: input.ScheduleExpression,
      ...(input.ScheduleExpressionTimezone
        ? { ScheduleExpressionTimezone: input.ScheduleExpressionTimezone }
        : {}),
      ...(input.Description ? { Description: input.Description } : {}),
      State: state,
      FlexibleTimeWindow: input.FlexibleTimeWindow,
      ActionAfterCompletion: after,
      Target: input.Target,
      CreationDate: createdAt,
      LastModificationDate: this.options.clock.now(),
      fireAt,
      attempts: 0,
    };
  }

  private arm(schedule: StoredSchedule, at = schedule.fireAt): void {
    if (schedule.completedAt !== undefined || schedule.State !== 'ENABLED') return;
    const id = key(schedule.GroupName, schedule.Name);
    this.cancels.set(
      id,
      this.deadlines.add(at, () => this.fire(id)),
    );
  }

  private fire(id: string): void {
    const schedule = this.schedules.get(id);
    if (!schedule || schedule.completedAt !== undefined || schedule.State !== 'ENABLED') return;
    schedule.attempts += 1;
    try {
      this.options.startExecution(
        { stateMachineArn: schedule.Target.Arn, input: schedule.Target.Input ?? '{}' },
        { arn: schedule.Arn, groupName: schedule.GroupName, roleArn: schedule.Target.RoleArn },
      );
    } catch (error) {
      const allowed = schedule.Target.RetryPolicy?.MaximumRetryAttempts ?? DEFAULT_RETRY_ATTEMPTS;
      this.options.log?.(
        `Schedule ${schedule.Name}: StartExecution failed (attempt ${schedule.attempts}): ${String(error)}`,
      );
      if (schedule.attempts <= allowed) {
        this.save();
        this.arm(schedule, this.options.clock.now() + RETRY_DELAY_MS);
        return;
      }
      this.sendToDeadLetterQueue(schedule, error);
    }
    schedule.completedAt = this.options.clock.now();
    if (schedule.ActionAfterCompletion === 'DELETE') this.schedules.delete(id);
    this.cancels.delete(id);
    this.save();
    this.options.log?.(`Schedule ${schedule.Name} fired: started ${schedule.Target.Arn}`);
  }

  /** Retries spent: the event goes to the target's dead-letter queue, if it names one. */
  private sendToDeadLetterQueue(schedule: StoredSchedule, error: unknown): void {
    const queueArn = schedule.Target.DeadLetterConfig?.Arn;
    if (!queueArn) return;
    const failure = error as { name?: string; message?: string };
    this.options.deadLetter?.({
      queueArn,
      body: schedule.Target.Input ?? '{}',
      attributes: {
        ERROR_CODE: String(failure?.name ?? 'Error'),
        ERROR_MESSAGE: String(failure?.message ?? error),
        EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
        RETRY_ATTEMPTS: String(schedule.attempts - 1),
        SCHEDULE_ARN: schedule.Arn,
        TARGET_ARN: schedule.Target.Arn,
      },
    });
    this.options.log?.(`Schedule ${schedule.Name}: retries spent, sent to ${queueArn}`);
  }

  private load(): StoredSchedule[] {
    if (!this.options.dataDir) return [];
    const file = path.join(this.options.dataDir, SCHEDULES_FILE);
    if (!fs.existsSync(file)) return [];
    return JSON.parse(fs.readFileSync(file, 'utf8')) as StoredSchedule[];
  }

  private save(): void {
    if (!this.options.dataDir) return;
    fs.mkdirSync(this.options.dataDir, { recursive: true });
    const file = path.join(this.options.dataDir, SCHEDULES_FILE);
    // Whole file then rename: a crash leaves either the old or the new list, never half of one.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify([...this.schedules.values()]));
    fs.renameSync(`${file}.tmp`, file);
  }
}

const key = (group: string, name: string) => `${group}/${name}`;
