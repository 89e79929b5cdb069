import { awsCandidateStore } from '../adapters/aws-candidate-store';
import { parsedHandler } from '../observability/lambda-handler';
import { logger } from '../observability/logger';
import { createPipelineMetrics } from '../observability/transition-metrics';
import { endProbation } from '../services/end-probation';
import { endProbationRequest } from './inputs';

/** Only the store: this step starts or answers no execution. */
const deps = {
  store: awsCandidateStore(),
  now: () => new Date(),
  metrics: createPipelineMetrics(),
};

/** Started by the probation schedule: the recognition workflow's first step. */
export const handler = parsedHandler(endProbationRequest, async (request) => {
  const applied = await endProbation(deps, request);
  logger.info('Probation ended', { candidateId: request.candidateId, toStage: applied.nextStage });
  return applied;
});
