/**
 * A value built the first time it is asked for, then kept (the same instance every time). Schemas
 * are declared so: building one with zod costs time, and a function uses few of the many its
 * bundle holds. The route registry defines each route, and builds its request schemas, when a
 * function first reads it (functions/http/contract/route.ts); the answers' schemas are read only
 * by the OpenAPI document; the pipeline table's action payloads only by the functions that parse
 * an action. A cold start thus builds only what its function serves (docs/architecture.md,
 * "Bundles"). What every invocation needs is read at load all the same: `on(ROUTES[...])` defines
 * the function's own route when its module loads.
 */
export function builtOnFirstUse<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
