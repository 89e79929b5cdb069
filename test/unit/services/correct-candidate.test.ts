import { correctCandidate } from '../../../functions/services/correct-candidate';
import { caller, candidate, refusalFrom, world } from '../fakes/builders';

/** An administrator revokes an admission: REVOKED, with a CORRECTION event saying what it reverses. */

const ADMIN = caller({ userId: 'admin-1', roles: ['admin'], unitId: 'hn' });
const REVOKE = {
  kind: 'REVOKE_ADMISSION' as const,
  reason: 'Khai man lý lịch',
  effectiveOn: '2025-06-30',
};

function admitted() {
  const w = world();
  w.store.put(candidate('c1', { stage: 'ADMITTED', version: 12 }));
  w.store.events.set('c1', [
    {
      candidateId: 'c1',
      seq: 12,
      at: '2025-06-19T03:00:00.000Z',
      type: 'TRANSITION',
      fromStage: 'CEREMONY',
      toStage: 'ADMITTED',
      action: 'recordCeremony',
      payload: { ceremonyDate: '2025-06-19' },
    },
  ]);
  return w;
}

describe('correctCandidate', () => {
  it('revokes an admission with an event naming what it reverses', async () => {
    const w = admitted();
    const after = await correctCandidate(w, ADMIN, 'c1', REVOKE, 'key-1', 12);
    expect(after).toMatchObject({ stage: 'REVOKED', version: 13 });
    expect(await w.store.getCandidate('c1')).toEqual(after);
    expect(after.dossier.revocation).toEqual({
      reason: 'Khai man lý lịch',
      effectiveOn: '2025-06-30',
    });
    const event = w.store.historyOf('c1')[1];
    expect(event).toMatchObject({
      type: 'CORRECTION',
      seq: 13,
      fromStage: 'ADMITTED',
      toStage: 'REVOKED',
      actor: { userId: 'admin-1', role: 'admin' },
      payload: {
        reverses: { fromStage: 'CEREMONY', toStage: 'ADMITTED', eventDate: '2025-06-19' },
      },
    });
  });

  it('refuses a second revocation, a candidate not admitted and a stale If-Match', async () => {
    const w = admitted();
    const stale = await refusalFrom(correctCandidate(w, ADMIN, 'c1', REVOKE, 'key-1', 11));
    expect(stale).toMatchObject({
      kind: 'precondition-failed',
      code: 'VERSION_CONFLICT',
      field: 'If-Match',
    });
    await correctCandidate(w, ADMIN, 'c1', REVOKE, 'key-1');
    const again = await refusalFrom(correctCandidate(w, ADMIN, 'c1', REVOKE, 'key-2'));
    expect(again).toMatchObject({ kind: 'conflict', code: 'ALREADY_REVOKED' });
    w.store.put(candidate('c2', { stage: 'CEREMONY' }));
    const early = await refusalFrom(correctCandidate(w, ADMIN, 'c2', REVOKE, 'key-3'));
    expect(early).toMatchObject({ code: 'CORRECTION_NOT_APPLICABLE', field: 'kind' });
    expect(w.store.historyOf('c1')).toHaveLength(2);
  });

  it('answers a change that won the race with a conflict, not an error, and writes nothing', async () => {
    const w = admitted();
    const read = w.store.getCandidate.bind(w.store);
    w.store.getCandidate = async (id) => {
      const seen = await read(id);
      w.store.items.get(id)!.version++; // a transition commits right after the read
      return seen;
    };
    const refusal = await refusalFrom(correctCandidate(w, ADMIN, 'c1', REVOKE, 'key-1'));
    expect(refusal).toMatchObject({ kind: 'conflict', code: 'CONCURRENT_UPDATE' });
    expect(w.store.items.get('c1')?.stage).toBe('ADMITTED');
    expect(w.store.historyOf('c1')).toHaveLength(1);
  });

  it('refuses anyone but an administrator, and a date in the future', async () => {
    const w = admitted();
    const officer = await refusalFrom(correctCandidate(w, caller(), 'c1', REVOKE, 'key-1'));
    expect(officer).toMatchObject({ kind: 'forbidden', code: 'ROLE_NOT_ALLOWED' });
    const future = await refusalFrom(
      correctCandidate(w, ADMIN, 'c1', { ...REVOKE, effectiveOn: '2025-07-02' }, 'key-2'),
    );
    expect(future).toMatchObject({ kind: 'invalid', field: 'effectiveOn' });
    expect(w.store.items.get('c1')?.stage).toBe('ADMITTED');
  });
});
