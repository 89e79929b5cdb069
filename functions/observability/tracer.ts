import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * One X-Ray tracer per container. Lambda sets AWS_XRAY_DAEMON_ADDRESS when tracing is active;
 * where no daemon listens (the local runtime, tests) the tracer is off and every call a no-op, as
 * it is with POWERTOOLS_TRACE_ENABLED=false.
 */
export const tracer = new Tracer({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'admission',
  ...(process.env.AWS_XRAY_DAEMON_ADDRESS ? {} : { enabled: false }),
});

/** An AWS SDK v3 client whose calls become X-Ray subsegments (when tracing is on). */
export function traced<Client>(client: Client): Client {
  return tracer.captureAWSv3Client(client);
}
