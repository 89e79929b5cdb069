import {
  elapsedShare,
  isPeriodId,
  monthsIn,
  parsePeriod,
  periodRange,
} from '../../../functions/domain/quota/period';

describe('periods', () => {
  it.each([
    ['2025-Q1', '2025-01-01', '2025-03-31'],
    ['2025-Q2', '2025-04-01', '2025-06-30'],
    ['2025-Q3', '2025-07-01', '2025-09-30'],
    ['2025-Q4', '2025-10-01', '2025-12-31'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2021-H1', '2021-01-01', '2021-06-30'],
    ['2021-H2', '2021-07-01', '2021-12-31'],
    ['2024', '2024-01-01', '2024-12-31'],
    // A congress term: first day of its first year to last day of its last year.
    ['TERM-2020-2025', '2020-01-01', '2025-12-31'],
    ['TERM-2025-2030', '2025-01-01', '2030-12-31'],
  ])('%s runs %s..%s', (id, from, to) => {
    expect(periodRange(id)).toEqual({ from, to });
  });

  it.each([
    '2025-Q5',
    '2025-Q0',
    '2025-H3',
    '25',
    '2025-1',
    'TERM-2020-2024',
    'TERM-2021-2026',
    'TERM-2020',
    '2025-q1',
    ' 2025',
    '1900',
    '',
  ])('%p is not a period', (id) => {
    expect(isPeriodId(id)).toBe(false);
    expect(() => parsePeriod(id)).toThrow();
  });

  it('lists the months of a period', () => {
    expect(monthsIn('2025-Q1')).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(monthsIn('2025-H2')).toEqual([
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    expect(monthsIn('2024')).toHaveLength(12);
    const term = monthsIn('TERM-2020-2025');
    expect(term).toHaveLength(72);
    expect([term[0], term[71]]).toEqual(['2020-01', '2025-12']);
  });

  it.each([
    ['2025-Q1', '2024-12-31', 0, 90],
    ['2025-Q1', '2025-01-01', 1, 90],
    ['2025-Q1', '2025-02-14', 45, 90],
    ['2025-Q1', '2025-03-31', 90, 90],
    ['2025-Q1', '2025-06-01', 90, 90],
    ['2024-Q1', '2024-03-01', 61, 91], // leap year
    ['2021-H1', '2021-06-30', 181, 181],
    ['2024', '2024-07-01', 183, 366],
    ['TERM-2020-2025', '2020-12-31', 366, 2192],
  ])('elapsed share of %s on %s is %i/%i days', (id, today, num, den) => {
    expect(elapsedShare(id, today)).toEqual({ num, den });
  });
});
