import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { logger } from '../observability/logger';
import { tracer } from '../observability/tracer';
import { contract, type ContractEvent, serveContract } from './contract-middleware';
import { refusalsToResponses } from './refusals-to-responses';
import { type HttpResponse } from './response';
import { type RouteBinding } from './route-binding';

/**
 * Every HTTP function: request-scoped logging and tracing, the one error shape, and the routes it
 * serves (`on(ROUTES[...], ...)`), each read and checked by its registry entry before its
 * handler runs. A function with no binding answers every request as an unknown route.
 */
export function httpApi(...bindings: RouteBinding[]) {
  return middy<ContractEvent, HttpResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(refusalsToResponses())
    .use(contract(bindings))
    .handler(serveContract);
}
