import {
  atExpressionToEpochMs,
  ScheduleExpressionError,
  zoneOffsetMs,
} from '../../../lib/local/schedule-expression';

describe('at() schedule expressions', () => {
  it.each([
    ['at(2027-01-15T00:00:00)', undefined, '2027-01-15T00:00:00.000Z'],
    ['at(2027-01-15T00:00:00)', 'UTC', '2027-01-15T00:00:00.000Z'],
    // Việt Nam is UTC+7 all year: midnight there is 17:00 the day before in UTC.
    ['at(2027-01-15T00:00:00)', 'Asia/Ho_Chi_Minh', '2027-01-14T17:00:00.000Z'],
    ['at(2026-12-31T23:59:59)', 'Asia/Ho_Chi_Minh', '2026-12-31T16:59:59.000Z'],
    // A zone with daylight saving time: the offset of that date, not of today.
    ['at(2026-07-01T12:00:00)', 'Europe/Berlin', '2026-07-01T10:00:00.000Z'],
    ['at(2026-01-01T12:00:00)', 'Europe/Berlin', '2026-01-01T11:00:00.000Z'],
  ])('%s in %s fires at %s', (expression, zone, expected) => {
    expect(new Date(atExpressionToEpochMs(expression, zone)).toISOString()).toBe(expected);
  });

  it.each([
    ['rate(5 minutes)'],
    ['cron(0 9 * * ? *)'],
    ['at(2027-02-30T00:00:00)'],
    ['at(2027-01-15T24:00:00)'],
    ['at(2027-01-15 00:00:00)'],
  ])('refuses %s', (expression) => {
    expect(() => atExpressionToEpochMs(expression, 'UTC')).toThrow(ScheduleExpressionError);
  });

  it('refuses an unknown time zone', () => {
    expect(() => zoneOffsetMs(0, 'Mars/Olympus_Mons')).toThrow(ScheduleExpressionError);
  });
});
