import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Clock } from './clock';

/**
 * The local runtime's business clock: real time plus an offset that only moves forward.
 *
 * The offset lives in a SharedArrayBuffer so that every function's worker thread reads the same
 * value without messages (see `installShiftedDate`); the Step Functions engine, the scheduler
 * and the deadline checks read it through `now()`. Moving it lets a demo or a test run twelve
 * months of probation in seconds while every handler still calls plain `new Date()`.
 */
export interface RuntimeClock extends Clock {
  /** Shared with worker threads: one BigInt64 slot holding the offset in milliseconds. */
  readonly offsetBuffer: SharedArrayBuffer;
  offsetMs(): number;
  /** Moves the clock forward by `ms` (never backwards); returns the new now. */
  advance(ms: number): number;
  /** Sets the clock to `epochMs` if that is not in its past; returns the new now. */
  advanceTo(epochMs: number): number;
}

const CLOCK_FILE = 'clock.json';

export class ClockCannotGoBackError extends Error {
  constructor(now: number, requested: number) {
    super(
      `The clock only moves forward: it is ${new Date(now).toISOString()}, ` +
        `${new Date(requested).toISOString()} is in its past.`,
    );
    this.name = 'ClockCannotGoBackError';
  }
}

/**
 * A clock that starts at real time plus `offsetMs`, or, with `dataDir`, at the offset saved there
 * by an earlier run: a restarted runtime must not travel back before deadlines it already passed.
 */
export function createRuntimeClock(
  options: { offsetMs?: number; dataDir?: string } = {},
): RuntimeClock {
  const offsetBuffer = new SharedArrayBuffer(8);
  const slot = new BigInt64Array(offsetBuffer);
  const saved = options.dataDir ? readSavedOffset(options.dataDir) : undefined;
  Atomics.store(slot, 0, BigInt(Math.round(saved ?? options.offsetMs ?? 0)));

  const offsetMs = () => Number(Atomics.load(slot, 0));
  const now = () => Date.now() + offsetMs();
  const setOffset = (offset: number) => {
    Atomics.store(slot, 0, BigInt(Math.round(offset)));
    if (options.dataDir) {
      fs.mkdirSync(options.dataDir, { recursive: true });
      const file = path.join(options.dataDir, CLOCK_FILE);
      // Written whole then renamed: a crash never leaves half a clock file.
      fs.writeFileSync(`${file}.tmp`, JSON.stringify({ offsetMs: offset }));
      fs.renameSync(`${file}.tmp`, file);
    }
    return now();
  };
  return {
    offsetBuffer,
    now,
    offsetMs,
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new ClockCannotGoBackError(now(), now() + ms);
      return setOffset(offsetMs() + ms);
    },
    advanceTo: (epochMs) => {
      const current = now();
      if (!Number.isFinite(epochMs) || epochMs < current) {
        throw new ClockCannotGoBackError(current, epochMs);
      }
      return setOffset(epochMs - Date.now());
    },
  };
}

function readSavedOffset(dataDir: string): number | undefined {
  const file = path.join(dataDir, CLOCK_FILE);
  if (!fs.existsSync(file)) return undefined;
  const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { offsetMs?: unknown };
  return typeof saved.offsetMs === 'number' && Number.isFinite(saved.offsetMs)
    ? saved.offsetMs
    : undefined;
}

/**
 * Source text run first in each function's worker thread: replaces `Date` with a subclass that
 * adds the shared offset to "now" (`Date.now()`, `new Date()`, `Date()`), leaving every other use
 * of `Date` (parsing, explicit times, `instanceof`) unchanged.
 */
export const SHIFTED_DATE_SOURCE = `
function installShiftedDate(offsetBuffer) {
  const slot = new BigInt64Array(offsetBuffer);
  const RealDate = Date;
  const shiftedNow = () => RealDate.now() + Number(Atomics.load(slot, 0));
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(shiftedNow());
      else super(...args);
    }
    static now() {
      return shiftedNow();
    }
  }
  globalThis.Date = new Proxy(ShiftedDate, {
    apply: () => new RealDate(shiftedNow()).toString(),
  });
}
`;
