import {
  type CandidateStore,
  type InFlightCursor,
  type InFlightPage,
  StaleCandidateError,
} from '../../../functions/adapters/candidate-store';
import {
  type Checkpoint,
  CheckpointMovedError,
  type CheckpointStore,
} from '../../../functions/adapters/checkpoint-store';
import { watchedForRepair } from '../../../functions/adapters/table-keys';
import { type ExecutionInput, type Workflow } from '../../../functions/adapters/workflow';
import {
  type ScheduledStart,
  type WorkflowSchedules,
} from '../../../functions/adapters/workflow-schedules';
import { type Candidate } from '../../../functions/domain/candidate';
import { type PhaseId } from '../../../functions/domain/pipeline';

/**
 * In-memory fakes of the ports the resume job uses: the store keeps candidates (corrupt ones
 * too, as a table can) with the store's conditions on the execution generation; the workflow
 * keeps executions by (phase, name), like Step Functions' names per state machine.
 */
export class InMemoryCandidates implements Pick<
  CandidateStore,
  'listInFlight' | 'recordExecution' | 'recordProbationSchedule'
> {
  readonly items = new Map<string, Candidate>();
  /** Ids whose next write fails with this error (a throttled or refused write). */
  readonly failWrites = new Map<string, Error>();

  put(...candidates: Candidate[]): void {
    for (const candidate of candidates)
      this.items.set(String(candidate.id), structuredClone(candidate));
  }

  /** Reads of the index, page by page (what a sweep costs). */
  pagesRead = 0;

  /** The index as the table keeps it: `SHARDS` shards, each in id order, read a page at a time. */
  async listInFlight(from: InFlightCursor | undefined, limit: number): Promise<InFlightPage> {
    this.pagesRead++;
    const cursor = from ?? { shard: 0 };
    const shard = [...this.items.values()]
      .filter((c) => shardOf(String(c.id)) === cursor.shard)
      .filter((c) => watchedForRepair(c))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const rest = shard.filter((c) => cursor.after === undefined || c.id > cursor.after);
    const candidates = rest.slice(0, limit).map((c) => structuredClone(c));
    let next: InFlightCursor | undefined;
    if (rest.length > limit) next = { shard: cursor.shard, after: candidates.at(-1)!.id };
    else if (cursor.shard + 1 < SHARDS) next = { shard: cursor.shard + 1 };
    return { candidates, ...(next ? { next } : {}) };
  }

  async recordExecution(before: Candidate, execution: Candidate['execution']): Promise<void> {
    const stored = this.writable(before);
    if (stored.execution.generation !== before.execution.generation) {
      throw new StaleCandidateError(`${before.id} moved to another generation`);
    }
    stored.execution = execution;
  }

  async recordProbationSchedule(
    before: Candidate,
    schedule: NonNullable<Candidate['probationSchedule']>,
  ): Promise<void> {
    this.writable(before).probationSchedule = schedule;
  }

  private writable(before: Candidate): Candidate {
    const failure = this.failWrites.get(before.id);
    if (failure) throw failure;
    return this.items.get(before.id)!;
  }
}

export interface FakeExecution {
  phase: PhaseId;
  name: string;
  input: object;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
}

export class FakeWorkflow implements Workflow {
  readonly executions: FakeExecution[] = [];

  async start(executionName: string, input: ExecutionInput): Promise<void> {
    const phase = input.resumeFrom.startsWith('RECOGNITION') ? 'recognition' : 'admission';
    this.startNamed(executionName, phase, input);
  }

  async startAtScheduledEntry(
    executionName: string,
    phase: PhaseId,
    input: { candidateId: string },
  ): Promise<'started' | 'existing'> {
    return this.startNamed(executionName, phase, input);
  }

  async deliver(): Promise<boolean> {
    throw new Error('not used by the resume job');
  }

  async isRunning(executionName: string, phase: PhaseId): Promise<boolean> {
    return this.find(executionName, phase)?.status === 'RUNNING';
  }

  async stop(): Promise<void> {
    throw new Error('not used by the resume job');
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

/** A candidate as the table holds it; only what the resume job reads is meaningful. */
export function candidate(id: string, fields: Partial<Candidate> = {}): Candidate {
  return {
    id,
    fullName: 'Nguyễn Văn Bí Mật',
    dateOfBirth: '1996-08-17',
    nationalIdFingerprint: 'f',
    nationalIdMasked: '********1234',
    nominationSource: 'YOUTH_UNION',
    nominatedBy: { userId: 'officer', name: 'Cán bộ', role: 'cell-officer', unitId: 'dd-kdn' },
    unitId: 'dd-kdn',
    unitPath: ['hn', 'dd-kdn'],
    stage: 'CELL_RESOLUTION',
    version: 5,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-05-01T00:00:00.000Z',
    stageEnteredAt: '2025-05-01T00:00:00.000Z',
    dossier: {},
    execution: { name: `${id}-g1`, generation: 1 },
    ...fields,
  } as Candidate;
}

const SHARDS = 3;
/** A stable spread of ids over the fake's shards (the table hashes them the same way). */
function shardOf(id: string): number {
  return [...id].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % SHARDS;
}

/** Checkpoints kept in memory with the store's condition on the version. */
export class InMemoryCheckpoints implements CheckpointStore {
  readonly saved = new Map<string, Checkpoint<unknown>>();

  async load<Position>(job: string): Promise<Checkpoint<Position>> {
    const found = this.saved.get(job) as Checkpoint<Position> | undefined;
    return structuredClone(found ?? { passesCompleted: 0, version: 0 });
  }

  async save<Position>(
    job: string,
    before: Checkpoint<Position>,
    next: Omit<Checkpoint<Position>, 'version'>,
  ): Promise<Checkpoint<Position>> {
    if ((this.saved.get(job)?.version ?? 0) !== before.version) {
      throw new CheckpointMovedError(job);
    }
    const saved = { ...structuredClone(next), version: before.version + 1 };
    this.saved.set(job, saved);
    return structuredClone(saved);
  }
}
