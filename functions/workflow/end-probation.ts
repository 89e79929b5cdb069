import { awsDependencies } from '../adapters/aws-dependencies';
import { logger } from '../observability/logger';
import { EndProbationRequest, endProbation } from '../services/end-probation';

const deps = awsDependencies();

/** Started by the probation schedule: the recognition workflow's first step. */
export const handler = async (request: EndProbationRequest) => {
  const applied = await endProbation(deps, request);
  logger.info('Probation ended', { candidateId: request.candidateId, toStage: applied.nextStage });
  return applied;
};
