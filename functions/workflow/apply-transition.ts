import { awsDependencies } from '../adapters/aws-dependencies';
import { awsWorkflowSchedules } from '../adapters/aws-workflow-schedules';
import { parsedHandler } from '../observability/lambda-handler';
import { logger } from '../observability/logger';
import { applyTransition } from '../services/apply-transition';
import { applyRequest } from './inputs';

const deps = { ...awsDependencies(), schedules: awsWorkflowSchedules() };

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
