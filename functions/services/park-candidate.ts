import { type Candidate, type PendingStep } from '../domain/candidate';
import { type HumanStageId } from '../domain/pipeline';
import { deliveryOf } from '../domain/submission';
import {
  type CandidateReads,
  StaleCandidateError,
  type UnitLookup,
  type WorkflowRecords,
} from '../adapters/candidate-store';
import { logger } from '../observability/logger';
import { type ParkDependencies } from './dependencies';
import { notifyParked } from './notify-parked';

export interface ParkRequest {
  candidateId: string;
  stage: HumanStageId;
  taskToken: string;
  executionArn: string;
  executionName: string;
}

/** The execution is not the one the candidate item names: it must end, not wait. */
export class StaleExecutionError extends Error {
  readonly name = 'StaleExecution';
}

/** Parking reads the file, records the callback and whom it told, and tells the unit's people. */
export type ParkingDependencies = Pick<
  ParkDependencies,
  'workflow' | 'notifier' | 'now' | 'people' | 'approvalLinks'
> & {
  store: Pick<CandidateReads, 'getCandidate'> &
    Pick<WorkflowRecords, 'recordPendingStep' | 'recordNotified'> &
    UnitLookup;
};

/**
 * Runs when the workflow parks a candidate at a human step. If an action was already recorded
 * for this step (it arrived before the workflow parked, or before a restart), it is delivered now.
 */
export async function parkCandidate(
  deps: ParkingDependencies,
  request: ParkRequest,
): Promise<{ parked: true }> {
  const current = await deps.store.getCandidate(request.candidateId);
  if (!current || current.execution.name !== request.executionName) {
    throw new StaleExecutionError(
      `Execution ${request.executionName} no longer holds candidate ${request.candidateId}`,
    );
  }
  const pending: PendingStep = {
    stage: request.stage,
    taskToken: request.taskToken,
    executionArn: request.executionArn,
    parkedAt: deps.now().toISOString(),
  };
  const parked = await deps.store.recordPendingStep(request.candidateId, pending);
  if (!parked) {
    throw new StaleExecutionError(
      `Candidate ${request.candidateId} is no longer at ${request.stage}`,
    );
  }
  if (parked.submission?.stage === request.stage) {
    await deps.workflow.deliver(
      request.taskToken,
      parked.submission,
      deliveryOf(parked.submission),
    );
    return { parked: true };
  }
  const told = parked.notified;
  if (told?.stage !== request.stage || told.version !== parked.version) {
    await notifyOnce(deps, parked, request.stage);
  }
  return { parked: true };
}

/**
 * A failed notification must not strand the candidate: it is logged, left unrecorded, and sent
 * again the next time the step is parked (a resume).
 */
async function notifyOnce(
  deps: Omit<ParkingDependencies, 'workflow'>,
  candidate: Candidate,
  stage: ParkRequest['stage'],
): Promise<void> {
  try {
    await notifyParked(deps, candidate, stage);
    await deps.store.recordNotified(candidate.id, { stage, version: candidate.version });
  } catch (error) {
    if (error instanceof StaleCandidateError) return;
    logger.warn('Notification not sent', {
      candidateId: candidate.id,
      stage,
      errorName: (error as Error).name,
    });
  }
}
