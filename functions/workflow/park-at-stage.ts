import { awsDependencies } from '../adapters/aws-dependencies';
import { awsPeopleDependencies } from '../adapters/aws-people';
import { awsNotifier } from '../adapters/sns-notifier';
import { logger } from '../observability/logger';
import { type ParkRequest, parkCandidate } from '../services/park-candidate';

const deps = { ...awsDependencies(), notifier: awsNotifier(), ...awsPeopleDependencies() };

/** The `.waitForTaskToken` task of every human stage: records where the candidate waits. */
export const handler = async (request: ParkRequest) => {
  logger.info('Parking candidate', { candidateId: request.candidateId, stage: request.stage });
  return parkCandidate(deps, request);
};
