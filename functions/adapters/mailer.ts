/** One e-mail to one address: subject, plain text and HTML, and tags the provider reports back. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** SES message tags (letters, digits, `_` and `-` only): what bounce notices are matched on. */
  tags: Record<string, string>;
}

/** The port to whatever sends e-mail to a person (SES; locally the runtime's SES endpoint). */
export interface Mailer {
  send(message: EmailMessage): Promise<{ messageId: string }>;
}
