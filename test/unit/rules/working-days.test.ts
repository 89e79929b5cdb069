import { createCalendar, VIETNAM_CALENDAR } from '../../../functions/domain/rules/working-days';
import { daysOffInYear, defaultTetDays } from '../../../functions/domain/rules/holidays';
import { refusalOf } from './refusal-of';

const { isWorkingDay, addWorkingDays, workingDaysBetween } = VIETNAM_CALENDAR;

describe('Vietnamese working days', () => {
  it.each([
    // weekends
    ['2025-03-08', false],
    ['2025-03-09', false],
    ['2025-03-10', true],
    // Tết 2025: break 25/1–2/2, Monday 27/1 swapped against Saturday 8/2
    ['2025-01-24', true],
    ['2025-01-27', false],
    ['2025-01-29', false],
    ['2025-01-31', false],
    ['2025-02-03', true],
    ['2025-02-08', true],
    ['2025-02-09', false],
    // Tết 2026: break 14/2–22/2
    ['2026-02-13', true],
    ['2026-02-16', false],
    ['2026-02-20', false],
    ['2026-02-23', true],
    // 1 January, Giỗ Tổ, 30/4, 1/5, 2/9 and its adjacent day
    ['2025-01-01', false],
    ['2025-04-07', false],
    ['2024-04-18', false],
    ['2025-04-30', false],
    ['2025-05-01', false],
    ['2025-05-02', false], // swapped against Saturday 26/4
    ['2025-04-26', true],
    ['2024-04-29', false], // swapped against Saturday 4/5
    ['2024-05-04', true],
    ['2025-09-01', false],
    ['2025-09-02', false],
    ['2025-09-03', true],
    ['2024-09-03', false],
    ['2021-09-03', false],
    // compensation for a holiday on a weekend (Art. 112 khoản 3)
    ['2022-01-03', false], // 1/1/2022 was a Saturday
    ['2023-01-02', false], // 1/1/2023 was a Sunday
    ['2022-04-11', false], // Giỗ Tổ 10/4/2022 was a Sunday
    ['2022-05-02', false], // 30/4 Saturday
    ['2022-05-03', false], // 1/5 Sunday
    ['2022-05-04', true],
    ['2023-05-02', false], // Giỗ Tổ Saturday 29/4/2023 (1/5 Monday is itself a holiday)
    ['2023-05-03', false], // 30/4/2023 Sunday
    ['2023-05-04', true],
    ['2023-09-04', false], // 2/9/2023 Saturday
    ['2026-04-27', false], // Giỗ Tổ 26/4/2026 Sunday
    ['2026-04-28', true],
  ])('%s is a working day: %s', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it.each([
    ['2025-08-29', 3, '2025-09-05'], // across 1–2 September 2025
    ['2024-08-30', 1, '2024-09-04'], // 2–3 September 2024
    ['2023-08-31', 1, '2023-09-05'], // 1–2 September 2023 and Monday 4/9 in lieu
    ['2025-01-24', 1, '2025-02-03'], // across Tết 2025
    ['2025-01-24', 6, '2025-02-08'], // the make-up Saturday counts
    ['2026-02-13', 1, '2026-02-23'], // across Tết 2026
    ['2025-03-07', 1, '2025-03-10'], // a weekend
    ['2025-03-07', 5, '2025-03-14'],
    ['2025-03-08', 1, '2025-03-10'], // from a weekend day: counting starts the next working day
    ['2025-03-07', 0, '2025-03-07'],
  ])('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it.each([
    ['2025-03-07', '2025-03-14', 5],
    ['2025-03-14', '2025-03-07', -5],
    ['2025-03-07', '2025-03-07', 0],
    ['2025-01-24', '2025-02-03', 1],
    ['2025-08-29', '2025-09-05', 3],
    ['2025-12-31', '2026-12-31', 250], // 261 weekdays less 11 days off
  ])('workingDaysBetween(%s, %s) = %i', (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });

  it('keeps addWorkingDays and workingDaysBetween consistent', () => {
    for (const n of [0, 1, 7, 30, 60, 90]) {
      expect(workingDaysBetween('2024-12-20', addWorkingDays('2024-12-20', n))).toBe(n);
    }
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses %p working days', (n) => {
    expect(refusalOf(() => addWorkingDays('2025-03-07', n)).body.code).toBe(
      'WORKING_DAYS_COUNT_INVALID',
    );
  });

  it('refuses a date that does not exist', () => {
    expect(refusalOf(() => isWorkingDay('2025-02-29')).body.code).toBe('DATE_INVALID');
  });

  it('explains why a day is off', () => {
    expect(VIETNAM_CALENDAR.dayOff('2022-01-03')).toMatchObject({ kind: 'COMPENSATION' });
    expect(VIETNAM_CALENDAR.dayOff('2025-04-07')).toMatchObject({ kind: 'HUNG_KINGS' });
    expect(VIETNAM_CALENDAR.dayOff('2025-03-10')).toBeUndefined();
  });
});

describe('statutory defaults for a year without a decision', () => {
  it.each([
    [2027, ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09']],
    [2026, ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']],
  ])('Tết %i: last day of the lunar year and mùng 1–4', (year, days) => {
    expect(defaultTetDays(year)).toEqual(days);
  });

  it('gives Tết 2027 days on the weekend in lieu on the next working days', () => {
    const off = daysOffInYear(2027).map((d) => d.date);
    expect(off).toEqual(expect.arrayContaining(['2027-02-10', '2027-02-11']));
    expect(addWorkingDays('2027-02-04', 1)).toBe('2027-02-12');
  });

  it('derives Tết 2026 from the lunar calendar as the decision did', () => {
    const calendar = createCalendar({ 2026: {} });
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
  });

  it('pairs 2 September with the day that joins a weekend', () => {
    const calendar = createCalendar({ 2024: {}, 2025: {} });
    expect(calendar.isWorkingDay('2024-09-03')).toBe(false); // 2/9 Monday → 3/9
    expect(calendar.isWorkingDay('2025-09-01')).toBe(false); // 2/9 Tuesday → 1/9
  });
});

describe('deployment overrides', () => {
  it('replaces a whole year', () => {
    const calendar = createCalendar({ 2025: {} });
    // No swap: Saturday 26/4 is a weekend again and Friday 2/5 a working day.
    expect(calendar.isWorkingDay('2025-04-26')).toBe(false);
    expect(calendar.isWorkingDay('2025-05-02')).toBe(true);
    // Default Tết 2025: 28/1–1/2, mùng 4 on Saturday 1/2 is made up on Monday 3/2.
    expect(calendar.isWorkingDay('2025-01-27')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(false);
    // The built-in calendar is unaffected.
    expect(isWorkingDay('2025-04-26')).toBe(true);
  });

  it('adds a swap the built-in data does not know', () => {
    const calendar = createCalendar({
      2026: { swappedDaysOff: ['2026-01-02'], makeUpWorkingDays: ['2026-01-10'] },
    });
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
    expect(isWorkingDay('2026-01-02')).toBe(true);
  });
});
