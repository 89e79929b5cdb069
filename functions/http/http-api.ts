import { lambdaHandler } from '../observability/lambda-handler';
import { contract, type ContractEvent, serveContract } from './contract-middleware';
import { refusalsToResponses } from './refusals-to-responses';
import { type HttpResponse } from './response';
import { type RouteBinding } from './route-binding';

/**
 * Every HTTP function: the handlers' logging and tracing middleware, the one error shape, and
 * the routes it serves (`on(ROUTES[...], ...)`), each read and checked by its registry entry
 * before its handler runs. A function with no binding answers every request as an unknown route.
 */
export function httpApi(...bindings: RouteBinding[]) {
  return lambdaHandler<ContractEvent, HttpResponse>(serveContract)
    .use(refusalsToResponses())
    .use(contract(bindings));
}
