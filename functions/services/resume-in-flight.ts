import { type WorkflowSchedules } from '../adapters/workflow-schedules';
import { awaitsProbationSchedule, isInFlight } from '../domain/candidate';
import { isHumanStage, phaseOf } from '../domain/pipeline';
import { type Dependencies } from './dependencies';
import { ensureProbationSchedule } from './probation-schedule';
import { restartAtStage } from './restart-at-stage';

export interface ResumeReport {
  inFlight: number;
  resumed: number;
  /** Probationary members whose wake-up schedule was missing from their item, now recorded. */
  probationSchedules: number;
}

/**
 * Makes every in-flight candidate have a live execution parked where its item says: after a
 * local restart, a failed execution, or a definition upgrade. DynamoDB is the truth; the
 * execution is re-created from it through the `resumeFrom` entry of the state machine of the
 * stage's phase (a member in recognition resumes on the recognition machine). A probationary
 * member whose wake-up schedule is not recorded gets it (created idempotently).
 */
export async function resumeInFlight(
  deps: Pick<Dependencies, 'store' | 'workflow' | 'now'> & { schedules: WorkflowSchedules },
): Promise<ResumeReport> {
  const report: ResumeReport = { inFlight: 0, resumed: 0, probationSchedules: 0 };
  for await (const candidate of deps.store.listInFlight()) {
    if (awaitsProbationSchedule(candidate)) {
      // Admitted, but the process stopped before the schedule was recorded: complete it.
      await ensureProbationSchedule(deps, candidate);
      report.probationSchedules++;
      continue;
    }
    if (!isInFlight(candidate) || !isHumanStage(candidate.stage)) continue;
    report.inFlight++;
    const phase = phaseOf(candidate.stage);
    if (await deps.workflow.isRunning(candidate.execution.name, phase)) continue;
    if (await restartAtStage(deps, { ...candidate, stage: candidate.stage })) report.resumed++;
  }
  return report;
}
