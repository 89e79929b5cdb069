import {
  LEGACY_SHARD,
  LEDGER_SHARDS_BY_DEPTH,
  ledgerRanges,
  ledgerShard,
  ledgerMoveUpdates,
  ledgerTransactUpdates,
  legacyMoveUpdates,
  METRIC_ATTRIBUTE,
  parseLedgerItem,
  shardsAtDepth,
  STAGE_ATTRIBUTE,
  unitLedgerFigures,
} from '../../../functions/adapters/quota-ledger-items';
import { applyUpdate } from '../../../bench/national/batch-writes';
import { countersEarnedBy } from '../../../functions/domain/quota/counter-keys';
import { gaugeDeltas } from '../../../functions/domain/quota/ledger-deltas';
import { HUMAN_STAGE_IDS } from '../../../functions/domain/stage-ids';

/**
 * The ledger partition's items (docs/architecture.md, "Sharded ledger items"): what a
 * transition's transaction adds, what a report reads back, and how the earlier layouts' items
 * are moved in. Pure item builders, checked here as data; their behaviour on DynamoDB Local is in
 * ledger-migration.test.ts and report-capacity.test.ts.
 */

const PATH = ['hn', 'hn-thanhtri', 'tt-kdn', 'tt-kdn-cell1'];
const at = (stage: string, stageEnteredAt: string) => ({ stage, stageEnteredAt }) as never;

describe('ledger items a transition writes', () => {
  it('merges every delta on one item into one update, and moves bucket and total alike', () => {
    // Passing the class in June: AWARENESS_CLASS (entered in March) → APPLICATION, TRAINED counted.
    const updates = ledgerTransactUpdates('T', 'c1', PATH, {
      counters: countersEarnedBy('AWARENESS_CLASS', 'APPLICATION', '2025-06-14', PATH),
      gauges: gaugeDeltas(
        at('AWARENESS_CLASS', '2025-03-10T02:00:00Z'),
        at('APPLICATION', '2025-06-20T02:00:00Z'),
        PATH,
      ),
    });
    // Per unit but the top-level committee (it keeps no ledger): June (counter and the new
    // stage), March (the stage left), the totals.
    expect(updates).toHaveLength(3 * (PATH.length - 1));
    expect(updates.some((u) => u.Update.Key.PK === 'LEDGER#hn')).toBe(false);
    const keys = updates.map((u) => u.Update.Key);
    expect(new Set(keys.map((k) => `${k.PK}|${k.SK}`)).size).toBe(keys.length);
    const items = updates.map((u) => applyUpdate(undefined, u.Update));
    const cell = items.filter((i) => i.PK === 'LEDGER#tt-kdn-cell1');
    expect(cell).toEqual([
      { PK: 'LEDGER#tt-kdn-cell1', SK: 'M#2025-06#00', t: 1, AP: 1 },
      { PK: 'LEDGER#tt-kdn-cell1', SK: 'M#2025-03#00', AC: -1 },
      { PK: 'LEDGER#tt-kdn-cell1', SK: 'T#00', AC: -1, AP: 1 },
    ]);
    // Nothing but keys and counts: the unit, month and shard are read from the keys.
    expect(parseLedgerItem(cell[0])).toEqual({
      kind: 'MONTH',
      unitId: 'tt-kdn-cell1',
      month: '2025-06',
      shard: '00',
      counters: [{ metric: 'TRAINED', count: 1 }],
      gauges: [{ stage: 'APPLICATION', count: 1 }],
    });
  });

  it('drops an item whose deltas cancel out', () => {
    // A failed class re-enters AWARENESS_CLASS in the month it entered it: nothing changes.
    const updates = ledgerTransactUpdates('T', 'c1', PATH, {
      counters: [],
      gauges: gaugeDeltas(
        at('AWARENESS_CLASS', '2025-06-02T02:00:00Z'),
        at('AWARENESS_CLASS', '2025-06-20T02:00:00Z'),
        PATH,
      ),
    });
    expect(updates).toEqual([]);
  });

  it('shards by depth: none at the top committee, a few at a commune, one from the grassroots down', () => {
    expect(() => shardsAtDepth(0)).toThrow(RangeError);
    expect(shardsAtDepth(1)).toBe(LEDGER_SHARDS_BY_DEPTH[1]);
    expect(shardsAtDepth(1)).toBeGreaterThan(shardsAtDepth(2));
    expect(shardsAtDepth(3)).toBe(1);
    expect(shardsAtDepth(9)).toBe(1);
    const shardsSeen = (depth: number) =>
      new Set(
        Array.from({ length: 400 }, (_, i) =>
          ledgerTransactUpdates('T', `c${i}`, PATH, {
            counters: countersEarnedBy(null, 'NOMINATED', '2025-06-01', PATH),
            gauges: [],
          })
            .map((u) => u.Update.Key)
            .filter((k) => k.PK === `LEDGER#${PATH[depth]}`)
            .map((k) => k.SK),
        ).flat(),
      ).size;
    expect([0, 1, 2, 3].map(shardsSeen)).toEqual([0, ...[1, 2, 3].map(shardsAtDepth)]);
  });

  it('puts a candidate in one stable shard, and spreads candidates over all of them', () => {
    expect(ledgerShard('c0123', 32)).toBe(ledgerShard('c0123', 32));
    const seen = new Map<string, number>();
    for (let i = 0; i < 16 * 32; i++) {
      const shard = ledgerShard(`c${i}`, 32);
      seen.set(shard, (seen.get(shard) ?? 0) + 1);
    }
    expect(seen.size).toBe(32);
    expect(Math.max(...seen.values())).toBeLessThan(48);
  });

  it("carries an open file's gauges to its new path when a unit above it moves", () => {
    const file = at('SPONSORSHIP', '2025-05-03T02:00:00Z');
    const move = (from: string[], to: string[]) =>
      ledgerMoveUpdates(
        'T',
        'c7',
        { leaving: gaugeDeltas(file, undefined, from), entering: gaugeDeltas(undefined, file, to) },
        { from, to },
      ).map((u) => applyUpdate(undefined, u.Update));
    // The grassroots organisation changes district inside the province: the province and
    // everything below the moved unit keep their depth and shard, so only the districts change.
    const moved = move(PATH, ['hn', 'hn-dongda', 'tt-kdn', 'tt-kdn-cell1']);
    expect(moved.map((i) => i.PK).sort()).toEqual([
      'LEDGER#hn-dongda',
      'LEDGER#hn-dongda',
      'LEDGER#hn-thanhtri',
      'LEDGER#hn-thanhtri',
    ]);
    expect(moved.filter((i) => i.PK === 'LEDGER#hn-thanhtri').map((i) => i.SP)).toEqual([-1, -1]);
    expect(moved.filter((i) => i.PK === 'LEDGER#hn-dongda').map((i) => i.SP)).toEqual([1, 1]);
    // Lifted one level up (grassroots directly under the province): the same units, but at a
    // depth with another number of shards, so they are moved between shards too.
    const lifted = move(PATH, ['hn', 'tt-kdn', 'tt-kdn-cell1']);
    const net = new Map<string, number>();
    for (const i of lifted) net.set(String(i.PK), (net.get(String(i.PK)) ?? 0) + Number(i.SP));
    expect(net.get('LEDGER#hn-thanhtri')).toBe(-2);
    expect(net.get('LEDGER#hn')).toBeUndefined();
    expect(net.get('LEDGER#tt-kdn')).toBe(0);
    expect(lifted.filter((i) => i.PK === 'LEDGER#tt-kdn').length).toBe(
      ledgerShard('c7', shardsAtDepth(1)) === ledgerShard('c7', shardsAtDepth(2)) ? 0 : 4,
    );
    // A commune moving to another province: the top-level committees keep no ledger and every
    // unit of the commune's subtree keeps its depth, so no ledger item is written at all.
    expect(move(PATH, ['hcm', ...PATH.slice(1)])).toEqual([]);
  });

  it('gives every metric and stage its own attribute', () => {
    const names = [...Object.values(METRIC_ATTRIBUTE), ...Object.values(STAGE_ATTRIBUTE)];
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(STAGE_ATTRIBUTE)).toEqual([...HUMAN_STAGE_IDS]);
  });
});

describe('what a report reads', () => {
  const inRange = (sk: string, ranges: ReturnType<typeof ledgerRanges>) =>
    ranges.some((r) => sk >= r.from && sk <= r.to);

  it('reads one range for the current period: its months, the window and the totals', () => {
    const ranges = ledgerRanges('hn', '2025', '2025-04');
    expect(ranges).toEqual([{ PK: 'LEDGER#hn', from: 'M#2025-01', to: 'T#~' }]);
    expect(
      [
        'M#2025-01#00',
        'M#2025-12#31',
        `M#2025-06#${LEGACY_SHARD}`,
        'T#00',
        `T#${LEGACY_SHARD}`,
      ].map((sk) => inRange(sk, ranges)),
    ).toEqual([true, true, true, true, true]);
    expect(inRange('M#2024-12#00', ranges)).toBe(false);
  });

  it('starts at the window when the period starts later, and never reads older months', () => {
    const ranges = ledgerRanges('hn', '2025-Q3', '2025-04');
    expect(ranges).toEqual([{ PK: 'LEDGER#hn', from: 'M#2025-04', to: 'T#~' }]);
    expect(inRange('M#2025-03#07', ranges)).toBe(false);
  });

  it('reads a past period and the window as two ranges, not the months between', () => {
    const ranges = ledgerRanges('hn', '2021-H1', '2025-04');
    expect(ranges).toEqual([
      { PK: 'LEDGER#hn', from: 'M#2021-01', to: 'M#2021-06#~' },
      { PK: 'LEDGER#hn', from: 'M#2025-04', to: 'T#~' },
    ]);
    expect(
      ['M#2021-06#31', 'M#2023-01#00', 'M#2025-04#00'].map((sk) => inRange(sk, ranges)),
    ).toEqual([true, false, true]);
    // A period that ends the month before the window is one range.
    expect(ledgerRanges('hn', '2025-Q1', '2025-04')).toHaveLength(1);
  });

  it('sums the shards into monthly counts, stage totals and the window buckets', () => {
    const figures = unitLedgerFigures(
      [
        { PK: 'LEDGER#hn', SK: 'M#2025-02#00', a: 2, CE: 5 },
        { PK: 'LEDGER#hn', SK: 'M#2025-02#07', a: 1 },
        { PK: 'LEDGER#hn', SK: 'M#2025-05#03', n: 4, NO: 3 },
        { PK: 'LEDGER#hn', SK: `M#2025-05#${LEGACY_SHARD}`, NO: 1 },
        { PK: 'LEDGER#hn', SK: 'T#00', CE: 6, NO: 2 },
        { PK: 'LEDGER#hn', SK: 'T#03', NO: 2 },
        // A month read for the window, outside the period: no counter of the period.
        { PK: 'LEDGER#hn', SK: 'M#2025-07#00', a: 9 },
      ],
      '2025-H1',
      '2025-04',
    );
    expect(figures.counters).toEqual({
      ADMITTED: [{ month: '2025-02', count: 3 }],
      NOMINATED: [{ month: '2025-05', count: 4 }],
    });
    expect(figures.gauges.totals).toEqual({ CEREMONY: 6, NOMINATED: 4 });
    // February's CEREMONY bucket is before the window: only the total carries it.
    expect(figures.gauges.recent).toEqual([{ stage: 'NOMINATED', month: '2025-05', count: 4 }]);
  });
});

describe('moving the earlier layouts in', () => {
  it('adds a counter to its month item and a gauge to its bucket and its stage total', () => {
    const counter = legacyMoveUpdates('T', {
      PK: 'CNT#hn#ADMITTED',
      SK: '2025-03#17',
      entity: 'COUNTER',
      unitId: 'hn',
      count: 7,
    }).map((u) => applyUpdate(undefined, u.Update));
    expect(counter).toEqual([{ PK: 'LEDGER#hn', SK: `M#2025-03#${LEGACY_SHARD}`, a: 7 }]);
    const gauge = legacyMoveUpdates('T', {
      PK: 'GAUGE#hn',
      SK: 'CEREMONY#2025-03',
      entity: 'GAUGE',
      unitId: 'hn',
      count: 2,
    }).map((u) => applyUpdate(undefined, u.Update));
    expect(gauge).toEqual([
      { PK: 'LEDGER#hn', SK: `M#2025-03#${LEGACY_SHARD}`, CE: 2 },
      { PK: 'LEDGER#hn', SK: `T#${LEGACY_SHARD}`, CE: 2 },
    ]);
    // A 0 moves nothing (the old item is only deleted).
    expect(
      legacyMoveUpdates('T', {
        PK: 'GAUGE#hn',
        SK: 'CEREMONY#2019-03#04',
        entity: 'GAUGE',
        unitId: 'hn',
        count: 0,
      }),
    ).toEqual([]);
  });
});
