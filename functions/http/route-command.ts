import type { Context } from 'aws-lambda';
import { type Caller } from '../domain/caller';
import { type idempotentCommand } from './idempotent-command';
import { type HttpResponse } from './response';
import { type RouteBinding } from './route-binding';
import { type AnyRouteInput } from './route-input';

type ServeRoute = (input: AnyRouteInput, context: Context) => Promise<HttpResponse>;

/**
 * How a function remembers its commands by Idempotency-Key: functions/http/idempotent-command.ts,
 * handed in only by the functions that serve writes (functions/http/idempotent-http-api.ts), so
 * that a read or a public page does not load the idempotency store.
 */
export type Remember = typeof idempotentCommand<Omit<AnyRouteInput, 'caller'>>;

/** `/candidates/{id}/actions` with its parameters filled in: the resource a command acts on. */
function resourceOf(path: string, params: unknown): string {
  const values = (params ?? {}) as Record<string, unknown>;
  return path.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
}

/**
 * The command a route runs for a request already read: its handler, and on a route the registry
 * declares idempotent, the handler behind the Idempotency-Key (a replay answers the first
 * response; the same key with another request is refused). The key names the route, the
 * resource and the caller, so the same client key elsewhere is another command.
 */
export function routeCommand(binding: RouteBinding, remember?: Remember): ServeRoute {
  const { route, prepare, handle } = binding;
  const prepared = async (input: AnyRouteInput) =>
    prepare ? { ...input, body: await prepare(input.body, input) } : input;
  if (!route.idempotent) return async (input) => handle(await prepared(input));
  if (!remember) {
    throw new Error(`${route.method} ${route.path} is idempotent: serve it with idempotentHttpApi`);
  }
  // Only the request is hashed: the caller's IP or user agent may differ on a retry.
  const command = remember(async ({ key, body: request }, caller) =>
    handle({ ...request, caller, commandKey: key }),
  );
  return async (input, context) => {
    const { caller, ...request } = await prepared(input);
    const key = `${route.method} ${resourceOf(route.path, input.path)} ${input.idempotencyKey}`;
    return command({ key, body: request }, caller as Caller, context);
  };
}
