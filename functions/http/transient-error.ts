const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'InternalServerError',
  'TimeoutError',
]);
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/**
 * Errors a caller should retry after a moment: a 503, not a 500. (Transaction conflicts are
 * contention, answered `CONTENTION`: functions/adapters/dynamodb-errors.ts.) Wrapped errors count by their
 * cause: Powertools idempotency reports a throttled or unreachable table as
 * IdempotencyPersistenceLayerError with the SDK's error as `cause`.
 */
export function isTransient(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const { code, $retryable } = error as Error & { code?: string; $retryable?: unknown };
  return (
    TRANSIENT_NAMES.has(error.name) ||
    TRANSIENT_CODES.has(code ?? '') ||
    Boolean($retryable) ||
    isTransient(error.cause, depth + 1)
  );
}
