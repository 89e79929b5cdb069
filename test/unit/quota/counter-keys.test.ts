import {
  countersEarnedBy,
  reversalOf,
  sumCounters,
  vietnamMonthOf,
} from '../../../functions/domain/quota/counter-keys';

const PATH = ['hn', 'hn-thanhtri', 'tt-kdn', 'tt-kdn-cell1'];

describe('counters a transition earns', () => {
  it.each([
    [null, 'NOMINATED', 'NOMINATED'],
    ['AWARENESS_CLASS', 'APPLICATION', 'TRAINED'],
    ['CEREMONY', 'ADMITTED', 'ADMITTED'],
    ['RECOGNITION_DECISION', 'OFFICIAL', 'OFFICIAL'],
  ] as const)(
    '%s → %s earns %s for the unit and every ancestor but the top',
    (from, to, metric) => {
      // The top-level committee keeps no ledger: its figures are its children's sum.
      expect(countersEarnedBy(from, to, '2025-03-15', PATH)).toEqual(
        PATH.slice(1).map((unitId) => ({ unitId, metric, month: '2025-03', delta: 1 })),
      );
    },
  );

  it.each([
    ['NOMINATED', 'AWARENESS_CLASS'],
    ['AWARENESS_CLASS', 'AWARENESS_CLASS'], // failed the class
    ['AWARENESS_CLASS', 'WITHDRAWN'],
    ['CELL_RESOLUTION', 'REJECTED'],
    ['ADMISSION_DECISION', 'CEREMONY'],
    ['CEREMONY', 'WITHDRAWN'],
    [null, 'APPLICATION'],
  ] as const)('%s → %s earns nothing', (from, to) => {
    expect(countersEarnedBy(from, to, '2025-03-15', PATH)).toEqual([]);
  });

  it('counts a unit once even if the path repeats it', () => {
    expect(
      countersEarnedBy('CEREMONY', 'ADMITTED', '2025-03-15', ['top', 'a', 'b', 'b']),
    ).toHaveLength(2);
  });

  it('needs the unit path when something is earned', () => {
    expect(() => countersEarnedBy('CEREMONY', 'ADMITTED', '2025-03-15', [])).toThrow();
  });

  it('reverses a corrected transition in the month it was counted', () => {
    expect(
      reversalOf('CEREMONY', 'ADMITTED', '2025-01-31T20:00:00Z', ['hn', 'hn-dongda', 'dd-kdn']),
    ).toEqual([
      { unitId: 'hn-dongda', metric: 'ADMITTED', month: '2025-02', delta: -1 },
      { unitId: 'dd-kdn', metric: 'ADMITTED', month: '2025-02', delta: -1 },
    ]);
    expect(reversalOf('NOMINATED', 'AWARENESS_CLASS', '2025-01-31', PATH)).toEqual([]);
  });
});

describe('the month in Vietnam (UTC+7)', () => {
  it.each([
    ['2025-03-31', '2025-03'],
    ['2025-03-31T16:59:59Z', '2025-03'],
    ['2025-03-31T17:00:00Z', '2025-04'],
    ['2025-03-31T18:00:00.123Z', '2025-04'],
    ['2024-12-31T17:00:00Z', '2025-01'],
    ['2025-04-01T00:30:00+07:00', '2025-04'],
    ['2025-04-01T06:59:00+07:00', '2025-04'],
  ])('%s is in %s', (date, month) => {
    expect(vietnamMonthOf(date)).toBe(month);
  });

  it.each(['2025-02-30', '2025-03-31T17:00:00', 'yesterday', '2025-3-1'])('refuses %p', (date) => {
    expect(() => vietnamMonthOf(date)).toThrow();
  });
});

describe('the total of a period', () => {
  it.each([
    ['2025-Q1', 6],
    ['2025-Q2', 4],
    ['2025-H1', 10],
    ['2025', 13],
    ['2024', 5],
    ['TERM-2020-2025', 18],
    ['2026-Q1', 0],
  ])('sums the months of %s: %i', (period, total) => {
    const monthly = { '2024-12': 5, '2025-01': 2, '2025-03': 4, '2025-04': 4, '2025-11': 3 };
    expect(sumCounters(monthly, period)).toBe(total);
    expect(
      sumCounters(
        Object.entries(monthly).map(([month, count]) => ({ month, count })),
        period,
      ),
    ).toBe(total);
  });

  it('nets corrections', () => {
    const earned = countersEarnedBy('CEREMONY', 'ADMITTED', '2025-05-02', PATH);
    const reversed = reversalOf('CEREMONY', 'ADMITTED', '2025-05-02', PATH);
    const byMonth: Record<string, number> = {};
    for (const c of [...earned, ...earned, ...reversed].filter((c) => c.unitId === 'hn-thanhtri')) {
      byMonth[c.month] = (byMonth[c.month] ?? 0) + c.delta;
    }
    expect(sumCounters(byMonth, '2025-Q2')).toBe(1);
  });
});
