import { CONTENTION_RETRY_AFTER_SECONDS } from '../domain/contention';
import { type BulkResponse, isContended } from '../services/bulk-actions';
import { UnrememberedResponse } from './idempotent-command';
import { type HttpResponse, json } from './response';

/**
 * A bulk answer (200, one result per candidate). When some candidate waits for contention to
 * pass it carries Retry-After and is not remembered for the Idempotency-Key: the replay applies
 * that candidate and answers the others as they were done.
 */
export function bulkAnswer(response: BulkResponse): HttpResponse {
  if (!isContended(response)) return json(200, response);
  throw new UnrememberedResponse(
    json(200, response, { 'retry-after': String(CONTENTION_RETRY_AFTER_SECONDS) }),
  );
}
