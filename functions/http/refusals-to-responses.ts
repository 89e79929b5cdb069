import type { MiddlewareObj } from '@middy/core';
import { isTransactionConflict } from '../adapters/dynamodb-errors';
import { CONTENTION_RETRY_AFTER_SECONDS, contentionRefusal } from '../domain/contention';
import { HTTP_STATUS_OF, Refusal } from '../domain/refusal';
import { logger } from '../observability/logger';
import { sourceMappedStack } from '../observability/source-mapped-stack';
import { type HttpResponse, refusalResponse } from './response';
import { isTransient } from './transient-error';

/**
 * Turns whatever a route throws into the one error shape: refusals keep their status, contention
 * the function could not retry away (transaction conflicts) and transient AWS failures become 503
 * with Retry-After, and anything else is a logged 500 without details.
 */
export function refusalsToResponses(): MiddlewareObj<unknown, HttpResponse> {
  return {
    onError: async (request) => {
      const error = request.error;
      if (error instanceof Refusal) {
        request.response = refusalResponse(HTTP_STATUS_OF[error.kind], error.body);
        return;
      }
      if (isTransactionConflict(error)) {
        logger.warn('Transaction conflicts outlasted the retries', { errorName: error?.name });
        request.response = refusalResponse(503, contentionRefusal(), {
          'retry-after': String(CONTENTION_RETRY_AFTER_SECONDS),
        });
        return;
      }
      if (isTransient(error)) {
        logger.warn('Transient failure', { errorName: error?.name });
        request.response = refusalResponse(
          503,
          {
            code: 'SERVICE_UNAVAILABLE',
            message: 'Hệ thống đang bận; hãy thử lại sau giây lát với cùng Idempotency-Key',
            message_en: 'The service is busy; retry shortly with the same Idempotency-Key',
          },
          { 'retry-after': '1' },
        );
        return;
      }
      logger.error('Unhandled error', {
        errorName: error?.name,
        errorMessage: error?.message,
        stack: sourceMappedStack(error),
      });
      request.response = refusalResponse(500, {
        code: 'INTERNAL_ERROR',
        message: 'Lỗi hệ thống; sự cố đã được ghi lại',
        message_en: 'Internal error; it has been logged',
      });
    },
  };
}
