import { awsDependencies } from '../adapters/aws-dependencies';
import { awsPeopleDependencies } from '../adapters/aws-people';
import { awsNotifier } from '../adapters/sns-notifier';
import { logger } from '../observability/logger';
import { type WatchRequest, watchDeadline } from '../services/watch-deadline';

const deps = { ...awsDependencies(), notifier: awsNotifier(), ...awsPeopleDependencies() };

/** Before each wait of a human step and on its timeout: the deadline against the clock. */
export const handler = async (request: WatchRequest) => {
  const result = await watchDeadline(deps, request);
  logger.info('Deadline checked', {
    candidateId: request.candidateId,
    stage: request.stage,
    ...result,
  });
  return result;
};
