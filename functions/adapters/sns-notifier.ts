import { type MessageAttributeValue, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { type StageNotification } from '../domain/notification';
import { traced } from '../observability/tracer';
import { requiredEnv } from './dynamodb-documents';
import { type Notifier } from './notifier';

/** SNS wants subjects of printable ASCII, no line breaks, under 100 characters. */
const MAX_SNS_SUBJECT = 99;

/**
 * Publishes to one SNS topic. The message attributes `role`, `unitId`, `stage` and `kind` (and
 * `link` when there is one) are what subscription filter policies match on; the message is the
 * full Vietnamese-then-English body, the subject its ASCII transliteration (e-mail subject line).
 */
export class SnsNotifier implements Notifier {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArn: string,
  ) {}

  async publish(notification: StageNotification): Promise<void> {
    const attributes: Record<string, string> = { ...notification.attributes };
    if (notification.link) attributes.link = notification.link;
    const subject = snsSubject(notification.subject);
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Message: notification.body,
        ...(subject ? { Subject: subject } : {}),
        MessageAttributes: Object.fromEntries(
          Object.entries(attributes).map(([name, value]): [string, MessageAttributeValue] => [
            name,
            { DataType: 'String', StringValue: value },
          ]),
        ),
      }),
    );
  }
}

/**
 * Vietnamese without diacritics (`Hồ sơ Nguyễn Văn An` → `Ho so Nguyen Van An`), anything else
 * outside printable ASCII dropped, whitespace collapsed to single spaces, cut to 99 characters.
 */
export function snsSubject(text: string): string {
  const ascii = text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (ascii.length <= MAX_SNS_SUBJECT) return ascii;
  return `${ascii.slice(0, MAX_SNS_SUBJECT - 3).trimEnd()}...`;
}

/** The notifier on the topic the function's environment names (NOTIFICATION_TOPIC_ARN). */
export function awsNotifier(): Notifier {
  return new SnsNotifier(
    traced(new SNSClient({ maxAttempts: 5 })),
    requiredEnv('NOTIFICATION_TOPIC_ARN'),
  );
}
