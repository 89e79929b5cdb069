import {
  FIRST_LEDGER_DEPTH,
  keepsLedger,
  ledgerPlaceOf,
  ledgerUnitsOf,
  sumOfChildren,
} from '../../../functions/domain/quota/ledger-depth';
import { funnelOf } from '../../../functions/domain/quota/funnel';

/**
 * Which units keep a ledger, and the figures of one that does not (docs/architecture.md,
 * "Sharded ledger items"): a top-level committee is its children's sum.
 */

describe('units that keep a ledger', () => {
  it('are every unit on the path below the top-level committee', () => {
    expect(FIRST_LEDGER_DEPTH).toBe(1);
    expect(ledgerUnitsOf(['hn', 'hn-dongda', 'dd-kdn', 'dd-kythuat'])).toEqual([
      'hn-dongda',
      'dd-kdn',
      'dd-kythuat',
    ]);
    expect(keepsLedger(['hn'])).toBe(false);
    expect(keepsLedger(['hn', 'hn-dongda'])).toBe(true);
  });

  it("place a unit in its top's sums: the top, a direct child it sums, or a unit below one", () => {
    expect(ledgerPlaceOf(['hn'])).toBe('top');
    expect(ledgerPlaceOf(['hn', 'hn-dongda'])).toBe('first');
    expect(ledgerPlaceOf(['hn', 'hn-dongda', 'dd-kdn'])).toBe('nested');
    expect(ledgerPlaceOf(['hn', 'hn-dongda', 'dd-kdn', 'dd-kythuat'])).toBe('nested');
  });
});

describe("a top-level committee's figures", () => {
  const commune = {
    counters: {
      ADMITTED: [
        { month: '2025-02', count: 3 },
        { month: '2025-03', count: 1 },
      ],
      NOMINATED: [{ month: '2025-03', count: 4 }],
    },
    gauges: {
      totals: { CEREMONY: 5, NOMINATED: 2 },
      recent: [
        { stage: 'CEREMONY', month: '2025-05', count: 2 },
        { stage: 'NOMINATED', month: '2025-06', count: 2 },
      ],
    },
  };
  const grassroots = {
    counters: { ADMITTED: [{ month: '2025-03', count: 2 }] },
    gauges: {
      totals: { CEREMONY: 1, ADMISSION_DECISION: 3 },
      recent: [{ stage: 'CEREMONY', month: '2025-05', count: 1 }],
    },
  };

  it('add up the children per metric and month, per stage, and per stage and entry month', () => {
    const sum = sumOfChildren([
      commune,
      grassroots,
      { counters: {}, gauges: { totals: {}, recent: [] } },
    ]);
    expect(sum.counters).toEqual({
      ADMITTED: [
        { month: '2025-02', count: 3 },
        { month: '2025-03', count: 3 },
      ],
      NOMINATED: [{ month: '2025-03', count: 4 }],
    });
    expect(sum.gauges.totals).toEqual({ CEREMONY: 6, NOMINATED: 2, ADMISSION_DECISION: 3 });
    expect(sum.gauges.recent).toEqual([
      { stage: 'CEREMONY', month: '2025-05', count: 3 },
      { stage: 'NOMINATED', month: '2025-06', count: 2 },
    ]);
  });

  it('give the funnel the children add up to, overdue included', () => {
    const today = '2025-07-15';
    const rows = [commune, grassroots].map((c) => funnelOf(c.gauges, today));
    const summed = funnelOf(sumOfChildren([commune, grassroots]).gauges, today);
    for (const row of summed) {
      const parts = rows.map((r) => r.find((x) => x.stage === row.stage)!);
      expect(row.count).toBe(parts.reduce((n, p) => n + p.count, 0));
      expect(row.overdue).toBe(parts.reduce((n, p) => n + p.overdue, 0));
    }
    expect(summed.find((r) => r.stage === 'CEREMONY')).toMatchObject({ count: 6 });
  });

  it('are nothing without children', () => {
    expect(sumOfChildren([])).toEqual({ counters: {}, gauges: { totals: {}, recent: [] } });
  });
});
