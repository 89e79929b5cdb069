import { applyTransition } from '../../../functions/services/apply-transition';
import {
  classView,
  createClass,
  enrolCandidates,
  listClasses,
  recordClassResults,
} from '../../../functions/services/training-classes';
import { caller, candidate, refusalFrom, world } from '../fakes/builders';

/** Awareness classes: opened by a committee, seats taken with the candidates' actions, results. */

const COMMITTEE = caller({ userId: 'committee-1', roles: ['committee-officer'], unitId: 'dd-kdn' });
const CELL = caller();
const DEFINITION = {
  name: 'Lớp bồi dưỡng tháng 7',
  organiserUnitId: 'dd-kdn',
  startsOn: '2025-07-07',
  endsOn: '2025-07-11',
  capacity: 2,
  location: 'Hội trường Khối',
};

async function opened() {
  const w = world('2025-07-01T03:00:00.000Z');
  const deps = { ...w, classes: w.classes };
  for (const id of ['a', 'b', 'c']) {
    w.store.put(
      candidate(id, { stage: 'AWARENESS_CLASS', version: 2, fullName: `Học viên ${id}` }),
    );
  }
  const created = await createClass(deps, COMMITTEE, DEFINITION, 'key-1');
  return { w, deps, created };
}

async function applyPending(w: Awaited<ReturnType<typeof opened>>['w'], id: string) {
  const submission = (await w.store.getCandidate(id))!.submission!;
  await applyTransition(w, { candidateId: id, submissionId: submission.id });
}

describe('training classes', () => {
  it('opens a class once per request, listed for its organiser', async () => {
    const { deps, created } = await opened();
    expect(created).toMatchObject({
      ...DEFINITION,
      enrolled: 0,
      organiserPath: ['hn', 'hn-dongda', 'dd-kdn'],
    });
    expect(await createClass(deps, COMMITTEE, DEFINITION, 'key-1')).toEqual(created);
    const listed = await listClasses(deps, COMMITTEE, { limit: 10 });
    expect(listed.items.map((c: { id: string }) => c.id)).toEqual([created.id]);
  });

  it("refuses a cell officer, and an organiser outside the caller's subtree", async () => {
    const { deps } = await opened();
    expect(await refusalFrom(createClass(deps, CELL, DEFINITION, 'key-2'))).toMatchObject({
      kind: 'forbidden',
    });
    const outside = await refusalFrom(
      createClass(deps, COMMITTEE, { ...DEFINITION, organiserUnitId: 'hn' }, 'key-3'),
    );
    expect(outside.kind).toBe('not-found');
  });

  it('takes seats with the enrolments up to the capacity, and no further', async () => {
    const { w, deps, created } = await opened();
    const response = await enrolCandidates(deps, CELL, created.id, ['a', 'b', 'c'], 'bulk-1');
    expect(response.results.map((r) => r.status)).toEqual(['APPLIED', 'APPLIED', 'REFUSED']);
    expect(response.results[2]).toMatchObject({ error: { code: 'CLASS_FULL' } });
    expect((await w.classes.getClass(created.id))?.enrolled).toBe(2);
    expect((await w.classes.getSeats(created.id)).map((s) => s.candidateId).sort()).toEqual([
      'a',
      'b',
    ]);
    expect((await w.store.getCandidate('c'))?.submission).toBeUndefined();
    const view = await classView(deps, CELL, created.id);
    expect(view).toMatchObject({ status: 'PLANNED', enrolled: 2 });
  });

  it("records a result on the seat with the candidate's action, once, only for the enrolled", async () => {
    const { w, deps, created } = await opened();
    await enrolCandidates(deps, CELL, created.id, ['a'], 'bulk-1');
    await applyPending(w, 'a');
    w.setNow('2025-07-15T03:00:00.000Z');
    const response = await recordClassResults(
      deps,
      CELL,
      created.id,
      {
        results: [
          { candidateId: 'a', result: 'PASSED', certificateNumber: 'GCN-001' },
          { candidateId: 'b', result: 'ABSENT' },
        ],
      },
      'bulk-2',
    );
    expect(response.results.map((r) => r.status)).toEqual(['APPLIED', 'REFUSED']);
    expect(response.results[1]).toMatchObject({ error: { code: 'NOT_ENROLLED_IN_CLASS' } });
    expect(await w.classes.getSeats(created.id)).toEqual([
      expect.objectContaining({
        candidateId: 'a',
        result: 'PASSED',
        certificateNumber: 'GCN-001',
        issuedOn: '2025-07-11',
      }),
    ]);
    expect((await w.store.getCandidate('a'))?.submission).toMatchObject({
      action: 'recordClassResult',
      outcome: expect.any(String),
    });
  });

  it('hides a class from a unit that may not use it', async () => {
    const { deps, created } = await opened();
    const refusal = await refusalFrom(classView(deps, caller({ unitId: 'hn-badinh' }), created.id));
    expect(refusal).toMatchObject({ kind: 'not-found', code: 'CLASS_NOT_FOUND' });
  });
});
