import type { Clock } from '../../lib/local/clock';

export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): number;
  set(epochMs: number): void;
}

/** A clock for tests that only moves when told to. */
export function createManualClock(startEpochMs = Date.UTC(2025, 0, 1)): ManualClock {
  let t = startEpochMs;
  return {
    now: () => t,
    advance: (ms: number) => (t += ms),
    set: (epochMs: number) => {
      t = epochMs;
    },
  };
}
