import {
  type CandidateReads,
  type CandidateTransitions,
  StaleCandidateError,
  type WorkflowRecords,
} from '../adapters/candidate-store';
import { type WorkflowSchedules } from '../adapters/workflow-schedules';
import { type HumanStageId, PROBATION, type StageId } from '../domain/pipeline';
import { applySubmission } from '../domain/transition';
import { recordTransition } from '../observability/transition-metrics';
import { type Dependencies } from './dependencies';
import { StaleExecutionError } from './park-candidate';
import { ensureProbationSchedule } from './probation-schedule';

export interface ApplyRequest {
  candidateId: string;
  /** Absent for a withdrawal, which may come from any stage. */
  stage?: HumanStageId;
  submissionId: string;
}

export interface AppliedTransition {
  outcome: string;
  nextStage: StageId;
}

const MAX_ATTEMPTS = 5;

type CommitDependencies = Pick<Dependencies, 'now' | 'metrics'> & {
  store: CandidateReads & Pick<CandidateTransitions, 'commitTransition'>;
};

export type ApplyDependencies = CommitDependencies & {
  store: Pick<WorkflowRecords, 'recordProbationSchedule'>;
  schedules: WorkflowSchedules;
};

/**
 * Commits a delivered submission: the candidate's new stage and version and its history event,
 * in one transaction. Safe to run twice: a second run finds the event and answers the same.
 * Reaching ADMITTED schedules the recognition workflow for the end of probation — after the
 * commit, and again on every retry until it is recorded (the resume job covers a retry that
 * never comes).
 */
export async function applyTransition(
  deps: ApplyDependencies,
  request: ApplyRequest,
): Promise<AppliedTransition> {
  const applied = await commitSubmission(deps, request);
  if (applied.nextStage === PROBATION.during) {
    const member = await deps.store.getCandidate(request.candidateId);
    if (member) await ensureProbationSchedule(deps, member);
  }
  return applied;
}

async function commitSubmission(
  deps: CommitDependencies,
  request: ApplyRequest,
): Promise<AppliedTransition> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const candidate = await deps.store.getCandidate(request.candidateId);
    if (!candidate) throw new StaleExecutionError(`Candidate ${request.candidateId} is gone`);
    const submission = candidate.submission;
    const otherStage = request.stage !== undefined && submission?.stage !== request.stage;
    if (submission?.id !== request.submissionId || otherStage) {
      const history = await deps.store.getHistory(request.candidateId);
      const applied = history.find((e) => e.submissionId === request.submissionId);
      if (applied) return { outcome: applied.outcome!, nextStage: applied.toStage };
      throw new StaleExecutionError(
        `Submission ${request.submissionId} is not pending on candidate ${request.candidateId}`,
      );
    }
    const { candidate: after, event } = applySubmission(candidate, submission, deps.now());
    try {
      await deps.store.commitTransition(candidate, after, event);
      // Counted once: only the run whose transaction committed gets here.
      if (deps.metrics) {
        recordTransition(deps.metrics, {
          fromStage: submission.stage,
          toStage: submission.toStage,
          topUnitId: candidate.unitPath[0],
        });
      }
      return { outcome: submission.outcome, nextStage: submission.toStage };
    } catch (error) {
      // Something else touched the item (a resume, a parallel apply): read again and decide anew.
      if (!(error instanceof StaleCandidateError)) throw error;
    }
  }
  throw new Error(
    `Could not commit submission ${request.submissionId} after ${MAX_ATTEMPTS} attempts`,
  );
}
