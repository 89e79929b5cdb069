import { awsApproverDirectory } from '../adapters/approver-directory';
import { awsDependencies } from '../adapters/aws-dependencies';
import { signingKey } from '../adapters/signing-key';
import { awsNotifier } from '../adapters/sns-notifier';
import { parsedHandler } from '../observability/lambda-handler';
import { logger } from '../observability/logger';
import { parkCandidate } from '../services/park-candidate';
import { parkRequest } from './inputs';

/** Approvers get their own links when the stack gives this function a pool, a key and a URL. */
const approvalBaseUrl = process.env.APPROVAL_BASE_URL;
const deps = {
  ...awsDependencies(),
  notifier: awsNotifier(),
  ...(approvalBaseUrl && process.env.USER_POOL_ID && process.env.SIGNING_SECRET_ARN
    ? {
        approvalLinks: {
          directory: awsApproverDirectory(),
          signingKey: () => signingKey(),
          baseUrl: approvalBaseUrl,
        },
      }
    : {}),
};

/** The `.waitForTaskToken` task of every human stage: records where the candidate waits. */
export const handler = parsedHandler(parkRequest, async (request) => {
  logger.info('Parking candidate', { candidateId: request.candidateId, stage: request.stage });
  return parkCandidate(deps, request);
});
