import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { guarded, readRequestBody } from './local-server';

/** An AWS service error: `code` becomes `__type`, which the SDK turns into a named exception. */
export class AwsServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

/** A JSON answer as AWS services send it: request id, and the error type header on errors. */
export function sendAwsJson(
  res: ServerResponse,
  answer: { status: number; body: unknown; contentType: string; errorType?: string },
): void {
  const text = JSON.stringify(answer.body);
  const headers: Record<string, string | number> = {
    'Content-Type': answer.contentType,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
  };
  if (answer.errorType) headers['x-amzn-ErrorType'] = answer.errorType;
  res.writeHead(answer.status, headers);
  res.end(text);
}

export interface AwsJsonProtocol<Context> {
  /** e.g. `AWSStepFunctions.` — the part of `X-Amz-Target` before the operation name. */
  targetPrefix: string;
  /** `application/x-amz-json-1.0` or `-1.1`. */
  contentType: string;
  /** Services disagree on the casing of the error message member. */
  messageMember: 'message' | 'Message';
  operations: Record<string, (context: Context, input: Record<string, unknown>) => unknown>;
  /** Turns an operation's result into wire JSON (e.g. dates to epoch seconds). */
  toWire?: (output: unknown) => unknown;
  /** Recognises the service's own errors when they are not AwsServiceError instances. */
  asServiceError?: (error: unknown) => AwsServiceError | undefined;
  maxBodyBytes?: number;
  /** Runs before the operation and may refuse it (IAM: throws AwsServiceError AccessDenied…). */
  authorize?: (request: IncomingMessage, operation: string, input: Record<string, unknown>) => void;
}

/**
 * A request listener for the AWS JSON protocol (POST /, `X-Amz-Target: <prefix><Operation>`), so
 * that the unmodified AWS SDK v3 clients talk to a local service.
 */
export function awsJsonListener<Context>(
  protocol: AwsJsonProtocol<Context>,
  context: Context,
): RequestListener {
  const send = (res: ServerResponse, status: number, body: unknown, errorType?: string) =>
    sendAwsJson(res, { status, body, contentType: protocol.contentType, errorType });
  const sendError = (res: ServerResponse, error: unknown) => {
    const known = error instanceof AwsServiceError ? error : protocol.asServiceError?.(error);
    const e = known ?? new AwsServiceError('InternalFailure', String(error), 500);
    send(res, e.statusCode, { __type: e.code, [protocol.messageMember]: e.message }, e.code);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      throw new AwsServiceError(
        'UnknownOperationException',
        `Unsupported method ${req.method}`,
        405,
      );
    }
    const target = String(req.headers['x-amz-target'] ?? '');
    const body = await readRequestBody(
      req,
      protocol.maxBodyBytes ?? 1024 * 1024,
      () => new AwsServiceError('ValidationException', 'Request body too large', 413),
    );
    const operation = target.startsWith(protocol.targetPrefix)
      ? protocol.operations[target.slice(protocol.targetPrefix.length)]
      : undefined;
    if (!operation) {
      throw new AwsServiceError(
        'UnknownOperationException',
        `Unknown operation ${target || '(none)'}`,
      );
    }
    let input: unknown;
    try {
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      throw new AwsServiceError('SerializationException', 'Request body is not valid JSON');
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new AwsServiceError('SerializationException', 'Request body must be a JSON object');
    }
    protocol.authorize?.(
      req,
      target.slice(protocol.targetPrefix.length),
      input as Record<string, unknown>,
    );
    const output = await operation(context, input as Record<string, unknown>);
    send(res, 200, protocol.toWire ? protocol.toWire(output) : output);
  };
  return guarded(handle, sendError);
}
