import { awsDependenciesWith } from '../adapters/aws-dependencies-with';
import { awsWorkflowOnFirstUse } from '../adapters/aws-workflow-on-first-use';
import { awsWorkflowSchedulesOnFirstUse } from '../adapters/aws-workflow-schedules-on-first-use';
import { parsedHandler } from '../observability/lambda-handler';
import { logger } from '../observability/logger';
import { applyTransition } from '../services/apply-transition';
import { applyRequest } from './inputs';

// Applying a transition never calls the state machines, and schedules the end of probation only
// for a member just admitted: neither SDK is loaded at the cold start.
const deps = {
  ...awsDependenciesWith(awsWorkflowOnFirstUse()),
  schedules: awsWorkflowSchedulesOnFirstUse(),
};

/** The apply step after each human stage: commits the recorded action. */
export const handler = parsedHandler(applyRequest, async (request) => {
  const applied = await applyTransition(deps, request);
  logger.info('Transition applied', {
    candidateId: request.candidateId,
    fromStage: request.stage,
    toStage: applied.nextStage,
  });
  return applied;
});
