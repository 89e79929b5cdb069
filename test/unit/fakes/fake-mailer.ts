import { copy } from './copy';
import { type EmailMessage, type Mailer } from '../../../functions/adapters/mailer';

/** The mailer port kept in memory: what was sent, in order. */
export class FakeMailer implements Mailer {
  readonly sent: EmailMessage[] = [];

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    this.sent.push(copy(message));
    return { messageId: `message-${this.sent.length}` };
  }
}
