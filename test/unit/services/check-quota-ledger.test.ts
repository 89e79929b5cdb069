import {
  type LedgerPage,
  type LedgerSnapshot,
} from '../../../functions/adapters/dynamodb-quota-store';
import {
  checkQuotaLedger,
  type LedgerCheckProgress,
  type SavedLedgerCheck,
} from '../../../functions/services/check-quota-ledger';
import { ledgerUnitsOf } from '../../../functions/domain/quota/ledger-depth';
import { CELL_PATH } from '../fakes/builders';

/** The ledger check: counters recounted from history, gauges from where files stand. */

/** The units of the path that keep a ledger (all but the top-level committee). */
const LEDGER_UNITS = ledgerUnitsOf(CELL_PATH);

const nominatedEvent = (candidateId: string) => ({
  candidateId,
  seq: 1,
  at: '2025-03-10T03:00:00.000Z',
  type: 'NOMINATED' as const,
  toStage: 'NOMINATED' as const,
  unitPath: CELL_PATH,
});

function snapshot(count: number): LedgerSnapshot {
  return {
    events: [nominatedEvent('c1')],
    candidates: [],
    counters: LEDGER_UNITS.map((unitId) => ({
      unitId,
      metric: 'NOMINATED',
      month: '2025-03',
      count,
    })),
    gauges: [],
    gaugeTotals: [],
  } as unknown as LedgerSnapshot;
}

const onePage = (s: LedgerSnapshot) => ({
  scanLedgerPage: async (): Promise<LedgerPage> => ({ snapshot: s, scanned: 1 }),
});

/**
 * A table of `candidates` nominations seen in pages of one event each, the stored counters on
 * the last page; `failAt` makes the page at that index fail once, as a lost connection would.
 */
function pagedTable(candidates: number, failAt?: number) {
  const pages: LedgerSnapshot[] = Array.from({ length: candidates }, (_, i) => ({
    events: [nominatedEvent(`c${i}`)],
    candidates: [],
    counters: [],
    gauges: [],
    gaugeTotals: [],
  })) as unknown as LedgerSnapshot[];
  pages.push({
    events: [],
    candidates: [],
    counters: LEDGER_UNITS.map((unitId) => ({
      unitId,
      metric: 'NOMINATED',
      month: '2025-03',
      count: candidates,
    })),
    gauges: [],
    gaugeTotals: [],
    topUnits: [],
  });
  const read: number[] = [];
  let failed = false;
  return {
    read,
    scanLedgerPage: async (from?: Record<string, unknown>): Promise<LedgerPage> => {
      const index = Number(from?.page ?? 0);
      if (index === failAt && !failed) {
        failed = true;
        throw new Error('connection lost');
      }
      read.push(index);
      const next = index + 1 < pages.length ? { page: index + 1 } : undefined;
      return { snapshot: pages[index], scanned: 10, next };
    },
  };
}

class InMemoryProgress implements LedgerCheckProgress {
  saved?: SavedLedgerCheck;
  async load() {
    return this.saved && (JSON.parse(JSON.stringify(this.saved)) as SavedLedgerCheck);
  }
  async save(saved: SavedLedgerCheck) {
    this.saved = JSON.parse(JSON.stringify(saved)) as SavedLedgerCheck;
  }
  async clear() {
    this.saved = undefined;
  }
}

describe('checkQuotaLedger', () => {
  it('finds the ledger exact: one nomination counted once at every unit on the path', async () => {
    const result = await checkQuotaLedger(onePage(snapshot(1)));
    expect(result.differences).toEqual([]);
    expect(result.compared.counters).toBe(CELL_PATH.length - 1);
    expect(result.leftOnTopUnits).toBe(0);
  });

  it("counts a top-level committee's stored items apart: it keeps no ledger", async () => {
    // The layout before kept the top's own items; the migration deletes them, and until then
    // they are neither compared nor a difference, whichever page the committee's link is on.
    const [top] = CELL_PATH;
    const stale = { unitId: top, metric: 'NOMINATED', month: '2025-03', count: 1 };
    const pages: LedgerSnapshot[] = [
      { ...snapshot(1), counters: [...snapshot(1).counters, stale] },
      { events: [], candidates: [], counters: [], gauges: [], gaugeTotals: [], topUnits: [top] },
    ];
    const result = await checkQuotaLedger({
      scanLedgerPage: async (from?: Record<string, unknown>): Promise<LedgerPage> => {
        const index = Number(from?.page ?? 0);
        return { snapshot: pages[index], scanned: 1, next: index ? undefined : { page: 1 } };
      },
    });
    expect(result.differences).toEqual([]);
    expect(result.leftOnTopUnits).toBe(1);
    // Without the link (a committee the check does not know as top-level) it is a difference.
    const unknown = await checkQuotaLedger(onePage(pages[0]));
    expect(unknown.differences).toMatchObject([{ unitId: top, stored: 1, recounted: 0 }]);
  });

  it('names each counter that drifted, with what is stored and what the history says', async () => {
    const result = await checkQuotaLedger(onePage(snapshot(2)));
    expect(result.differences).toHaveLength(LEDGER_UNITS.length);
    expect(result.differences[0]).toMatchObject({
      kind: 'COUNTER',
      key: 'NOMINATED',
      stored: 2,
      recounted: 1,
    });
  });

  it('adds the pages up: five pages of events against counters on the last page agree', async () => {
    const table = pagedTable(5);
    const result = await checkQuotaLedger(table);
    expect(table.read).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result).toMatchObject({ differences: [], events: 5 });
  });

  it('continues an interrupted run from its last saved page, to the same result as one pass', async () => {
    const table = pagedTable(5, 3);
    const progress = new InMemoryProgress();
    const seen: { scanned: number; resumed: boolean }[] = [];
    await expect(
      checkQuotaLedger(table, { progress, onProgress: (s) => seen.push(s) }),
    ).rejects.toThrow('connection lost');
    expect(progress.saved).toMatchObject({ position: { page: 3 }, scanned: 30 });

    const result = await checkQuotaLedger(table, { progress, onProgress: (s) => seen.push(s) });
    // Pages 0–2 are not read again; the tally saved with them carries their events.
    expect(table.read).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result).toMatchObject({ differences: [], events: 5 });
    expect(seen.at(-1)).toEqual({ scanned: 60, resumed: true });
    expect(progress.saved).toBeUndefined();
  });

  it('starts again from the beginning with restart, ignoring a saved run', async () => {
    const progress = new InMemoryProgress();
    await progress.save({
      position: { page: 5 },
      scanned: 50,
      tally: {
        recountedCounters: {},
        recountedGauges: {},
        storedCounters: {},
        storedGauges: {},
        recountedGaugeTotals: {},
        storedGaugeTotals: {},
        events: 0,
        candidates: 0,
      },
    });
    const table = pagedTable(5);
    const result = await checkQuotaLedger(table, { progress, restart: true });
    expect(table.read).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result.differences).toEqual([]);
  });
});
