const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'InternalServerError',
  'TransactionConflictException',
  'TimeoutError',
]);
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/** Errors a caller should retry after a moment: a 503, not a 500. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, $retryable } = error as Error & { code?: string; $retryable?: unknown };
  return TRANSIENT_NAMES.has(error.name) || TRANSIENT_CODES.has(code ?? '') || Boolean($retryable);
}
