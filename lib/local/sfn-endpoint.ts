/**
 * HTTP endpoint speaking the AWS JSON 1.0 protocol of Step Functions, so the unmodified
 * `@aws-sdk/client-sfn` (endpoint = url, or AWS_ENDPOINT_URL_SFN) talks to the local service.
 *
 * POST / with `X-Amz-Target: AWSStepFunctions.<Operation>`; request/response members are
 * camelCase; timestamps are epoch seconds (numbers); errors are HTTP 400 with
 * `{"__type": "<Code>", "message": "..."}`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SfnServiceError, isSfnServiceError } from './sfn-errors';
import type { LocalStepFunctions } from './step-functions';

export interface SfnEndpointOptions {
  service: LocalStepFunctions;
  /** 0 = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface SfnEndpoint {
  /** e.g. http://127.0.0.1:54321 */
  url: string;
  port: number;
  close(): Promise<void>;
}

const TARGET_PREFIX = 'AWSStepFunctions.';
const MAX_BODY_BYTES = 1024 * 1024;

type Operation = (service: LocalStepFunctions, body: Record<string, unknown>) => unknown;

// The service methods validate their inputs; the casts only select the operation.
const OPERATIONS: Record<string, Operation> = {
  StartExecution: (s, b) => s.startExecution(b as never),
  SendTaskSuccess: (s, b) => s.sendTaskSuccess(b as never),
  SendTaskFailure: (s, b) => s.sendTaskFailure(b as never),
  SendTaskHeartbeat: (s, b) => s.sendTaskHeartbeat(b as never),
  StopExecution: (s, b) => s.stopExecution(b as never),
  DescribeExecution: (s, b) => s.describeExecution(b as never),
  ListExecutions: (s, b) => s.listExecutions(b as never),
  GetExecutionHistory: (s, b) => s.getExecutionHistory(b as never),
};

/** Dates → epoch seconds (with milliseconds), recursively. */
export function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v);
    return out;
  }
  return value;
}

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/x-amz-json-1.0',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
  };
  if (errorType) headers['x-amzn-ErrorType'] = errorType;
  res.writeHead(status, headers);
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { __type: code, message }, code);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new SfnServiceError('ValidationException', 'Request body too large', 413));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handle(
  service: LocalStepFunctions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 405, 'UnknownOperationException', `Unsupported method ${req.method}`);
    return;
  }
  const target = String(req.headers['x-amz-target'] ?? '');
  const body = await readBody(req);
  const operation = target.startsWith(TARGET_PREFIX)
    ? OPERATIONS[target.slice(TARGET_PREFIX.length)]
    : undefined;
  if (!operation) {
    sendError(res, 400, 'UnknownOperationException', `Unknown operation ${target || '(none)'}`);
    return;
  }
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    sendError(res, 400, 'SerializationException', 'Request body is not valid JSON');
    return;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    sendError(res, 400, 'SerializationException', 'Request body must be a JSON object');
    return;
  }
  try {
    const output = operation(service, input as Record<string, unknown>);
    send(res, 200, toWire(output));
  } catch (err) {
    if (isSfnServiceError(err)) {
      sendError(res, err.statusCode, err.code, err.message);
    } else {
      sendError(res, 500, 'InternalFailure', err instanceof Error ? err.message : String(err));
    }
  }
}

export async function startSfnEndpoint(options: SfnEndpointOptions): Promise<SfnEndpoint> {
  const { service } = options;
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((req, res) => {
    handle(service, req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (isSfnServiceError(err)) sendError(res, err.statusCode, err.code, err.message);
      else sendError(res, 500, 'InternalFailure', String(err));
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets (the SDK pools connections) would otherwise delay close.
        server.closeAllConnections();
      }),
  };
}
