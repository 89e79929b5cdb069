import {
  addDays,
  addMonths,
  completedMonthsBetween,
  dayNumber,
  dayOfWeek,
  fromDayNumber,
  vietnameseDate,
} from '../../../functions/domain/rules/calendar-date';
import { refusalOf } from './refusal-of';

describe('calendar dates', () => {
  it.each([
    ['1970-01-01', 0],
    ['2000-03-01', 11017],
    ['2025-07-01', 20270],
    ['1969-12-31', -1],
  ])('%s is day %i', (date, n) => {
    expect(dayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  it('agrees with Date.UTC over four centuries, leap days included', () => {
    for (let n = -150_000; n < 150_000; n += 37) {
      expect(fromDayNumber(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it.each([
    ['2025-08-31', 6, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-03-15', -2, '2025-01-15'],
    ['2025-12-15', 1, '2026-01-15'],
  ])('%s + %i months = %s (end-of-month clamping)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2025-01-29', 3],
    ['2025-09-02', 2],
    ['2025-04-26', 6],
    ['2025-04-27', 0],
  ])('%s falls on weekday %i', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });

  it.each([
    ['2024-03-10', '2025-03-09', 11],
    ['2024-03-10', '2025-03-10', 12],
    ['2024-01-31', '2024-02-29', 1],
    ['2024-01-31', '2024-02-28', 0],
  ])('from %s to %s: %i completed months', (from, to, months) => {
    expect(completedMonthsBetween(from, to)).toBe(months);
  });

  it('writes dates the Vietnamese way', () => {
    expect(vietnameseDate('2025-04-07')).toBe('07/04/2025');
  });

  it.each(['2025-02-29', '2025-13-01', '25-01-01', '2025-1-1', ''])('refuses "%s"', (date) => {
    expect(refusalOf(() => dayNumber(date)).body.code).toBe('DATE_INVALID');
  });
});
