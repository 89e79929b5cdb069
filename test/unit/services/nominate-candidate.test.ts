import { type Nomination } from '../../../functions/domain/nomination';
import { nominateCandidate } from '../../../functions/services/nominate-candidate';
import { caller, candidate, refusalFrom, world } from '../fakes/builders';

/** A nomination: the file, its first event and its workflow, once per request. */

const NOMINATION: Nomination = {
  fullName: 'Phạm Thị Ưu Tú',
  dateOfBirth: '1998-03-04',
  nominationSource: 'YOUTH_UNION',
  unitId: 'dd-kythuat',
  educationLevel: 'UPPER_SECONDARY',
  youthUnionMember: true,
  tradeUnionMember: false,
  nationalIdFingerprint: 'fp-person',
  nationalIdMasked: '*********123',
};

describe('nominateCandidate', () => {
  it('creates the file at the first stage with its event and starts its workflow', async () => {
    const w = world();
    const created = await nominateCandidate(w, caller(), NOMINATION, 'key-1');
    expect(created).toMatchObject({
      stage: 'NOMINATED',
      version: 1,
      unitPath: ['hn', 'hn-dongda', 'dd-kdn', 'dd-kythuat'],
      nominatedBy: { userId: 'officer-1', role: 'cell-officer' },
    });
    expect(await w.store.getCandidate(created.id)).toEqual(created);
    expect(w.store.historyOf(created.id)).toEqual([
      expect.objectContaining({ type: 'NOMINATED', toStage: 'NOMINATED' }),
    ]);
    expect(w.workflow.executions).toEqual([
      expect.objectContaining({
        name: created.execution.name,
        input: { candidateId: created.id, resumeFrom: 'NOMINATED' },
      }),
    ]);
  });

  it('answers a retry with the file the first request created, and starts nothing twice', async () => {
    const w = world();
    const first = await nominateCandidate(w, caller(), NOMINATION, 'key-1');
    w.setNow('2025-07-01T03:05:00.000Z');
    const again = await nominateCandidate(w, caller(), NOMINATION, 'key-1');
    expect(again).toEqual(first);
    expect(w.store.items.size).toBe(1);
    expect(w.workflow.executions).toHaveLength(1);
  });

  it('names the open file of the same person to an officer who may see it', async () => {
    const w = world();
    w.store.put(candidate('open', { nationalIdFingerprint: 'fp-person', stage: 'APPLICATION' }));
    const refusal = await refusalFrom(nominateCandidate(w, caller(), NOMINATION, 'key-1'));
    expect(refusal).toMatchObject({ kind: 'conflict', code: 'DUPLICATE_NOMINATION' });
    expect(JSON.stringify(refusal)).toContain('open');
    expect(w.store.items.size).toBe(1);
    expect(w.workflow.executions).toEqual([]);
  });

  it('refers a duplicate in another subtree upward without telling the officer where it is', async () => {
    const w = world();
    w.store.putUnits(
      {
        id: 'hn-badinh',
        name: 'Quận ủy Ba Đình',
        level: 'DISTRICT_COMMITTEE',
        parentId: 'hn',
        path: ['hn', 'hn-badinh'],
        effectiveFrom: '2020-01-01',
      },
      {
        id: 'bd-cell',
        name: 'Chi bộ Ba Đình',
        level: 'GRASSROOTS_CELL',
        parentId: 'hn-badinh',
        path: ['hn', 'hn-badinh', 'bd-cell'],
        effectiveFrom: '2020-01-01',
      },
    );
    w.store.put(
      candidate('far', {
        nationalIdFingerprint: 'fp-person',
        stage: 'APPLICATION',
        unitId: 'bd-cell',
        unitPath: ['hn', 'hn-badinh', 'bd-cell'],
      }),
    );
    const refusal = await refusalFrom(nominateCandidate(w, caller(), NOMINATION, 'key-1'));
    expect(refusal.code).toBe('NOMINATION_REFERRED_UPWARD');
    expect(JSON.stringify(refusal)).not.toMatch(/far|bd-cell|badinh/);
    expect(w.notifier.published).toHaveLength(1);
    expect(JSON.stringify(w.notifier.published[0])).toContain('hn');
    expect(w.store.items.size).toBe(1);
  });

  it('nominates again once the earlier file of the person has ended', async () => {
    const w = world();
    w.store.put(candidate('old', { nationalIdFingerprint: 'fp-person', stage: 'APPLICATION' }));
    w.store.people.get('fp-person')!.closed = true;
    const created = await nominateCandidate(w, caller(), NOMINATION, 'key-1');
    expect(w.store.people.get('fp-person')).toMatchObject({ candidateId: created.id });
  });

  it("refuses a unit outside the caller's subtree like a missing one, and a non-cell role", async () => {
    const w = world();
    const outside = await refusalFrom(
      nominateCandidate(w, caller({ unitId: 'hn-badinh' }), NOMINATION, 'key-1'),
    );
    const missing = await refusalFrom(
      nominateCandidate(w, caller(), { ...NOMINATION, unitId: 'nowhere' }, 'key-2'),
    );
    expect(outside.code).toBe(missing.code);
    expect(outside.field).toBe(missing.field);
    const role = await refusalFrom(
      nominateCandidate(w, caller({ roles: ['approver'] }), NOMINATION, 'key-3'),
    );
    expect(role).toMatchObject({ kind: 'forbidden', code: 'ROLE_NOT_ALLOWED' });
    const committee = await refusalFrom(
      nominateCandidate(w, caller({ unitId: 'dd-kdn' }), { ...NOMINATION, unitId: 'dd-kdn' }, 'k4'),
    );
    expect(committee.kind).not.toBe('not-found');
    expect(w.store.items.size).toBe(0);
    expect(w.workflow.executions).toEqual([]);
  });
});
