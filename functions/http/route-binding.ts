import { type HttpResponse } from './response';
import { type RouteContract } from './contract/route';
import {
  type AnyRouteInput,
  type JsonBodyOf,
  type RouteInput,
  type RouteReading,
} from './route-input';

/**
 * A route of the registry bound to the handler that serves it. The handler receives the request
 * already read and checked against the route's entry (functions/http/route-input.ts), typed by
 * the route's own schemas, and calls services.
 */
interface TypedBinding<R extends RouteContract, Body, Command> extends RouteReading<Body> {
  /**
   * Turns the body into the command a replay must match (the national id protected before it is
   * hashed with the Idempotency-Key); by default the body itself.
   */
  prepare?: (body: Body, input: RouteInput<R, Body>) => Promise<Command>;
  handle: (input: RouteInput<R, Command>) => Promise<HttpResponse>;
}

/** A binding as the middleware holds it, whatever its route. */
export interface RouteBinding extends RouteReading<unknown> {
  route: RouteContract;
  prepare?: (body: unknown, input: AnyRouteInput) => Promise<unknown>;
  handle: (input: AnyRouteInput) => Promise<HttpResponse>;
}

/** Binds a route's registry entry to its handler; the input's types follow from the entry. */
export function on<R extends RouteContract, Body = JsonBodyOf<R>, Command = Body>(
  route: R,
  binding: TypedBinding<R, Body, Command>,
): RouteBinding {
  return { route, ...binding } as unknown as RouteBinding;
}
