import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { requiredEnv } from './dynamodb-documents';
import { traced } from '../observability/tracer';
import { type EmailMessage, type Mailer } from './mailer';

/** SES accepts tag names and values of ASCII letters, digits, `_` and `-`, up to 256 characters. */
function sesTagValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256);
}

/**
 * SESv2 SendEmail from the stack's verified identity, through its configuration set (whose event
 * destination reports bounces and complaints back to the directory, lib/delivery.ts).
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
    private readonly configurationSet: string,
  ) {}

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    const { MessageId } = await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [message.to] },
        ConfigurationSetName: this.configurationSet,
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: message.text, Charset: 'UTF-8' },
              Html: { Data: message.html, Charset: 'UTF-8' },
            },
          },
        },
        EmailTags: Object.entries(message.tags).map(([Name, Value]) => ({
          Name: sesTagValue(Name),
          Value: sesTagValue(Value),
        })),
      }),
    );
    if (!MessageId) throw new Error('SES returned no MessageId');
    return { messageId: MessageId };
  }
}

/** The mailer the environment names (MAIL_FROM, MAIL_CONFIGURATION_SET: Delivery.grantSend). */
export function sesMailer(): Mailer {
  return new SesMailer(
    traced(new SESv2Client({ maxAttempts: 5 })),
    requiredEnv('MAIL_FROM'),
    requiredEnv('MAIL_CONFIGURATION_SET'),
  );
}
