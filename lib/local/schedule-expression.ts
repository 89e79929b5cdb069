/**
 * EventBridge Scheduler's one-time expression `at(yyyy-mm-ddThh:mm:ss)`: a wall-clock time in
 * `ScheduleExpressionTimezone` (UTC when absent). Rate and cron expressions are refused: the
 * application only schedules single wake-ups (end of probation), and the runtime's recurring
 * jobs come from the template's EventBridge rules (lib/local/schedules.ts).
 */
const AT_EXPRESSION = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;

export class ScheduleExpressionError extends Error {}

/** Epoch milliseconds at which `at(...)` fires. */
export function atExpressionToEpochMs(expression: string, timeZone = 'UTC'): number {
  const match = AT_EXPRESSION.exec(expression);
  if (!match) {
    throw new ScheduleExpressionError(
      `Only one-time at(yyyy-mm-ddThh:mm:ss) expressions are supported locally, not ${expression}`,
    );
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallClockAsUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23) {
    throw new ScheduleExpressionError(`${expression} is not a valid date and time`);
  }
  // The zone's offset at the guessed instant, then once more at the corrected one (DST edges).
  let epochMs = wallClockAsUtc - zoneOffsetMs(wallClockAsUtc, timeZone);
  epochMs = wallClockAsUtc - zoneOffsetMs(epochMs, timeZone);
  return epochMs;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `epochMs`. */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new ScheduleExpressionError(`Unknown time zone ${timeZone}`);
  }
  const parts = Object.fromEntries(
    format.formatToParts(new Date(epochMs)).map((p) => [p.type, Number(p.value)]),
  );
  const wallClock = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return wallClock - Math.floor(epochMs / 1000) * 1000;
}
