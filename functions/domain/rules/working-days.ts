import { refuse } from '../refusal';
import { addDays, compareDates, type IsoDate, isWeekend, parseIsoDate } from './calendar-date';
import { type DayOff, daysOffInYear, type HolidayData, VIETNAM_HOLIDAY_DATA } from './holidays';

/**
 * Vietnamese working days: Monday to Friday, less the holidays, compensation and swapped days of
 * `holidays.ts`, plus the Saturdays declared working days. Deadlines of the procedure ("within
 * 60 working days") are counted on this calendar.
 */
export interface WorkingDayCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /**
   * The n-th working day after `date` (counting starts the next working day, as "within n
   * working days of the resolution" does); n = 0 gives `date` itself.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /**
   * Working days d with from < d ≤ to, so that addWorkingDays(from, workingDaysBetween(from, to))
   * is the last working day not after `to`. Negative when `to` is before `from`.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** Why a date is not worked (weekends are not listed unless a holiday falls on them). */
  dayOff(date: IsoDate): DayOff | undefined;
  daysOffInYear(year: number): DayOff[];
}

interface YearCalendar {
  daysOff: DayOff[];
  byDate: Map<IsoDate, DayOff>;
  makeUpWorkingDays: Set<IsoDate>;
}

/**
 * A calendar from the built-in yearly data, with `overrides` replacing whole years: a deployment
 * that knows better for a year restates that year rather than patching fields of it.
 */
export function createCalendar(overrides: HolidayData = {}): WorkingDayCalendar {
  const data: HolidayData = { ...VIETNAM_HOLIDAY_DATA, ...overrides };
  const years = new Map<number, YearCalendar>();

  function yearCalendar(year: number): YearCalendar {
    let calendar = years.get(year);
    if (!calendar) {
      const yearData = data[year] ?? {};
      const daysOff = daysOffInYear(year, yearData);
      calendar = {
        daysOff,
        byDate: new Map(daysOff.map((d) => [d.date, d])),
        makeUpWorkingDays: new Set(yearData.makeUpWorkingDays ?? []),
      };
      years.set(year, calendar);
    }
    return calendar;
  }

  function dayOff(date: IsoDate): DayOff | undefined {
    return yearCalendar(parseIsoDate(date).year).byDate.get(date);
  }

  function isWorkingDay(date: IsoDate): boolean {
    const year = yearCalendar(parseIsoDate(date).year);
    if (year.byDate.has(date)) return false;
    return !isWeekend(date) || year.makeUpWorkingDays.has(date);
  }

  function addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) {
      return refuse('invalid', {
        code: 'WORKING_DAYS_COUNT_INVALID',
        message: `Số ngày làm việc phải là số nguyên không âm (nhận được ${n})`,
        message_en: `A number of working days must be a non-negative integer (got ${n})`,
        field: 'workingDays',
      });
    }
    let current = date;
    parseIsoDate(current);
    for (let counted = 0; counted < n;) {
      current = addDays(current, 1);
      if (isWorkingDay(current)) counted++;
    }
    return current;
  }

  function workingDaysBetween(from: IsoDate, to: IsoDate): number {
    if (compareDates(to, from) < 0) return -workingDaysBetween(to, from);
    let count = 0;
    for (let d = addDays(from, 1); compareDates(d, to) <= 0; d = addDays(d, 1)) {
      if (isWorkingDay(d)) count++;
    }
    return count;
  }

  return {
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    dayOff,
    daysOffInYear: (year) => [...yearCalendar(year).daysOff],
  };
}

/** The calendar of the built-in data, for callers without deployment overrides. */
export const VIETNAM_CALENDAR: WorkingDayCalendar = createCalendar();
