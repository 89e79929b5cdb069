import { copy } from './copy';
import { type ExecutionInput, type Workflow } from '../../../functions/adapters/workflow';
import {
  type ScheduledStart,
  type WorkflowSchedules,
} from '../../../functions/adapters/workflow-schedules';
import { type Notifier } from '../../../functions/adapters/notifier';
import { type Submission } from '../../../functions/domain/candidate';
import { type StageNotification } from '../../../functions/domain/notification';
import { type PhaseId, phaseOf } from '../../../functions/domain/pipeline';

export interface FakeExecution {
  phase: PhaseId;
  name: string;
  input: object;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
}

/**
 * The workflow port kept in memory: executions by (phase, name), like Step Functions' names per
 * state machine; deliveries to parked tasks, refused (`false`) for a token that no longer waits.
 */
export class FakeWorkflow implements Workflow {
  readonly executions: FakeExecution[] = [];
  readonly deliveries: { taskToken: string; submission: Submission; delivery: string }[] = [];
  /** Task tokens whose task no longer waits (its execution ended or was superseded). */
  readonly staleTokens = new Set<string>();

  async start(executionName: string, input: ExecutionInput): Promise<void> {
    this.startNamed(executionName, phaseOf(input.resumeFrom), input);
  }

  async startAtScheduledEntry(
    executionName: string,
    phase: PhaseId,
    input: { candidateId: string },
  ): Promise<'started' | 'existing'> {
    return this.startNamed(executionName, phase, input);
  }

  async deliver(
    taskToken: string,
    submission: Submission,
    delivery: 'complete' | 'fail',
  ): Promise<boolean> {
    if (this.staleTokens.has(taskToken)) return false;
    this.deliveries.push({ taskToken, submission: copy(submission), delivery });
    return true;
  }

  async isRunning(executionName: string, phase: PhaseId): Promise<boolean> {
    return this.find(executionName, phase)?.status === 'RUNNING';
  }

  async stop(executionName: string, phase: PhaseId): Promise<void> {
    const execution = this.find(executionName, phase);
    if (execution?.status === 'RUNNING') execution.status = 'ABORTED';
  }

  find(name: string, phase: PhaseId): FakeExecution | undefined {
    return this.executions.find((e) => e.name === name && e.phase === phase);
  }

  private startNamed(name: string, phase: PhaseId, input: object): 'started' | 'existing' {
    if (this.find(name, phase)) return 'existing';
    this.executions.push({ phase, name, input, status: 'RUNNING' });
    return 'started';
  }
}

export class FakeSchedules implements WorkflowSchedules {
  readonly created: ScheduledStart[] = [];

  async scheduleStart(start: ScheduledStart): Promise<'created' | 'existing'> {
    if (this.created.some((s) => s.name === start.name)) return 'existing';
    this.created.push(start);
    return 'created';
  }
}

/** The unit feeds: what was published, in order; `failing` makes the next publish throw. */
export class FakeNotifier implements Notifier {
  readonly published: StageNotification[] = [];
  failing?: Error;

  async publish(notification: StageNotification): Promise<void> {
    if (this.failing) throw this.failing;
    this.published.push(copy(notification));
  }
}
