import { refuse } from '../refusal';
import {
  addMonths,
  compareDates,
  type IsoDate,
  parseIsoDate,
  vietnameseDate,
} from './calendar-date';

/**
 * Dates that record what already happened. "Today" is the calendar day in Vietnam on the business
 * clock (see vietnam-time.ts); nothing recorded may have happened after it, and a person's birth
 * lies within a lifetime of it.
 */

/** The oldest plausible candidate; anything older is a typing mistake (a year 0000, 1025…). */
const OLDEST_PLAUSIBLE_AGE_YEARS = 120;

export interface DatedField {
  /** Where the date stands in the request, e.g. `payload.meetingDate`. */
  field: string;
  date: IsoDate;
}

/** An event date after today in Vietnam: a typo (2027 for 2025) or a plan, never a record. */
function refuseFutureDate({ field, date }: DatedField, today: IsoDate): never {
  return refuse('invalid', {
    code: 'DATE_IN_FUTURE',
    message: `${field}: ngày ${vietnameseDate(date)} sau ngày hôm nay (${vietnameseDate(today)}, giờ Việt Nam); chỉ ghi nhận việc đã diễn ra`,
    message_en: `${field}: ${date} is after today (${today}, Vietnam time); only what has happened can be recorded`,
    field,
    details: { date, today },
  });
}

export function checkNotInFuture(dates: readonly DatedField[], today: IsoDate): void {
  const late = dates.find((d) => compareDates(d.date, today) > 0);
  if (late) refuseFutureDate(late, today);
}

/** The earliest date of birth accepted on `today`. */
function earliestPlausibleBirth(today: IsoDate): IsoDate {
  return addMonths(today, -12 * OLDEST_PLAUSIBLE_AGE_YEARS);
}

/**
 * A date of birth is a calendar date, not after today and not more than 120 years before it
 * (refused with the field at fault, never as a warning: the age rules need a real date).
 */
export function checkDateOfBirth(dateOfBirth: IsoDate, today: IsoDate, field = 'dateOfBirth') {
  parseIsoDate(dateOfBirth, field);
  const earliest = earliestPlausibleBirth(today);
  if (compareDates(dateOfBirth, today) > 0) {
    return refuse('invalid', {
      code: 'DATE_OF_BIRTH_IN_FUTURE',
      message: `Ngày sinh ${vietnameseDate(dateOfBirth)} sau ngày hôm nay (${vietnameseDate(today)}, giờ Việt Nam)`,
      message_en: `The date of birth ${dateOfBirth} is after today (${today}, Vietnam time)`,
      field,
      details: { today },
    });
  }
  if (compareDates(dateOfBirth, earliest) < 0) {
    return refuse('invalid', {
      code: 'DATE_OF_BIRTH_IMPLAUSIBLE',
      message: `Ngày sinh ${vietnameseDate(dateOfBirth)} trước ${vietnameseDate(earliest)} (quá ${OLDEST_PLAUSIBLE_AGE_YEARS} tuổi): kiểm tra lại năm sinh`,
      message_en: `The date of birth ${dateOfBirth} is before ${earliest} (over ${OLDEST_PLAUSIBLE_AGE_YEARS} years old): check the year`,
      field,
      details: { earliest, today },
    });
  }
}

/** A step dated before the step it follows: the procedure's acts happen in order. */
export function refuseDateBeforePrevious(
  field: string,
  date: IsoDate,
  before: IsoDate,
  what: { vi: string; en: string },
  details: Record<string, unknown> = {},
): never {
  return refuse('rule', {
    code: 'DATE_BEFORE_PREVIOUS_STEP',
    message: `Ngày ${vietnameseDate(date)} trước ${what.vi} (${vietnameseDate(before)})`,
    message_en: `${date} is before ${what.en} (${before})`,
    field,
    details: { date, previous: before, ...details },
  });
}
