import {
  type CandidateReads,
  type CandidateTransitions,
  StaleCandidateError,
} from '../adapters/candidate-store';
import { PROBATION } from '../domain/pipeline';
import { vietnamToday } from '../domain/quota/report';
import { probationEndFacts, probationOf } from '../domain/recognition-rules';
import { compareDates } from '../domain/rules';
import { applyScheduledStep } from '../domain/transition';
import { recordTransition } from '../observability/transition-metrics';
import { type AppliedTransition } from './apply-transition';
import { type Dependencies } from './dependencies';
import { StaleExecutionError } from './park-candidate';

export interface EndProbationRequest {
  candidateId: string;
  /** The execution the probation schedule started (the scheduler names it). */
  executionName: string;
}

const MAX_ATTEMPTS = 5;

/**
 * The first step of the recognition workflow, started by the probation schedule: records that
 * the 12 months are over, with the cell review's deadline counted from that day (even if the
 * meeting is late), and hands the member to the cell. Safe to run twice: a retry of the same
 * execution answers as before; any other execution (a second delivery of the schedule, a member
 * no longer on probation) is stale and stops.
 */
export async function endProbation(
  deps: Pick<Dependencies, 'now' | 'metrics'> & {
    store: Pick<CandidateReads, 'getCandidate'> &
      Pick<CandidateTransitions, 'commitScheduledTransition'>;
  },
  request: EndProbationRequest,
): Promise<AppliedTransition> {
  const answer = { outcome: PROBATION.outcome, nextStage: PROBATION.next };
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const candidate = await deps.store.getCandidate(request.candidateId);
    if (!candidate) throw new StaleExecutionError(`Candidate ${request.candidateId} is gone`);
    if (candidate.stage !== PROBATION.during) {
      if (candidate.execution.name === request.executionName) return answer;
      throw new StaleExecutionError(
        `Candidate ${candidate.id} is at ${candidate.stage}, not on probation`,
      );
    }
    const probation = probationOf(candidate);
    const today = vietnamToday(deps.now());
    if (compareDates(today, probation.endsOn) < 0) {
      throw new StaleExecutionError(
        `Probation of ${candidate.id} ends on ${probation.endsOn}, not yet (${today})`,
      );
    }
    const { candidate: after, event } = applyScheduledStep(
      candidate,
      PROBATION,
      probationEndFacts(probation),
      request.executionName,
      deps.now(),
    );
    try {
      await deps.store.commitScheduledTransition(candidate, after, event);
      if (deps.metrics) {
        recordTransition(deps.metrics, {
          fromStage: PROBATION.during,
          toStage: PROBATION.next,
          topUnitId: candidate.unitPath[0],
        });
      }
      return answer;
    } catch (error) {
      if (!(error instanceof StaleCandidateError)) throw error;
    }
  }
  throw new Error(`Could not end the probation of ${request.candidateId}`);
}
