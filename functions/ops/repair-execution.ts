import { awsDependencies } from '../adapters/aws-dependencies';
import { awsWorkflowSchedules } from '../adapters/aws-workflow-schedules';
import { SUPERSEDED_ERROR } from '../adapters/sfn-workflow';
import { parsedHandler } from '../observability/lambda-handler';
import { logger } from '../observability/logger';
import { repairEndedExecution } from '../services/repair-execution';
import { executionStatusChangeEvent } from './execution-status-event';

const deps = {
  ...awsDependencies(),
  schedules: awsWorkflowSchedules(),
  supersededError: SUPERSEDED_ERROR,
};

/**
 * EventBridge rule on Step Functions' execution status changes (FAILED, TIMED_OUT, ABORTED of the
 * two admission state machines): the candidate of that execution is repaired at once. A failure
 * fails the invocation, so EventBridge's asynchronous invocation retries it; the sweep covers
 * what is still missed.
 */
export const handler = parsedHandler(executionStatusChangeEvent, async (event) => {
  const { detail } = event;
  const outcome = await repairEndedExecution(deps, {
    candidateId: detail.input.candidateId,
    executionName: detail.name,
    status: detail.status,
    error: detail.error,
  });
  // Ids and statuses only: the input and the cause may quote a person.
  logger.info('Ended execution handled', {
    candidateId: detail.input.candidateId,
    executionName: detail.name,
    status: detail.status,
    outcome,
  });
  return { outcome };
});
