import { addDays, type IsoDate } from './rules/calendar-date';

/**
 * Deadlines are Vietnamese calendar days (UTC+7, no daylight saving): the day an instant falls
 * on there, and the instant a day begins there.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export function vietnamDateOf(instant: Date): IsoDate {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

export function startOfVietnamDay(date: IsoDate): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

/** The end of a calendar day in Vietnam: the first instant of the next day there. */
export function endOfVietnamDay(date: IsoDate): Date {
  return startOfVietnamDay(addDays(date, 1));
}

/** Vietnam wall-clock time of an instant, `YYYY-MM-DDTHH:mm:ss` (an `at()` in Asia/Ho_Chi_Minh). */
export function vietnamWallClock(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19);
}
