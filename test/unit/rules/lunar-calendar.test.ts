import { addDays, compareDates } from '../../../functions/domain/rules/calendar-date';
import {
  gioToHungVuong,
  lunarToGregorian,
  tetNguyenDan,
} from '../../../functions/domain/rules/lunar-calendar';
import { refusalOf } from './refusal-of';

/** Leap months of the lunar years 2020–2030 (the years without one are absent). */
const LEAP_MONTHS: Record<number, number> = { 2020: 4, 2023: 2, 2025: 6, 2028: 5 };

describe('Vietnamese lunar calendar', () => {
  it.each([
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
  ])('Tết %i falls on %s', (year, date) => {
    expect(tetNguyenDan(year)).toBe(date);
  });

  it.each([
    [2021, '2021-04-21'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ 10/3 of %i falls on %s', (year, date) => {
    expect(gioToHungVuong(year)).toBe(date);
  });

  // New moons near midnight between UTC+7 and UTC+8: Vietnam and China kept Tết on different days.
  it.each([
    [1985, '1985-01-21'],
    [2007, '2007-02-17'],
  ])('uses Vietnamese time: Tết %i on %s, unlike the Chinese calendar', (year, date) => {
    expect(tetNguyenDan(year)).toBe(date);
  });

  it.each([
    [{ year: 2025, month: 7, day: 15, leap: false }, '2025-09-06'], // Vu Lan, after leap month 6
    [{ year: 2025, month: 8, day: 15, leap: false }, '2025-10-06'], // Trung thu
    [{ year: 2024, month: 8, day: 15, leap: false }, '2024-09-17'],
    [{ year: 2025, month: 6, day: 1, leap: true }, '2025-07-25'],
    [{ year: 2023, month: 12, day: 30, leap: false }, '2024-02-09'], // 30 Tết Giáp Thìn
  ])('converts %o to %s', (lunar, date) => {
    expect(lunarToGregorian(lunar)).toBe(date);
  });

  it.each([
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2028, 5],
    [2033, 11],
    [2024, undefined],
    [2026, undefined],
  ])('lunar year %i has leap month %s', (year, month) => {
    for (let m = 1; m <= 12; m++) {
      const leapMonthStart = () => lunarToGregorian({ year, month: m, day: 1, leap: true });
      if (m === month) expect(leapMonthStart).not.toThrow();
      else expect(leapMonthStart).toThrow(/LUNAR_DATE_INVALID|does not exist/);
    }
  });

  it.each([
    [{ year: 2025, month: 5, day: 1, leap: true }, 'the leap month of 2025 is 6'],
    [{ year: 2024, month: 4, day: 1, leap: true }, '2024 has no leap month'],
    [{ year: 2024, month: 12, day: 30, leap: false }, 'this month has 29 days'],
    [{ year: 2024, month: 13, day: 1, leap: false }, 'month must be 1 to 12'],
  ])('refuses the lunar date %o that does not exist', (lunar, why) => {
    const refusal = refusalOf(() => lunarToGregorian(lunar));
    expect(refusal.body.code).toBe('LUNAR_DATE_INVALID');
    expect(refusal.body.message_en).toContain(why);
  });

  it('tiles every day from 2020 to 2030 with months of 29 or 30 days, leap months included', () => {
    let expected = lunarToGregorian({ year: 2020, month: 1, day: 1, leap: false });
    for (let year = 2020; year <= 2030; year++) {
      for (let month = 1; month <= 12; month++) {
        for (const leap of [false, true]) {
          if (leap && month !== LEAP_MONTHS[year]) continue;
          const start = lunarToGregorian({ year, month, day: 1, leap });
          expect([year, month, leap, start]).toEqual([year, month, leap, expected]);
          const last30 = () => lunarToGregorian({ year, month, day: 30, leap });
          const days = (() => {
            try {
              last30();
              return 30;
            } catch {
              return 29;
            }
          })();
          expect(lunarToGregorian({ year, month, day: days, leap })).toBe(addDays(start, days - 1));
          expected = addDays(start, days);
        }
      }
    }
  });

  it('always puts Tết between 21 January and 20 February', () => {
    for (let year = 1990; year <= 2060; year++) {
      const tet = tetNguyenDan(year);
      expect(compareDates(tet, `${year}-01-21`)).toBeGreaterThanOrEqual(0);
      expect(compareDates(tet, `${year}-02-20`)).toBeLessThanOrEqual(0);
    }
  });
});
