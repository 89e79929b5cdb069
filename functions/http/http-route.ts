import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { logger } from '../observability/logger';
import { tracer } from '../observability/tracer';
import { refusalsToResponses } from './refusals-to-responses';
import { type HttpResponse } from './response';

export type RouteHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<HttpResponse>;

/** Every HTTP handler goes through this: request-scoped logging and the one error shape. */
export function httpRoute(handler: RouteHandler) {
  return middy<APIGatewayProxyEventV2, HttpResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(refusalsToResponses())
    .handler(handler);
}
