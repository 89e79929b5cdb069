import { type Mailer } from './mailer';
import { onFirstUse } from './on-first-use';

/**
 * The SES mailer of the function's environment (ses-mailer.ts), with the SES SDK loaded at the
 * first e-mail rather than at the cold start.
 */
export function awsMailer(): Mailer {
  const mailer = onFirstUse(async () => (await import('./ses-mailer')).sesMailer());
  return { send: async (message) => (await mailer()).send(message) };
}
