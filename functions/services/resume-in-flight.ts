import {
  type InFlightCursor,
  type InFlightRepair,
  type WorkflowRecords,
} from '../adapters/candidate-store';
import { type CheckpointStore } from '../adapters/checkpoint-store';
import { type WorkflowSchedules } from '../adapters/workflow-schedules';
import {
  awaitsProbationSchedule,
  type Candidate,
  executionName,
  isInFlight,
} from '../domain/candidate';
import { isHumanStage, PROBATION, phaseOf } from '../domain/pipeline';
import { probationOverdue } from '../domain/recognition-rules';
import { type Dependencies } from './dependencies';
import { ensureProbationSchedule } from './probation-schedule';
import { restartAtStage } from './restart-at-stage';

export interface ResumeReport {
  inFlight: number;
  resumed: number;
  /** Probationary members whose wake-up schedule was missing from their item, now recorded. */
  probationSchedules: number;
  /** Members still on probation past its end (the schedule never started recognition): started. */
  probationRepairs: number;
  /** Candidates this pass could not repair; the pass went on with the others. */
  failures: number;
}

/** What one run of the sweep did, and where the next one starts. */
export interface SweepReport extends ResumeReport {
  /** Files read from the in-flight index by this run. */
  read: number;
  pages: number;
  /** Full passes over the index this run finished (0 when its time ran out first). */
  passesFinished: number;
  /** Where the next run starts; absent: at the beginning of a new pass. */
  resumeAt?: InFlightCursor;
}

/** One candidate the pass could not repair: its id and what was thrown. */
export interface ResumeFailure {
  candidateId: string;
  error: unknown;
}

export type RepairDependencies = Pick<Dependencies, 'workflow' | 'now'> & {
  store: Pick<WorkflowRecords, 'recordExecution' | 'recordProbationSchedule'>;
  schedules: WorkflowSchedules;
};

export type ResumeDependencies = RepairDependencies & {
  store: Pick<InFlightRepair, 'listInFlight'>;
  checkpoints: CheckpointStore;
  /** Told of each candidate that could not be repaired (the handler logs it, ids only). */
  onFailure?: (failure: ResumeFailure) => void;
};

/** The checkpoint of the repair sweep (docs/architecture.md, "Repair"). */
export const SWEEP_JOB = 'repair-sweep';
const SWEEP_PAGE_SIZE = 100;

export function emptyReport(): ResumeReport {
  return { inFlight: 0, resumed: 0, probationSchedules: 0, probationRepairs: 0, failures: 0 };
}

/**
 * The repair sweep: makes every in-flight candidate have a live execution parked where its item
 * says — after a local restart, an execution whose status event was missed, or a definition
 * upgrade. DynamoDB is the truth; the execution is re-created from it through the `resumeFrom`
 * entry of the state machine of the stage's phase (a member in recognition resumes on the
 * recognition machine). A probationary member whose wake-up schedule is not recorded gets it
 * (created idempotently); one still on probation after its end — the schedule lost, or its
 * deliveries dead-lettered — has recognition started as the schedule would have.
 *
 * It reads the sparse in-flight index one page at a time from the saved checkpoint and saves
 * the next position after each page, so a run stopped by `timeUp` (or killed) is continued by
 * the next one; a run that began mid-pass wraps round to where it began. Each candidate is
 * repaired on its own: an item that cannot be read as a candidate, or a start that is refused,
 * is counted in `failures` and reported, and the sweep goes on.
 */
export async function resumeInFlight(
  deps: ResumeDependencies,
  options: { timeUp?: () => boolean; pageSize?: number } = {},
): Promise<SweepReport> {
  const report: SweepReport = { ...emptyReport(), read: 0, pages: 0, passesFinished: 0 };
  let checkpoint = await deps.checkpoints.load<InFlightCursor>(SWEEP_JOB);
  const began = checkpoint.position;
  let wrapped = false;
  while (!options.timeUp?.()) {
    const page = await deps.store.listInFlight(
      checkpoint.position,
      options.pageSize ?? SWEEP_PAGE_SIZE,
    );
    report.pages++;
    report.read += page.candidates.length;
    for (const candidate of page.candidates) await repairAlone(deps, candidate, report);
    const passEnded = !page.next;
    checkpoint = await deps.checkpoints.save(SWEEP_JOB, checkpoint, {
      ...(page.next ? { position: page.next } : {}),
      passesCompleted: checkpoint.passesCompleted + (passEnded ? 1 : 0),
      ...(passEnded ? {} : { passStartedAt: checkpoint.passStartedAt ?? deps.now().toISOString() }),
    });
    if (passEnded) {
      report.passesFinished++;
      // A run that began at the start has covered everything; one that began mid-pass goes
      // round again up to where it began.
      if (!began || wrapped) break;
      wrapped = true;
    } else if (wrapped && began && !isBefore(page.next!, began)) break;
  }
  return { ...report, ...(checkpoint.position ? { resumeAt: checkpoint.position } : {}) };
}

function isBefore(a: InFlightCursor, b: InFlightCursor): boolean {
  if (a.shard !== b.shard) return a.shard < b.shard;
  return (a.after ?? '') < (b.after ?? '');
}

/** Repairs one candidate; what it throws is counted and reported, never passed on. */
async function repairAlone(
  deps: ResumeDependencies,
  candidate: Candidate,
  report: ResumeReport,
): Promise<void> {
  try {
    await repairCandidate(deps, candidate, report);
  } catch (error) {
    report.failures++;
    deps.onFailure?.({ candidateId: String(candidate?.id), error });
  }
}

/**
 * Gives one candidate a live execution where its item says, or its probation wake-up, if it has
 * none (the sweep, and the repair of an execution that ended without a terminal stage).
 */
export async function repairCandidate(
  deps: RepairDependencies,
  candidate: Candidate,
  report: ResumeReport,
): Promise<void> {
  if (candidate.stage === PROBATION.during) {
    if (awaitsProbationSchedule(candidate)) {
      // Admitted, but the process stopped before the schedule was recorded: complete it.
      await ensureProbationSchedule(deps, candidate);
      report.probationSchedules++;
    } else if (await startOverdueRecognition(deps, candidate)) {
      report.probationRepairs++;
    }
    return;
  }
  if (!isInFlight(candidate) || !isHumanStage(candidate.stage)) return;
  report.inFlight++;
  const phase = phaseOf(candidate.stage);
  if (await deps.workflow.isRunning(candidate.execution.name, phase)) return;
  if (await restartAtStage(deps, { ...candidate, stage: candidate.stage })) report.resumed++;
}

/**
 * Starts recognition for a member the schedule did not wake, at its scheduled entry (End_PROBATION
 * adopts the member, as after the schedule). The name is the member's next generation, so a pass
 * that finds it still running starts nothing; if the schedule fired meanwhile, whichever execution
 * comes second finds the member adopted and ends as `StaleExecution` — one adoption either way.
 */
async function startOverdueRecognition(
  deps: Pick<RepairDependencies, 'workflow' | 'now'>,
  candidate: Candidate,
): Promise<boolean> {
  if (!probationOverdue(candidate, deps.now())) return false;
  const name = executionName(candidate.id, candidate.execution.generation + 1);
  if (await deps.workflow.isRunning(name, PROBATION.phase)) return false;
  const started = await deps.workflow.startAtScheduledEntry(name, PROBATION.phase, {
    candidateId: candidate.id,
  });
  if (started === 'existing') {
    // That execution ran and ended, yet the member is still on probation: it failed (and
    // alarmed); starting it again under the same name is impossible, so a person looks.
    throw new Error(`Recognition execution ${name} ended without ending probation`);
  }
  return true;
}
