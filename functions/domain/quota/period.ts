import { dayNumber, daysInMonth, formatIsoDate, type IsoDate } from '../rules/calendar-date';

/**
 * Reporting periods of the quota reports (docs/admission-rules.md, "Quotas"): quarter, six months,
 * year and party congress term.
 *
 * | id               | period                                   |
 * | ---------------- | ---------------------------------------- |
 * | `2025-Q1`        | 2025-01-01 .. 2025-03-31 (Q1..Q4)        |
 * | `2025-H1`        | 2025-01-01 .. 2025-06-30 (H1, H2)        |
 * | `2025`           | 2025-01-01 .. 2025-12-31                 |
 * | `TERM-2020-2025` | 2020-01-01 .. 2025-12-31 (see below)     |
 *
 * **Congress terms.** A term runs from one party congress to the next, and congresses are held
 * in years divisible by 5 (2015, 2020, 2025, …). The term "2020–2025" is taken here as **from
 * the first day of its first year to the last day of its last year, inclusive: 2020-01-01 ..
 * 2025-12-31** (six calendar years). So consecutive terms overlap in the congress year, and a
 * date in 2025 belongs to both `TERM-2020-2025` and `TERM-2025-2030`: what is done in 2025 before
 * and around the congress is reported against the term that closes as well as the term that
 * opens, which is how the closing term's final report and the new term's first report both
 * count it. A term id must start in a year divisible by 5 and span exactly five years.
 *
 * Every period begins on the first day of a month and ends on the last day of a month, so a
 * period is exactly a run of whole months: the quota report sums monthly counters.
 *
 * All dates are `YYYY-MM-DD` calendar days in Vietnam (see `rules/calendar-date.ts`).
 */
export type PeriodId = string;

type PeriodKind = 'QUARTER' | 'HALF' | 'YEAR' | 'TERM';

export interface Period {
  id: PeriodId;
  kind: PeriodKind;
  /** First year of the period (the only year unless `kind` is `TERM`). */
  year: number;
  /** 1..4 for a quarter, 1..2 for a half, absent otherwise. */
  index?: number;
  /** Last year: equals `year` except for a term. */
  endYear: number;
}

export interface PeriodRange {
  /** First day, inclusive. */
  from: IsoDate;
  /** Last day, inclusive. */
  to: IsoDate;
}

/** An exact share: `num / den`, 0 ≤ num ≤ den, den > 0. */
export interface Fraction {
  num: number;
  den: number;
}

const TERM_YEARS = 5;
const MIN_YEAR = 1930; // the Party's founding year: nothing is reported before it
const MAX_YEAR = 9999;

const PERIOD_ID = /^(?:(\d{4})-Q([1-4])|(\d{4})-H([12])|(\d{4})|TERM-(\d{4})-(\d{4}))$/;

class PeriodError extends Error {
  readonly name = 'PeriodError';
}

function checkYear(year: number, id: string): number {
  if (year < MIN_YEAR || year > MAX_YEAR) throw new PeriodError(`Year out of range in "${id}"`);
  return year;
}

/** Parses a period id, or returns `undefined` when it is not one. */
export function tryParsePeriod(id: string): Period | undefined {
  try {
    return parsePeriod(id);
  } catch {
    return undefined;
  }
}

/** Parses a period id; throws `PeriodError` when it is not one. */
export function parsePeriod(id: string): Period {
  const m = PERIOD_ID.exec(id);
  if (!m)
    throw new PeriodError(`Not a period id: "${id}" (2025-Q1, 2025-H1, 2025, TERM-2020-2025)`);
  if (m[1]) {
    const year = checkYear(+m[1], id);
    return { id, kind: 'QUARTER', year, index: +m[2], endYear: year };
  }
  if (m[3]) {
    const year = checkYear(+m[3], id);
    return { id, kind: 'HALF', year, index: +m[4], endYear: year };
  }
  if (m[5]) {
    const year = checkYear(+m[5], id);
    return { id, kind: 'YEAR', year, endYear: year };
  }
  const year = checkYear(+m[6], id);
  const endYear = checkYear(+m[7], id);
  if (year % TERM_YEARS !== 0 || endYear !== year + TERM_YEARS) {
    throw new PeriodError(
      `Not a congress term: "${id}" (a term starts in a year divisible by 5 and ends 5 years later)`,
    );
  }
  return { id, kind: 'TERM', year, endYear };
}

export function isPeriodId(id: string): boolean {
  return tryParsePeriod(id) !== undefined;
}

function monthsOfPeriod(period: Period): { first: number; last: number } {
  switch (period.kind) {
    case 'QUARTER':
      return { first: (period.index! - 1) * 3 + 1, last: period.index! * 3 };
    case 'HALF':
      return { first: (period.index! - 1) * 6 + 1, last: period.index! * 6 };
    default:
      return { first: 1, last: 12 };
  }
}

/** First and last day (both inclusive) of a period. */
export function periodRange(id: PeriodId): PeriodRange {
  const period = parsePeriod(id);
  const { first, last } = monthsOfPeriod(period);
  return {
    from: formatIsoDate({ year: period.year, month: first, day: 1 }),
    to: formatIsoDate({
      year: period.endYear,
      month: last,
      day: daysInMonth(period.endYear, last),
    }),
  };
}

/** The months of a period, `YYYY-MM`, in order: the sort keys of its monthly counters. */
export function monthsIn(id: PeriodId): string[] {
  const period = parsePeriod(id);
  const { first, last } = monthsOfPeriod(period);
  const months: string[] = [];
  for (let index = period.year * 12 + first - 1; index <= period.endYear * 12 + last - 1; index++) {
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** Length of a period in days. */
function periodDays(id: PeriodId): number {
  const { from, to } = periodRange(id);
  return dayNumber(to) - dayNumber(from) + 1;
}

/**
 * How much of the period has gone by on `today`, as an exact fraction of days: `today` counts as
 * elapsed (a report written on 30/06 covers the whole first half). Before the period: 0/den;
 * after it: den/den. The denominator is the period's length in days (not reduced).
 */
export function elapsedShare(id: PeriodId, today: IsoDate): Fraction {
  const { from } = periodRange(id);
  const den = periodDays(id);
  const elapsed = dayNumber(today) - dayNumber(from) + 1;
  return { num: Math.min(Math.max(elapsed, 0), den), den };
}
