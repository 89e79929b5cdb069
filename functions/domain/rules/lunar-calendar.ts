import { refuse } from '../refusal';
import { formatIsoDate, type IsoDate } from './calendar-date';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically with Hồ Ngọc Đức's
 * algorithm (Jean Meeus' new-moon and solar-longitude series).
 *
 * Why compute rather than tabulate: Tết and Giỗ Tổ move every year and the holiday calendar must
 * keep working for years nobody typed in. Why UTC+7: a month starts on the day of the new moon
 * *in Vietnam*, and the Chinese calendar (UTC+8) sometimes puts it on the next day — Tết 1985 and
 * Tết 2007 fell a day (or a month) apart in the two countries.
 */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  /** True inside the intercalary month (tháng nhuận) that repeats `month`. */
  leap: boolean;
}

const VIETNAM_TIME_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01, the epoch of the new-moon series. */
const NEW_MOON_EPOCH = 2415021.076998695;
const RAD = Math.PI / 180;

function julianDayFromDate(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const gregorian =
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045;
  if (gregorian >= 2299161) return gregorian;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
}

function dateFromJulianDay(jd: number): IsoDate {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return formatIsoDate({
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: b * 100 + d - 4800 + Math.floor(m / 10),
  });
}

/** Julian date (fractional, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * RAD);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * RAD) + 0.0021 * Math.sin(2 * RAD * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * RAD) + 0.0161 * Math.sin(RAD * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(RAD * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(RAD * 2 * F) - 0.0051 * Math.sin(RAD * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(RAD * (M - Mpr)) + 0.0004 * Math.sin(RAD * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(RAD * (2 * F - M)) - 0.0006 * Math.sin(RAD * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(RAD * (2 * F - Mpr)) + 0.0005 * Math.sin(RAD * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + c1 - deltaT;
}

/** Julian day number of the local (UTC+7) day on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + VIETNAM_TIME_ZONE_HOURS / 24);
}

/** Apparent solar longitude in radians, at a Julian date. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(RAD * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(RAD * 2 * M) + 0.00029 * Math.sin(RAD * 3 * M);
  const L = (L0 + DL) * RAD;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/** Which of the 12 major solar terms (0..11, 30° each) the sun is in at the start of a local day. */
function solarTermAt(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - VIETNAM_TIME_ZONE_HOURS / 24) / Math.PI) * 6);
}

/**
 * Start of the 11th lunar month of a Gregorian year: the month containing the winter solstice,
 * which anchors the count of every other month.
 */
function eleventhMonthStart(year: number): number {
  const offset = julianDayFromDate(31, 12, year) - 2415021;
  const k = Math.floor(offset / SYNODIC_MONTH);
  const start = newMoonDay(k);
  return solarTermAt(start) >= 9 ? newMoonDay(k - 1) : start;
}

/**
 * In a 13-month year the leap month is the first one without a major solar term; returns its
 * position counted from the 11th month.
 */
function leapMonthOffset(eleventhStart: number): number {
  const k = Math.floor((eleventhStart - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let term = solarTermAt(newMoonDay(k + i));
  let last: number;
  do {
    last = term;
    i++;
    term = solarTermAt(newMoonDay(k + i));
  } while (term !== last && i < 14);
  return i - 1;
}

function invalidLunarDate(lunar: LunarDate, why: string, whyEn: string): never {
  const label = `${lunar.day}/${lunar.month}${lunar.leap ? ' nhuận' : ''}/${lunar.year}`;
  return refuse('invalid', {
    code: 'LUNAR_DATE_INVALID',
    message: `Ngày âm lịch ${label} không tồn tại: ${why}`,
    message_en: `Lunar date ${label} does not exist: ${whyEn}`,
    field: 'lunarDate',
    details: { ...lunar },
  });
}

/** Julian day numbers of the first day of the lunar month and of the month after it. */
function lunarMonthBounds(lunar: LunarDate): { start: number; next: number } {
  const { year, month, leap } = lunar;
  const [a11, b11] =
    month < 11
      ? [eleventhMonthStart(year - 1), eleventhMonthStart(year)]
      : [eleventhMonthStart(year), eleventhMonthStart(year + 1)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  const hasLeapMonth = b11 - a11 > 365;
  if (hasLeapMonth) {
    const leapOffset = leapMonthOffset(a11);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) {
      invalidLunarDate(
        lunar,
        `năm ${year} nhuận tháng ${leapMonth}`,
        `the leap month of ${year} is ${leapMonth}`,
      );
    }
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    invalidLunarDate(lunar, `năm ${year} không có tháng nhuận`, `${year} has no leap month`);
  }
  return { start: newMoonDay(k + offset), next: newMoonDay(k + offset + 1) };
}

export function lunarToGregorian(lunar: LunarDate): IsoDate {
  const { year, month, day } = lunar;
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    invalidLunarDate(lunar, 'tháng phải từ 1 đến 12', 'month must be 1 to 12');
  }
  const { start, next } = lunarMonthBounds(lunar);
  if (!Number.isInteger(day) || day < 1 || day > next - start) {
    invalidLunarDate(
      lunar,
      `tháng này có ${next - start} ngày`,
      `this month has ${next - start} days`,
    );
  }
  return dateFromJulianDay(start + day - 1);
}

/** Mùng 1 Tết of a lunar year, which always falls in the Gregorian year of the same number. */
export function tetNguyenDan(lunarYear: number): IsoDate {
  return lunarToGregorian({ year: lunarYear, month: 1, day: 1, leap: false });
}

/** Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month. */
export function gioToHungVuong(lunarYear: number): IsoDate {
  return lunarToGregorian({ year: lunarYear, month: 3, day: 10, leap: false });
}
