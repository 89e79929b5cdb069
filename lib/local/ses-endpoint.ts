/**
 * HTTP endpoint speaking the SESv2 REST-JSON protocol (`POST /v2/email/outbound-emails`,
 * SendEmail), so the unmodified `@aws-sdk/client-sesv2` (AWS_ENDPOINT_URL_SESV2) sends the
 * functions' e-mail here. Like SES it refuses a sender outside the template's verified identities
 * (MessageRejected), an unknown configuration set (NotFoundException), more than 50 recipients,
 * tags outside `[A-Za-z0-9_-]` and a message over 40 MB (BadRequestException); it never sends
 * anything. Accepted mail lands in a message store the inbox reads, per person (the `userId`
 * tag) — lib/local/inbox.ts.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsServiceError } from './aws-json-protocol';
import { guarded, listenLocally, type LocalServer, readRequestBody } from './local-server';
import type { PublishedMessageStore } from './published-messages';
import { listResources, type CfnTemplate, type Resolve } from './template';

export interface SesEndpoint extends LocalServer {
  /** The verified identities (domains or addresses) of the template. */
  identities: string[];
  configurationSets: string[];
}

class SesError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const MAX_BYTES = 40 * 1024 * 1024;
const MAX_RECIPIENTS = 50;
const TAG = /^[A-Za-z0-9_-]{1,256}$/;

/** What the template declares: AWS::SES::EmailIdentity and AWS::SES::ConfigurationSet. */
export function readMailSetup(template: CfnTemplate, resolve: Resolve) {
  return {
    identities: listResources(template, 'AWS::SES::EmailIdentity').map(({ resource }) =>
      String((resolve(resource.Properties ?? {}) as { EmailIdentity?: string }).EmailIdentity),
    ),
    configurationSets: listResources(template, 'AWS::SES::ConfigurationSet').map(
      ({ logicalId, resource }) =>
        String(
          (resolve(resource.Properties ?? {}) as { Name?: string }).Name ??
            resolve({ Ref: logicalId }),
        ),
    ),
  };
}

/** The first approval (or any http) link in a text body: what the inbox shows as a button. */
function linkIn(text: string): string | undefined {
  return /https?:\/\/\S+\/approvals\/[A-Za-z0-9_-]+/.exec(text)?.[0];
}

/** What SendEmail is authorized against: the verified identity that matched, and the set. */
export interface SesSending {
  identity: string;
  configurationSet?: string;
}

/** IAM's say on a SendEmail (lib/local/iam/service-guards.ts sesGuard); throws to refuse. */
export type AuthorizeSend = (request: IncomingMessage, sending: SesSending) => void;

/** The verified identity a sender uses: its own address if verified, else its domain. */
function sendingIdentity(identities: string[], address: string): string | undefined {
  const domain = address.split('@')[1] ?? '';
  return identities.find((i) => i === address) ?? identities.find((i) => i === domain);
}

function sendEmail(
  setup: { identities: string[]; configurationSets: string[] },
  store: Pick<PublishedMessageStore, 'append'>,
  body: Record<string, unknown>,
  now: () => Date = () => new Date(),
  authorize: (sending: SesSending) => void = () => undefined,
): { MessageId: string } {
  const from = body.FromEmailAddress;
  if (typeof from !== 'string' || !from) {
    throw new SesError('BadRequestException', 'FromEmailAddress is required.');
  }
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const identity = sendingIdentity(setup.identities, address);
  if (!identity) {
    throw new SesError(
      'MessageRejected',
      `Email address is not verified. The following identities failed the check in region LOCAL: ${address}`,
    );
  }
  const configurationSet = body.ConfigurationSetName;
  if (
    configurationSet !== undefined &&
    !setup.configurationSets.includes(String(configurationSet))
  ) {
    throw new SesError(
      'NotFoundException',
      `Configuration set <${configurationSet}> does not exist.`,
      404,
    );
  }
  authorize({
    identity,
    ...(configurationSet === undefined ? {} : { configurationSet: String(configurationSet) }),
  });
  const destination = (body.Destination ?? {}) as Record<string, unknown>;
  const to = [destination.ToAddresses, destination.CcAddresses, destination.BccAddresses].flatMap(
    (list) => (Array.isArray(list) ? list.map(String) : []),
  );
  if (to.length === 0) throw new SesError('BadRequestException', 'Missing final recipients.');
  if (to.length > MAX_RECIPIENTS) {
    throw new SesError('BadRequestException', `Recipient count exceeds ${MAX_RECIPIENTS}.`);
  }
  const simple = ((body.Content ?? {}) as { Simple?: Record<string, unknown> }).Simple;
  if (!simple)
    throw new SesError('BadRequestException', 'Only Simple content is accepted locally.');
  const subject = (simple.Subject as { Data?: string } | undefined)?.Data;
  const text = ((simple.Body ?? {}) as { Text?: { Data?: string } }).Text?.Data ?? '';
  if (!subject) throw new SesError('BadRequestException', 'Subject is required.');
  const tags: Record<string, string> = {};
  for (const tag of Array.isArray(body.EmailTags) ? body.EmailTags : []) {
    const { Name, Value } = tag as { Name?: string; Value?: string };
    if (!Name || Value === undefined || !TAG.test(Name) || !TAG.test(Value)) {
      throw new SesError(
        'BadRequestException',
        'Tag name and value can only contain ASCII letters, numbers, underscores or dashes.',
      );
    }
    tags[Name] = Value;
  }
  const MessageId = `0100${randomUUID().replace(/-/g, '')}-local`;
  const link = linkIn(text);
  store.append({
    messageId: MessageId,
    topicArn: `ses:${configurationSet ?? ''}`,
    subject,
    message: text,
    attributes: { ...tags, to: to.join(', '), channel: 'EMAIL', ...(link ? { link } : {}) },
    publishedAt: now().toISOString(),
  });
  return { MessageId };
}

export async function startSesEndpoint(options: {
  template: CfnTemplate;
  resolve: Resolve;
  store: Pick<PublishedMessageStore, 'append'>;
  now?: () => Date;
  port?: number;
  /** IAM enforcement (lib/local/iam); absent: every caller may send. */
  authorize?: AuthorizeSend;
}): Promise<SesEndpoint> {
  const setup = readMailSetup(options.template, options.resolve);
  const send = (res: ServerResponse, status: number, body: unknown, type?: string) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
      'x-amzn-RequestId': randomUUID(),
      ...(type ? { 'x-amzn-ErrorType': type } : {}),
    });
    res.end(text);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST' || path !== '/v2/email/outbound-emails') {
      throw new SesError('NotFoundException', `No operation at ${req.method} ${path}`, 404);
    }
    const raw = await readRequestBody(
      req,
      MAX_BYTES,
      () => new SesError('BadRequestException', 'Message too large.'),
    );
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw || '{}');
    } catch {
      throw new SesError('BadRequestException', 'The request body is not valid JSON.');
    }
    const authorize = options.authorize;
    send(
      res,
      200,
      sendEmail(
        setup,
        options.store,
        body,
        options.now,
        authorize && ((sending) => authorize(req, sending)),
      ),
    );
  };
  const server = await listenLocally(
    guarded(handle, (res, error) => {
      const e =
        error instanceof SesError
          ? error
          : error instanceof AwsServiceError
            ? new SesError(error.code, error.message, error.statusCode)
            : new SesError('InternalFailure', String(error), 500);
      send(res, e.status, { message: e.message }, e.type);
    }),
    { port: options.port },
  );
  return { ...server, ...setup };
}
