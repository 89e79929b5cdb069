import { awsDependenciesWith } from '../adapters/aws-dependencies-with';
import { awsWorkflowOnFirstUse } from '../adapters/aws-workflow-on-first-use';
import { awsPeopleDependencies } from '../adapters/aws-people';
import { awsNotifier } from '../adapters/sns-notifier';
import { parsedHandler } from '../observability/lambda-handler';
import { logger } from '../observability/logger';
import { parkCandidate } from '../services/park-candidate';
import { parkRequest } from './inputs';

const deps = {
  ...awsDependenciesWith(awsWorkflowOnFirstUse()),
  notifier: awsNotifier(),
  ...awsPeopleDependencies(),
};

/** The `.waitForTaskToken` task of every human stage: records where the candidate waits. */
export const handler = parsedHandler(parkRequest, async (request) => {
  logger.info('Parking candidate', { candidateId: request.candidateId, stage: request.stage });
  return parkCandidate(deps, request);
});
