/** Source of "now" (epoch milliseconds) for the local Step Functions service. */
export interface Clock {
  now(): number;
}

/** Timer functions used to *trigger* deadline checks; the clock stays the source of truth. */
export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Reads `Date.now()` on every call, so jest fake timers (which fake Date) are honoured. */
export const systemClock: Clock = { now: () => Date.now() };

/** Uses the global timer functions as they are *at call time* (so jest fake timers apply). */
export const systemTimers: TimerApi = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // Deadline timers must never keep the process alive on their own.
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
