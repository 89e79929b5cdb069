/**
 * HTTP endpoint speaking the AWS Query protocol of SNS, so the unmodified `@aws-sdk/client-sns`
 * (endpoint = url, or AWS_ENDPOINT_URL_SNS) publishes to the local runtime.
 *
 * POST / with a form-encoded body: `Action=Publish&Version=2010-03-31&TopicArn=…&Message=…&
 * Subject=…&MessageAttributes.entry.N.Name=…&MessageAttributes.entry.N.Value.DataType=String&
 * MessageAttributes.entry.N.Value.StringValue=…`. Responses are XML in the SNS namespace; errors
 * are `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>` with
 * the HTTP status SNS uses for the code (NotFound 404, InvalidParameter 400 …).
 *
 * Only `Publish` is served: topics come from the template, subscriptions are the local inbox.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsServiceError } from './aws-json-protocol';
import { guarded, listenLocally, readRequestBody, type LocalServer } from './local-server';
import type { PublishedMessageStore } from './published-messages';
import { listResources, type CfnTemplate, type Resolve } from './template';

export interface SnsEndpointOptions {
  /** The ARNs of the topics that exist; publishing to any other is NotFound. */
  topicArns: readonly string[];
  store: PublishedMessageStore;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  now?: () => Date;
  /**
   * IAM (lib/local/iam/service-guards.ts): may refuse a request before it runs, with an
   * AwsServiceError carrying the SNS code (AuthorizationError 403, KMSAccessDenied 400).
   */
  authorize?: (request: IncomingMessage, action: string, params: URLSearchParams) => void;
}

export type SnsEndpoint = LocalServer;

/** The ARN of every `AWS::SNS::Topic` of the template, as the resolver names it. */
export function readTopicArns(template: CfnTemplate, resolve: Resolve): string[] {
  return listResources(template, 'AWS::SNS::Topic').map(({ logicalId }) =>
    String(resolve({ Ref: logicalId })),
  );
}

const NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';
const MAX_REQUEST_BYTES = 1024 * 1024;
/** SNS: 256 KiB for the message and its attributes together. */
const MAX_MESSAGE_BYTES = 256 * 1024;
const MAX_ATTRIBUTES = 10;
const MAX_SUBJECT = 100;

class SnsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode = 400,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
  }
}

const invalidParameter = (message: string) =>
  new SnsError('InvalidParameter', `Invalid parameter: ${message}`);

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function sendXml(res: ServerResponse, status: number, xml: string, requestId: string): void {
  const text = `<?xml version="1.0"?>\n${xml}`;
  res.writeHead(status, {
    'Content-Type': 'text/xml',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': requestId,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: SnsError, requestId: string): void {
  sendXml(
    res,
    error.statusCode,
    `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>${error.type}</Type>` +
      `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
      `</Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    requestId,
  );
}

interface Attribute {
  dataType: string;
  value: string;
}

/** `MessageAttributes.entry.N.{Name,Value.DataType,Value.StringValue,Value.BinaryValue}`. */
function readAttributes(params: URLSearchParams): Record<string, Attribute> {
  const entries = new Map<string, Record<string, string>>();
  for (const [key, value] of params) {
    const match = /^MessageAttributes\.entry\.(\d+)\.(Name|Value\.[A-Za-z]+)$/.exec(key);
    if (!match) continue;
    const entry = entries.get(match[1]) ?? {};
    entry[match[2]] = value;
    entries.set(match[1], entry);
  }
  if (entries.size > MAX_ATTRIBUTES) {
    throw invalidParameter(`Too many message attributes (at most ${MAX_ATTRIBUTES})`);
  }
  const attributes: Record<string, Attribute> = {};
  for (const entry of entries.values()) {
    const name = entry.Name;
    if (!name || !/^[A-Za-z0-9_.-]{1,256}$/.test(name) || /^(aws\.|amazon\.)/i.test(name)) {
      throw invalidParameter(`Message attribute name '${name ?? ''}' is invalid`);
    }
    if (name in attributes) throw invalidParameter(`Duplicate message attribute '${name}'`);
    const dataType = entry['Value.DataType'] ?? '';
    const base = dataType.split('.')[0];
    const isArray = dataType === 'String.Array';
    if (!['String', 'Number', 'Binary'].includes(base)) {
      throw new SnsError(
        'ParameterValueInvalid',
        `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
      );
    }
    const value = base === 'Binary' ? entry['Value.BinaryValue'] : entry['Value.StringValue'];
    if (value === undefined || value === '') {
      throw new SnsError(
        'ParameterValueInvalid',
        `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${dataType}'.`,
      );
    }
    if (base === 'Number' && !isArray && !Number.isFinite(Number(value))) {
      throw new SnsError(
        'ParameterValueInvalid',
        `Could not cast message attribute '${name}' value to number.`,
      );
    }
    attributes[name] = { dataType, value };
  }
  return attributes;
}

function publish(
  params: URLSearchParams,
  options: SnsEndpointOptions,
  now: () => Date,
): { messageId: string } {
  const topicArn = params.get('TopicArn') ?? params.get('TargetArn') ?? undefined;
  if (params.has('PhoneNumber')) throw invalidParameter('PhoneNumber is not supported locally');
  if (!topicArn) {
    throw invalidParameter('TopicArn or TargetArn Reason: no value for required parameter');
  }
  let message = params.get('Message') ?? '';
  if (message === '') throw invalidParameter('Empty message');
  const subject = params.get('Subject') ?? undefined;
  if (subject !== undefined) {
    // SNS: printable ASCII starting with a letter, digit or punctuation; no line breaks.
    if (
      subject === '' ||
      subject.length > MAX_SUBJECT ||
      !/^[\x21-\x7e][\x20-\x7e]*$/.test(subject)
    ) {
      throw invalidParameter('Subject');
    }
  }
  if (params.get('MessageStructure') === 'json') {
    let structured: unknown;
    try {
      structured = JSON.parse(message);
    } catch {
      throw invalidParameter('Message Structure - JSON message body failed to parse');
    }
    const fallback = (structured as Record<string, unknown> | null)?.default;
    if (typeof fallback !== 'string') {
      throw invalidParameter('Message Structure - No default entry in JSON message body');
    }
    message = fallback;
  }
  const attributes = readAttributes(params);
  const size =
    Buffer.byteLength(message) +
    Object.entries(attributes).reduce(
      (sum, [name, a]) => sum + Buffer.byteLength(name + a.dataType + a.value),
      0,
    );
  if (size > MAX_MESSAGE_BYTES) throw invalidParameter('Message too long');
  if (!options.topicArns.includes(topicArn)) {
    throw new SnsError('NotFound', 'Topic does not exist', 404);
  }
  const messageId = randomUUID();
  options.store.append({
    messageId,
    topicArn,
    ...(subject !== undefined ? { subject } : {}),
    message,
    attributes: Object.fromEntries(Object.entries(attributes).map(([n, a]) => [n, a.value])),
    publishedAt: now().toISOString(),
  });
  return { messageId };
}

async function handle(
  options: SnsEndpointOptions,
  now: () => Date,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const params = new URLSearchParams(url.search);
  if (req.method === 'POST') {
    const body = await readRequestBody(
      req,
      MAX_REQUEST_BYTES,
      () => new SnsError('InvalidParameter', 'Request body too large', 413),
    );
    for (const [key, value] of new URLSearchParams(body)) params.append(key, value);
  } else if (req.method !== 'GET') {
    throw new SnsError('InvalidAction', `Unsupported method ${req.method}`, 405);
  }
  const action = params.get('Action');
  if (action !== 'Publish') {
    throw new SnsError('InvalidAction', `The action ${action ?? '(none)'} is not valid locally`);
  }
  options.authorize?.(req, action, params);
  const { messageId } = publish(params, options, now);
  sendXml(
    res,
    200,
    `<PublishResponse xmlns="${NAMESPACE}"><PublishResult><MessageId>${messageId}</MessageId>` +
      `</PublishResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
      `</PublishResponse>`,
    requestId,
  );
}

export async function startSnsEndpoint(options: SnsEndpointOptions): Promise<SnsEndpoint> {
  const now = options.now ?? (() => new Date());
  return listenLocally((req, res) => {
    const requestId = randomUUID();
    guarded(
      (rq, rs) => handle(options, now, rq, rs, requestId),
      (rs, err) => {
        const error =
          err instanceof SnsError
            ? err
            : err instanceof AwsServiceError
              ? new SnsError(err.code, err.message, err.statusCode)
              : new SnsError('InternalError', String(err), 500, 'Receiver');
        sendError(rs, error, requestId);
      },
    )(req, res);
  }, options);
}
