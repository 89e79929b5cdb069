import { awsDependenciesWith } from '../adapters/aws-dependencies-with';
import { awsWorkflowOnFirstUse } from '../adapters/aws-workflow-on-first-use';
import { awsPeopleDependencies } from '../adapters/aws-people';
import { awsNotifier } from '../adapters/sns-notifier';
import { parsedHandler } from '../observability/lambda-handler';
import { logger } from '../observability/logger';
import { watchDeadline } from '../services/watch-deadline';
import { watchRequest } from './inputs';

const deps = {
  ...awsDependenciesWith(awsWorkflowOnFirstUse()),
  notifier: awsNotifier(),
  ...awsPeopleDependencies(),
};

/** Before each wait of a human step and on its timeout: the deadline against the clock. */
export const handler = parsedHandler(watchRequest, async (request) => {
  const result = await watchDeadline(deps, request);
  logger.info('Deadline checked', {
    candidateId: request.candidateId,
    stage: request.stage,
    ...result,
  });
  return result;
});
