/**
 * A value built the first time it is asked for, then kept (the same instance every time). The
 * schemas of the API's answers are built so: only the OpenAPI document reads them (openapi.ts),
 * so a function's cold start builds none of them (docs/architecture.md, "Bundles").
 */
export function builtOnFirstUse<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
