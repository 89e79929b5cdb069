import { type InFlightRepair, type WorkflowRecords } from '../adapters/candidate-store';
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

/** One candidate the pass could not repair: its id and what was thrown. */
export interface ResumeFailure {
  candidateId: string;
  error: unknown;
}

export type ResumeDependencies = Pick<Dependencies, 'workflow' | 'now'> & {
  store: Pick<InFlightRepair, 'listInFlight'> &
    Pick<WorkflowRecords, 'recordExecution' | 'recordProbationSchedule'>;
  schedules: WorkflowSchedules;
  /** Told of each candidate that could not be repaired (the handler logs it, ids only). */
  onFailure?: (failure: ResumeFailure) => void;
};

/**
 * Makes every in-flight candidate have a live execution parked where its item says: after a
 * local restart, a failed execution, or a definition upgrade. DynamoDB is the truth; the
 * execution is re-created from it through the `resumeFrom` entry of the state machine of the
 * stage's phase (a member in recognition resumes on the recognition machine). A probationary
 * member whose wake-up schedule is not recorded gets it (created idempotently); one still on
 * probation after its end — the schedule lost, or its deliveries dead-lettered — has recognition
 * started as the schedule would have.
 *
 * Each candidate is repaired on its own: an item that cannot be read as a candidate, or a start
 * that is refused, is counted in `failures` and reported, and the pass goes on.
 */
export async function resumeInFlight(deps: ResumeDependencies): Promise<ResumeReport> {
  const report: ResumeReport = {
    inFlight: 0,
    resumed: 0,
    probationSchedules: 0,
    probationRepairs: 0,
    failures: 0,
  };
  for await (const candidate of deps.store.listInFlight()) {
    try {
      await resumeOne(deps, candidate, report);
    } catch (error) {
      report.failures++;
      deps.onFailure?.({ candidateId: String(candidate?.id), error });
    }
  }
  return report;
}

async function resumeOne(
  deps: ResumeDependencies,
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
  deps: Pick<ResumeDependencies, 'workflow' | 'now'>,
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
