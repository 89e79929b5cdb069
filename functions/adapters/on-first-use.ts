/**
 * Loads an adapter (its module, and the SDK client that module imports) when it is first used
 * instead of at the function's cold start: for clients that only some routes or some calls of a
 * function need (accounts reach Cognito only to change one, officers' e-mail goes out on some
 * transitions only). Concurrent first uses share one load; a failed load is not kept, so the
 * next call tries again.
 */
export function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
