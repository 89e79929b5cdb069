/**
 * HTTP endpoint speaking the AWS JSON 1.0 protocol of Step Functions, so the unmodified
 * `@aws-sdk/client-sfn` (endpoint = url, or AWS_ENDPOINT_URL_SFN) talks to the local service.
 *
 * POST / with `X-Amz-Target: AWSStepFunctions.<Operation>`; request/response members are
 * camelCase; timestamps are epoch seconds (numbers); errors are HTTP 400 with
 * `{"__type": "<Code>", "message": "..."}`.
 */
import { AwsServiceError, awsJsonListener, type AwsJsonProtocol } from './aws-json-protocol';
import { listenLocally, type LocalServer } from './local-server';
import { isSfnServiceError } from './sfn-errors';
import type { LocalStepFunctions } from './step-functions';

export interface SfnEndpointOptions {
  service: LocalStepFunctions;
  /** 0 = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** IAM (lib/local/iam/service-guards.ts): may refuse a request before it runs. */
  authorize?: AwsJsonProtocol<LocalStepFunctions>['authorize'];
}

export type SfnEndpoint = LocalServer;

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
function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v);
    return out;
  }
  return value;
}

export async function startSfnEndpoint(options: SfnEndpointOptions): Promise<SfnEndpoint> {
  const listener = awsJsonListener(
    {
      targetPrefix: TARGET_PREFIX,
      contentType: 'application/x-amz-json-1.0',
      messageMember: 'message',
      operations: OPERATIONS,
      toWire,
      maxBodyBytes: MAX_BODY_BYTES,
      authorize: options.authorize,
      asServiceError: (e) =>
        isSfnServiceError(e) ? new AwsServiceError(e.code, e.message, e.statusCode) : undefined,
    },
    options.service,
  );
  return listenLocally(listener, options);
}
