import { lambdaHandler } from '../observability/lambda-handler';
import { contract, type ContractEvent, serveContract } from './contract-middleware';
import { refusalsToResponses } from './refusals-to-responses';
import { type HttpResponse } from './response';
import { type RouteBinding } from './route-binding';
import { type Remember } from './route-command';

/** The middleware stack of every HTTP function, with or without the idempotency store. */
export function httpStack(bindings: RouteBinding[], remember?: Remember) {
  return lambdaHandler<ContractEvent, HttpResponse>(serveContract)
    .use(refusalsToResponses())
    .use(contract(bindings, remember));
}

/**
 * An HTTP function that serves reads or public pages: the handlers' logging and tracing
 * middleware, the one error shape, and the routes it serves (`on(ROUTES[...], ...)`), each read
 * and checked by its registry entry before its handler runs. A function with no binding answers
 * every request as an unknown route. Writes: functions/http/idempotent-http-api.ts.
 */
export function httpApi(...bindings: RouteBinding[]) {
  return httpStack(bindings);
}
