import { PendingStep } from '../domain/candidate';
import { HumanStageId } from '../domain/pipeline';
import { deliveryOf } from '../domain/submission';
import { Dependencies } from './dependencies';

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

/**
 * Runs when the workflow parks a candidate at a human step. If an action was already recorded
 * for this step (it arrived before the workflow parked, or before a restart), it is delivered now.
 */
export async function parkCandidate(
  deps: Pick<Dependencies, 'store' | 'workflow' | 'now'>,
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
  }
  return { parked: true };
}
