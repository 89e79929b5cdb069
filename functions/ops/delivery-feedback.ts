import { awsDirectoryStore } from '../adapters/dynamodb-directory-store';
import { parsedHandler } from '../observability/lambda-handler';
import { logger } from '../observability/logger';
import { recordFeedback, type SesFeedback } from '../services/delivery-feedback';
import { snsEvent } from './inputs';

const deps = { directory: awsDirectoryStore(), now: () => new Date() };

/** SES → SNS: each bounce or complaint notice is recorded on the person it concerns. */
export const handler = parsedHandler(snsEvent, async (event) => {
  for (const record of event.Records) {
    const feedback = JSON.parse(record.Sns.Message) as SesFeedback;
    const outcome = await recordFeedback(deps, feedback);
    // No address or user id in logs: the account carries the detail.
    logger.info('Delivery feedback', {
      type: feedback.eventType ?? feedback.notificationType,
      outcome,
    });
  }
});
