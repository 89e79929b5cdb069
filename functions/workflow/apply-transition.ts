import { awsDependencies, awsWorkflowSchedules } from '../adapters/aws-dependencies';
import { logger } from '../observability/logger';
import { type ApplyRequest, applyTransition } from '../services/apply-transition';

const deps = { ...awsDependencies(), schedules: awsWorkflowSchedules() };

/** The apply step after each human stage: commits the recorded action. */
export const handler = async (request: ApplyRequest) => {
  const applied = await applyTransition(deps, request);
  logger.info('Transition applied', {
    candidateId: request.candidateId,
    fromStage: request.stage,
    toStage: applied.nextStage,
  });
  return applied;
};
