import {
  counterKey,
  counterQuery,
  counterTransactUpdate,
  gaugeKey,
  LEDGER_SHARDS,
  LEGACY_SHARD,
  ledgerShard,
  legacyMoveUpdate,
  parseCounterSortKey,
  parseGaugeSortKey,
} from '../../../functions/adapters/quota-ledger-items';
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
  ] as const)('%s → %s earns %s for the unit and every ancestor', (from, to, metric) => {
    expect(countersEarnedBy(from, to, '2025-03-15', PATH)).toEqual(
      PATH.map((unitId) => ({ unitId, metric, month: '2025-03', delta: 1 })),
    );
  });

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
    expect(countersEarnedBy('CEREMONY', 'ADMITTED', '2025-03-15', ['a', 'b', 'b'])).toHaveLength(2);
  });

  it('needs the unit path when something is earned', () => {
    expect(() => countersEarnedBy('CEREMONY', 'ADMITTED', '2025-03-15', [])).toThrow();
  });

  it('reverses a corrected transition in the month it was counted', () => {
    expect(reversalOf('CEREMONY', 'ADMITTED', '2025-01-31T20:00:00Z', ['hn', 'hn-dongda'])).toEqual(
      [
        { unitId: 'hn', metric: 'ADMITTED', month: '2025-02', delta: -1 },
        { unitId: 'hn-dongda', metric: 'ADMITTED', month: '2025-02', delta: -1 },
      ],
    );
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

describe('counter items and the report read', () => {
  it('keys a counter by unit, metric, month and shard', () => {
    expect(counterKey('hn-thanhtri', 'ADMITTED', '2025-03', '07')).toEqual({
      PK: 'CNT#hn-thanhtri#ADMITTED',
      SK: '2025-03#07',
    });
    expect(parseCounterSortKey('2025-03#07')).toEqual({ month: '2025-03', shard: '07' });
    // An item written before sharding: the whole month, no shard.
    expect(parseCounterSortKey('2025-03')).toEqual({ month: '2025-03', shard: undefined });
    expect(gaugeKey('hn', 'CEREMONY', '2025-03', '15').SK).toBe('CEREMONY#2025-03#15');
    expect(parseGaugeSortKey('CEREMONY#2025-03#15')).toEqual({
      stage: 'CEREMONY',
      month: '2025-03',
      shard: '15',
    });
  });

  it('writes a counter shard with ADD inside the transaction', () => {
    const update = counterTransactUpdate(
      'T',
      { unitId: 'hn', metric: 'TRAINED', month: '2025-03', delta: -1 },
      '03',
    ).Update;
    expect(update.Key).toEqual({ PK: 'CNT#hn#TRAINED', SK: '2025-03#03' });
    expect(update.UpdateExpression).toMatch(/^ADD #count :delta/);
    expect(update.ExpressionAttributeValues).toMatchObject({
      ':delta': -1,
      ':month': '2025-03',
      ':shard': '03',
    });
  });

  it('puts a candidate in one stable shard, and spreads candidates over all of them', () => {
    expect(ledgerShard('c0123')).toBe(ledgerShard('c0123'));
    const seen = new Map<string, number>();
    for (let i = 0; i < 16 * LEDGER_SHARDS; i++) {
      const shard = ledgerShard(`c${i}`);
      seen.set(shard, (seen.get(shard) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual(
      Array.from({ length: LEDGER_SHARDS }, (_, i) => String(i).padStart(2, '0')),
    );
    // No shard takes more than three times its share.
    expect(Math.max(...seen.values())).toBeLessThan(48);
  });

  it('reads a period as one range of months per unit and metric, every shard included', () => {
    const q = counterQuery('hn', 'ADMITTED', '2021-H1');
    expect(q).toEqual({ PK: 'CNT#hn#ADMITTED', fromMonth: '2021-01', toMonth: '2021-06#~' });
    const inRange = (sk: string) => sk >= q.fromMonth && sk <= q.toMonth;
    expect(['2021-01', '2021-01#00', '2021-06#99', `2021-06#${LEGACY_SHARD}`].map(inRange)).toEqual(
      [true, true, true, true],
    );
    expect(['2020-12#15', '2021-07', '2021-07#00'].map(inRange)).toEqual([false, false, false]);
    expect(counterQuery('hn', 'OFFICIAL', 'TERM-2020-2025')).toMatchObject({
      fromMonth: '2020-01',
      toMonth: '2025-12#~',
    });
  });

  it('moves an unsharded item into the legacy shard of the same unit, key and month', () => {
    expect(
      legacyMoveUpdate('T', {
        PK: 'CNT#hn#ADMITTED',
        SK: '2025-03',
        entity: 'COUNTER',
        unitId: 'hn',
        count: 7,
      }).Update,
    ).toMatchObject({
      Key: { PK: 'CNT#hn#ADMITTED', SK: `2025-03#${LEGACY_SHARD}` },
      ExpressionAttributeValues: { ':delta': 7 },
    });
    expect(
      legacyMoveUpdate('T', {
        PK: 'GAUGE#hn',
        SK: 'CEREMONY#2025-03',
        entity: 'GAUGE',
        unitId: 'hn',
        count: 2,
      }).Update,
    ).toMatchObject({
      Key: { PK: 'GAUGE#hn', SK: `CEREMONY#2025-03#${LEGACY_SHARD}` },
      ExpressionAttributeValues: { ':delta': 2, ':stage': 'CEREMONY', ':month': '2025-03' },
    });
  });

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
    for (const c of [...earned, ...earned, ...reversed].filter((c) => c.unitId === 'hn')) {
      byMonth[c.month] = (byMonth[c.month] ?? 0) + c.delta;
    }
    expect(sumCounters(byMonth, '2025-Q2')).toBe(1);
  });
});
