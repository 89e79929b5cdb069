import { type LedgerSnapshot } from '../../../functions/adapters/dynamodb-quota-store';
import { checkQuotaLedger } from '../../../functions/services/check-quota-ledger';
import { CELL_PATH } from '../fakes/builders';

/** The ledger check: counters recounted from history, gauges from where files stand. */

const nominated = {
  candidateId: 'c1',
  seq: 1,
  at: '2025-03-10T03:00:00.000Z',
  type: 'NOMINATED' as const,
  toStage: 'NOMINATED' as const,
  unitPath: CELL_PATH,
};

function snapshot(count: number): LedgerSnapshot {
  return {
    events: [nominated],
    candidates: [],
    counters: CELL_PATH.map((unitId) => ({ unitId, metric: 'NOMINATED', month: '2025-03', count })),
    gauges: [],
  } as unknown as LedgerSnapshot;
}

describe('checkQuotaLedger', () => {
  it('finds the ledger exact: one nomination counted once at every unit on the path', async () => {
    const result = await checkQuotaLedger({ scanLedger: async () => snapshot(1) });
    expect(result.differences).toEqual([]);
    expect(result.compared.counters).toBe(CELL_PATH.length);
  });

  it('names each counter that drifted, with what is stored and what the history says', async () => {
    const result = await checkQuotaLedger({ scanLedger: async () => snapshot(2) });
    expect(result.differences).toHaveLength(CELL_PATH.length);
    expect(result.differences[0]).toMatchObject({
      kind: 'COUNTER',
      key: 'NOMINATED',
      stored: 2,
      recounted: 1,
    });
  });
});
