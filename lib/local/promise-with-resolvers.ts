/**
 * aws-local-stepfunctions 3 calls `Promise.withResolvers()` (ES2024, Node >= 22).
 * On Node 20 it is missing, so install a minimal, spec-shaped polyfill – only if absent.
 */
export interface PromiseWithResolversResult<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

type WithResolvers = <T>() => PromiseWithResolversResult<T>;

export function installPromiseWithResolvers(): void {
  const ctor = Promise as unknown as { withResolvers?: WithResolvers };
  if (typeof ctor.withResolvers === 'function') return;
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function withResolvers<T>(
      this: PromiseConstructor | undefined,
    ): PromiseWithResolversResult<T> {
      const C = typeof this === 'function' ? this : Promise;
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new C<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

/** Local helper (does not depend on the polyfill). */
export function promiseWithResolvers<T>(): PromiseWithResolversResult<T> {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
