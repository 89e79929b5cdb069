import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { routeKeyOf } from './contract/route';
import { type HttpResponse } from './response';
import { type RouteBinding } from './route-binding';
import { type Remember, routeCommand } from './route-command';
import { readRouteInput } from './route-input';
import { routeNotFound } from './route-not-found';

const SERVE = Symbol('serve');

/** A request the contract middleware has read: what runs it. */
export type ContractEvent = APIGatewayProxyEventV2 & { [SERVE]?: () => Promise<HttpResponse> };

/**
 * The one enforcement point of the route registry (functions/http/contract/routes.ts): finds the
 * binding of the request's route key, reads the request as the route declares it (path, query and
 * body schemas, Idempotency-Key, If-Match), and leaves the command to run. A route key the
 * function does not serve answers the API's route-not-found 404, never another route's branch.
 */
export function contract(
  bindings: readonly RouteBinding[],
  remember?: Remember,
): MiddlewareObj<ContractEvent, HttpResponse> {
  const routes = new Map(
    bindings.map((binding) => [
      routeKeyOf(binding.route) as string,
      { binding, command: routeCommand(binding, remember) },
    ]),
  );
  if (routes.size !== bindings.length) throw new Error('A route is bound twice');
  return {
    before: async (request) => {
      const { event, context } = request;
      const served = routes.get(event.routeKey);
      if (!served) {
        event[SERVE] = async () => routeNotFound(event);
        return;
      }
      const input = await readRouteInput(served.binding.route, served.binding, event);
      event[SERVE] = () => served.command(input, context);
    },
  };
}

/** Runs what the contract middleware read. */
export async function serveContract(event: ContractEvent): Promise<HttpResponse> {
  const serve = event[SERVE];
  if (!serve) throw new Error('The contract middleware did not run');
  return serve();
}
