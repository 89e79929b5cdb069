import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { createDynamoDbClient, requiredEnv } from '../adapters/dynamodb-documents';
import { type Caller } from '../domain/caller';
import { refuse } from '../domain/refusal';
import { type HttpResponse } from './response';

/**
 * Thrown by a command whose answer must not be remembered for its key (some of its work waits
 * for contention to pass): the idempotency record is released, the caller gets `response`, and a
 * replay with the same key runs the command again.
 */
export class UnrememberedResponse extends Error {
  readonly name = 'UnrememberedResponse';
  constructor(readonly response: HttpResponse) {
    super('The response is not remembered for its Idempotency-Key');
  }
}

export interface CommandRequest<Body> {
  /** Route, resource, caller and client key: the same client key elsewhere is another command. */
  key: string;
  body: Body;
}

/**
 * Wraps a write so that a replay with the same Idempotency-Key returns the first response and the
 * same key with a different body is refused (Powertools idempotency, records in their own table).
 */
export function idempotentCommand<Body>(
  command: (request: CommandRequest<Body>, caller: Caller) => Promise<HttpResponse>,
): (request: CommandRequest<Body>, caller: Caller, context: Context) => Promise<HttpResponse> {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    payloadValidationJmesPath: 'body',
    expiresAfterSeconds: 24 * 60 * 60,
  });
  // Only the request is hashed: the caller's IP or user agent may differ on a retry.
  const idempotent = makeIdempotent(command, {
    dataIndexArgument: 0,
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: requiredEnv('IDEMPOTENCY_TABLE_NAME'),
      awsSdkV3Client: createDynamoDbClient(),
    }),
    config,
  });
  return async (request, caller, context) => {
    config.registerLambdaContext(context);
    try {
      return await idempotent({ ...request, key: `${caller.userId} ${request.key}` }, caller);
    } catch (error) {
      if (error instanceof UnrememberedResponse) return error.response;
      const name = (error as Error).name;
      if (name === 'IdempotencyValidationError') {
        return refuse('rule', {
          code: 'IDEMPOTENCY_KEY_REUSED',
          message: 'Idempotency-Key này đã dùng cho một yêu cầu khác; hãy dùng mã mới',
          message_en: 'This Idempotency-Key was used for a different request; use a new key',
          field: 'Idempotency-Key',
        });
      }
      if (name === 'IdempotencyAlreadyInProgressError') {
        return refuse('conflict', {
          code: 'REQUEST_IN_PROGRESS',
          message: 'Yêu cầu với Idempotency-Key này đang được xử lý; hãy thử lại sau giây lát',
          message_en: 'A request with this Idempotency-Key is still being processed; retry shortly',
          field: 'Idempotency-Key',
        });
      }
      throw error;
    }
  };
}
