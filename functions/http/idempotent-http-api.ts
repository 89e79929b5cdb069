import { httpStack } from './http-api';
import { idempotentCommand } from './idempotent-command';
import { type RouteBinding } from './route-binding';

/**
 * An HTTP function that serves writes: as httpApi (functions/http/http-api.ts), and each route
 * the registry declares idempotent runs behind its Idempotency-Key (Powertools idempotency).
 */
export function idempotentHttpApi(...bindings: RouteBinding[]) {
  return httpStack(bindings, idempotentCommand);
}
