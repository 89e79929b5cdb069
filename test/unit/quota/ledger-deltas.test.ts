import { type HistoryEvent } from '../../../functions/domain/history-event';
import {
  counterDeltasOfEvent,
  counterEventDate,
  gaugeDeltas,
} from '../../../functions/domain/quota/ledger-deltas';
import { FIRST_LEDGER_DEPTH, ledgerUnitsOf } from '../../../functions/domain/quota/ledger-depth';
import { recountLedger } from '../../../functions/domain/quota/recount';

const PATH = ['hn', 'hn-dongda', 'dd-kdn', 'dd-tbdl1'];

function event(partial: Partial<HistoryEvent>): HistoryEvent {
  return {
    candidateId: 'c1',
    seq: 2,
    at: '2025-06-30T18:00:00.000Z',
    type: 'TRANSITION',
    toStage: 'NOMINATED',
    ...partial,
  };
}

describe('counter deltas of a history event', () => {
  it('counts ADMITTED by the ceremony date, for the unit and every ancestor but the top-level committee', () => {
    const e = event({
      fromStage: 'CEREMONY',
      toStage: 'ADMITTED',
      payload: { ceremonyDate: '2025-05-31' },
    });
    expect(counterEventDate(e)).toBe('2025-05-31');
    expect(counterDeltasOfEvent(e, PATH)).toEqual(
      PATH.slice(1).map((unitId) => ({ unitId, metric: 'ADMITTED', month: '2025-05', delta: 1 })),
    );
    // The top-level committee keeps no ledger: its figures are its children's sum.
    expect(FIRST_LEDGER_DEPTH).toBe(1);
    expect(ledgerUnitsOf(PATH)).toEqual(PATH.slice(1));
  });

  it('counts OFFICIAL by the recognition decision date, and nothing for a removal', () => {
    const recognised = event({
      fromStage: 'RECOGNITION_DECISION',
      toStage: 'OFFICIAL',
      payload: { decision: 'RECOGNISE', decisionNumber: '88-QĐ/ĐU', decisionDate: '2027-12-31' },
    });
    expect(counterEventDate(recognised)).toBe('2027-12-31');
    expect(counterDeltasOfEvent(recognised, ['hn', 'hn-dongda', 'dd-kdn'])).toEqual([
      { unitId: 'hn-dongda', metric: 'OFFICIAL', month: '2027-12', delta: 1 },
      { unitId: 'dd-kdn', metric: 'OFFICIAL', month: '2027-12', delta: 1 },
    ]);
    expect(
      counterDeltasOfEvent(
        event({ fromStage: 'RECOGNITION_DECISION', toStage: 'REMOVED', payload: {} }),
        PATH,
      ),
    ).toEqual([]);
  });

  it('counts TRAINED by the certificate issue date, NOMINATED by the instant in Vietnam time', () => {
    const trained = event({
      fromStage: 'AWARENESS_CLASS',
      toStage: 'APPLICATION',
      payload: { result: 'PASSED', issuedOn: '2025-02-14' },
    });
    expect(counterDeltasOfEvent(trained, ['hn', 'hn-dongda'])).toEqual([
      { unitId: 'hn-dongda', metric: 'TRAINED', month: '2025-02', delta: 1 },
    ]);
    // 2025-06-30T18:00Z is 1 July in Hanoi.
    const nominated = event({ type: 'NOMINATED', seq: 1, toStage: 'NOMINATED' });
    expect(counterDeltasOfEvent(nominated, ['hn', 'hn-dongda'])[0].month).toBe('2025-07');
  });

  it('counts nothing for a failed class, a rejection or a withdrawal, and falls back to the instant', () => {
    expect(
      counterDeltasOfEvent(
        event({ fromStage: 'AWARENESS_CLASS', toStage: 'AWARENESS_CLASS' }),
        PATH,
      ),
    ).toEqual([]);
    expect(
      counterDeltasOfEvent(event({ fromStage: 'CELL_RESOLUTION', toStage: 'REJECTED' }), PATH),
    ).toEqual([]);
    expect(
      counterDeltasOfEvent(event({ fromStage: 'CEREMONY', toStage: 'WITHDRAWN' }), PATH),
    ).toEqual([]);
    expect(
      counterEventDate(
        event({ fromStage: 'CEREMONY', toStage: 'ADMITTED', payload: { ceremonyDate: 'soon' } }),
      ),
    ).toBe('2025-06-30T18:00:00.000Z');
  });

  it('reverses a revoked admission in the month it was counted, not the month of the correction', () => {
    const correction = event({
      type: 'CORRECTION',
      at: '2025-11-03T02:00:00.000Z',
      fromStage: 'ADMITTED',
      toStage: 'REVOKED',
      payload: {
        kind: 'REVOKE_ADMISSION',
        reason: 'x',
        effectiveOn: '2025-11-01',
        reverses: { fromStage: 'CEREMONY', toStage: 'ADMITTED', eventDate: '2025-05-31' },
      },
    });
    expect(counterDeltasOfEvent(correction, ['hn', 'hn-dongda', 'dd-tbdl1'])).toEqual([
      { unitId: 'hn-dongda', metric: 'ADMITTED', month: '2025-05', delta: -1 },
      { unitId: 'dd-tbdl1', metric: 'ADMITTED', month: '2025-05', delta: -1 },
    ]);
  });
});

describe('stage gauges', () => {
  it('moves one candidate from one stage bucket to the next, for the unit and ancestors', () => {
    const deltas = gaugeDeltas(
      { stage: 'NOMINATED', stageEnteredAt: '2025-01-10T03:00:00.000Z' },
      { stage: 'AWARENESS_CLASS', stageEnteredAt: '2025-02-01T03:00:00.000Z' },
      ['hn', 'hn-dongda', 'dd-tbdl1'],
    );
    // None for the top-level committee (ledger-depth.ts).
    expect(deltas).toEqual([
      { unitId: 'hn-dongda', stage: 'NOMINATED', month: '2025-01', delta: -1 },
      { unitId: 'dd-tbdl1', stage: 'NOMINATED', month: '2025-01', delta: -1 },
      { unitId: 'hn-dongda', stage: 'AWARENESS_CLASS', month: '2025-02', delta: 1 },
      { unitId: 'dd-tbdl1', stage: 'AWARENESS_CLASS', month: '2025-02', delta: 1 },
    ]);
  });

  it('merges a re-entry in the same month to nothing, and counts no terminal stage', () => {
    const at = { stage: 'AWARENESS_CLASS' as const, stageEnteredAt: '2025-02-01T03:00:00.000Z' };
    expect(gaugeDeltas(at, { ...at, stageEnteredAt: '2025-02-20T03:00:00.000Z' }, PATH)).toEqual(
      [],
    );
    expect(
      gaugeDeltas(
        { stage: 'CEREMONY', stageEnteredAt: '2025-06-01T00:00:00Z' },
        { stage: 'ADMITTED', stageEnteredAt: '2025-06-20T00:00:00Z' },
        ['vn', 'hn'],
      ),
    ).toEqual([{ unitId: 'hn', stage: 'CEREMONY', month: '2025-06', delta: -1 }]);
  });
});

describe('recount', () => {
  const events = [
    {
      ...event({ type: 'NOMINATED', seq: 1, toStage: 'NOMINATED', at: '2025-01-05T01:00:00Z' }),
      unitPath: ['vn', 'hn', 'x'],
    },
    {
      ...event({
        seq: 9,
        fromStage: 'CEREMONY',
        toStage: 'ADMITTED',
        payload: { ceremonyDate: '2025-06-19' },
      }),
      unitPath: ['vn', 'hn', 'x'],
    },
  ];
  const stored = {
    counters: [
      { unitId: 'hn', metric: 'NOMINATED', month: '2025-01', count: 1 },
      { unitId: 'x', metric: 'NOMINATED', month: '2025-01', count: 1 },
      { unitId: 'hn', metric: 'ADMITTED', month: '2025-06', count: 1 },
      { unitId: 'x', metric: 'ADMITTED', month: '2025-06', count: 1 },
    ],
    gauges: [],
    gaugeTotals: [],
    candidates: [
      { stage: 'ADMITTED', stageEnteredAt: '2025-06-20T00:00:00Z', unitPath: ['vn', 'hn', 'x'] },
    ],
  };

  it('agrees with counters that the transitions wrote', () => {
    expect(recountLedger({ events, ...stored }).differences).toEqual([]);
  });

  it('names every unit, metric and month that disagrees', () => {
    const tampered = {
      ...stored,
      counters: stored.counters.map((c, i) => (i === 2 ? { ...c, count: 2 } : c)),
    };
    expect(recountLedger({ events, ...tampered }).differences).toEqual([
      { kind: 'COUNTER', unitId: 'hn', key: 'ADMITTED', month: '2025-06', stored: 2, recounted: 1 },
    ]);
    const lostGauge = {
      ...stored,
      candidates: [
        { stage: 'CEREMONY', stageEnteredAt: '2025-06-01T00:00:00Z', unitPath: ['vn', 'hn'] },
      ],
    };
    expect(recountLedger({ events, ...lostGauge }).differences).toEqual([
      { kind: 'GAUGE', unitId: 'hn', key: 'CEREMONY', month: '2025-06', stored: 0, recounted: 1 },
      { kind: 'GAUGE_TOTAL', unitId: 'hn', key: 'CEREMONY', month: '', stored: 0, recounted: 1 },
    ]);
    // A stage total that drifted from its buckets is named on its own.
    const drifted = {
      ...stored,
      gaugeTotals: [{ unitId: 'hn', stage: 'ADMISSION_DECISION', count: 1 }],
    };
    expect(recountLedger({ events, ...drifted }).differences).toEqual([
      {
        kind: 'GAUGE_TOTAL',
        unitId: 'hn',
        key: 'ADMISSION_DECISION',
        month: '',
        stored: 1,
        recounted: 0,
      },
    ]);
  });
});
