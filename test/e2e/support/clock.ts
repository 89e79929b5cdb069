import type { RuntimeEndpoints } from './runtime-process';

export type ClockMove = { advanceDays: number } | { advanceMs: number } | { to: string };

export interface ClockReading {
  now: string;
  offsetMs: number;
}

/**
 * Moves the local runtime's business clock forward (`POST /local/clock`). It answers once every
 * timeout and schedule that fell due has fired and the workflows have settled.
 */
export async function moveClock(
  runtime: Pick<RuntimeEndpoints, 'url'>,
  move: ClockMove,
): Promise<ClockReading> {
  const response = await fetch(`${runtime.url}/local/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(move),
  });
  if (response.status !== 200) {
    throw new Error(
      `Clock move ${JSON.stringify(move)}: ${response.status} ${await response.text()}`,
    );
  }
  return (await response.json()) as ClockReading;
}

export async function readClock(runtime: Pick<RuntimeEndpoints, 'url'>): Promise<ClockReading> {
  const response = await fetch(`${runtime.url}/local/clock`);
  return (await response.json()) as ClockReading;
}
