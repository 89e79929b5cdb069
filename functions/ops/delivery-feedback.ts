import type { SNSEvent } from 'aws-lambda';
import { awsDirectoryStore } from '../adapters/dynamodb-directory-store';
import { logger } from '../observability/logger';
import { recordFeedback, type SesFeedback } from '../services/delivery-feedback';

const deps = { directory: awsDirectoryStore(), now: () => new Date() };

/** SES → SNS: each bounce or complaint notice is recorded on the person it concerns. */
export const handler = async (event: SNSEvent) => {
  for (const record of event.Records) {
    const feedback = JSON.parse(record.Sns.Message) as SesFeedback;
    const outcome = await recordFeedback(deps, feedback);
    // No address or user id in logs: the account carries the detail.
    logger.info('Delivery feedback', {
      type: feedback.eventType ?? feedback.notificationType,
      outcome,
    });
  }
};
