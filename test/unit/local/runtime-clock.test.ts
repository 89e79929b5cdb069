import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  ClockCannotGoBackError,
  createRuntimeClock,
  SHIFTED_DATE_SOURCE,
} from '../../../lib/local/runtime-clock';

const DAY = 24 * 60 * 60 * 1000;

/** What a worker thread with the shifted Date sees, as a Lambda handler would. */
function observeInWorker(offsetBuffer: SharedArrayBuffer): Promise<Record<string, unknown>> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const realNow = Date.now();
    ${SHIFTED_DATE_SOURCE}
    installShiftedDate(workerData.offsetBuffer);
    const made = new Date();
    parentPort.postMessage({
      realNow,
      now: Date.now(),
      constructed: made.getTime(),
      called: Date(),
      explicit: new Date('2025-07-01T00:00:00Z').toISOString(),
      utc: Date.UTC(2025, 6, 1),
      parsed: Date.parse('2025-07-01T00:00:00Z'),
      isDate: made instanceof Date,
      json: JSON.stringify({ at: new Date(0) }),
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { offsetBuffer } });
    worker.once('message', (m) => {
      void worker.terminate();
      resolve(m as Record<string, unknown>);
    });
    worker.once('error', reject);
  });
}

describe('runtime clock', () => {
  it('starts at real time plus the offset and only moves forward', () => {
    const clock = createRuntimeClock({ offsetMs: 10 * DAY });
    expect(Math.abs(clock.now() - (Date.now() + 10 * DAY))).toBeLessThan(1000);
    const before = clock.now();
    clock.advance(365 * DAY);
    expect(clock.now() - before).toBeGreaterThanOrEqual(365 * DAY);
    expect(clock.offsetMs()).toBe(375 * DAY);
    expect(() => clock.advance(-1)).toThrow(ClockCannotGoBackError);
    expect(() => clock.advanceTo(Date.now())).toThrow(ClockCannotGoBackError);
    expect(clock.offsetMs()).toBe(375 * DAY);
    const target = Date.now() + 400 * DAY;
    clock.advanceTo(target);
    expect(Math.abs(clock.now() - target)).toBeLessThan(1000);
  });

  it('keeps its offset across a restart in the same data folder', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-'));
    try {
      createRuntimeClock({ dataDir }).advance(30 * DAY);
      const restarted = createRuntimeClock({ dataDir, offsetMs: 0 });
      expect(restarted.offsetMs()).toBe(30 * DAY);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("shifts a worker thread's notion of now, and nothing else about Date", async () => {
    const clock = createRuntimeClock();
    clock.advance(100 * DAY);
    const seen = await observeInWorker(clock.offsetBuffer);
    const shift = (seen.now as number) - (seen.realNow as number);
    expect(shift).toBeGreaterThanOrEqual(100 * DAY);
    expect(shift).toBeLessThan(100 * DAY + 5000);
    expect((seen.constructed as number) - (seen.realNow as number)).toBeGreaterThanOrEqual(
      100 * DAY,
    );
    expect(Date.parse(seen.called as string)).toBeGreaterThan(Date.now() + 99 * DAY);
    expect(seen.explicit).toBe('2025-07-01T00:00:00.000Z');
    expect(seen.utc).toBe(Date.UTC(2025, 6, 1));
    expect(seen.parsed).toBe(Date.UTC(2025, 6, 1));
    expect(seen.isDate).toBe(true);
    expect(seen.json).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
  });

  it('moves workers that are already running, without a message', async () => {
    const clock = createRuntimeClock();
    const first = await observeInWorker(clock.offsetBuffer);
    expect((first.now as number) - (first.realNow as number)).toBeLessThan(5000);
    clock.advance(7 * DAY);
    const second = await observeInWorker(clock.offsetBuffer);
    expect((second.now as number) - (second.realNow as number)).toBeGreaterThanOrEqual(7 * DAY);
  });
});
