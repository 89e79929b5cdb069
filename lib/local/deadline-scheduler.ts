import type { Clock, TimerApi } from './clock';

/**
 * Node fires timers above 2^31-1 ms immediately; never arm one longer than this.
 * Longer deadlines are reached by re-arming.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Deadline {
  at: number;
  fire: () => void;
}

/**
 * Deadlines measured against an injectable clock.
 *
 * The clock is the only source of truth: a deadline fires when `check()` runs and
 * `clock.now() >= at`. A single real timer (optional) calls `check()` when the earliest
 * deadline should be due; with a manual clock the caller advances it and calls `check()`.
 */
export class DeadlineScheduler {
  private readonly deadlines = new Set<Deadline>();
  private timerHandle: unknown = undefined;
  private armedFor = Number.POSITIVE_INFINITY;
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly timers: TimerApi | false,
  ) {}

  /** Registers `fire` to run once `clock.now() >= at`; returns a cancel function. */
  add(at: number, fire: () => void): () => void {
    const deadline: Deadline = { at, fire };
    this.deadlines.add(deadline);
    this.arm();
    return () => {
      this.deadlines.delete(deadline);
    };
  }

  get size(): number {
    return this.deadlines.size;
  }

  /** Fires every due deadline (in deadline order); returns how many fired. */
  check(): number {
    const now = this.clock.now();
    const due = [...this.deadlines].filter((d) => d.at <= now).sort((a, b) => a.at - b.at);
    for (const d of due) this.deadlines.delete(d);
    for (const d of due) d.fire();
    this.arm(true);
    return due.length;
  }

  close(): void {
    this.closed = true;
    this.deadlines.clear();
    this.disarm();
  }

  private disarm(): void {
    if (this.timerHandle !== undefined && this.timers) this.timers.clearTimeout(this.timerHandle);
    this.timerHandle = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
  }

  private arm(force = false): void {
    if (!this.timers || this.closed) return;
    let earliest = Number.POSITIVE_INFINITY;
    for (const d of this.deadlines) earliest = Math.min(earliest, d.at);
    if (earliest === Number.POSITIVE_INFINITY) {
      this.disarm();
      return;
    }
    if (!force && this.timerHandle !== undefined && this.armedFor <= earliest) return;
    this.disarm();
    const delay = Math.min(Math.max(0, earliest - this.clock.now()), MAX_TIMER_MS);
    this.armedFor = earliest;
    this.timerHandle = this.timers.setTimeout(() => {
      this.timerHandle = undefined;
      this.armedFor = Number.POSITIVE_INFINITY;
      this.check();
    }, delay);
  }
}
