import { StaleCandidateError } from '../../../functions/adapters/candidate-store';
import { applyTransition } from '../../../functions/services/apply-transition';
import { StaleExecutionError } from '../../../functions/services/park-candidate';
import { submitAction } from '../../../functions/services/submit-action';
import { caller, candidate, world } from '../fakes/builders';

/** Committing a delivered submission: new stage and version, its event, once. */

async function submitted(
  stage: 'NOMINATED' | 'CEREMONY',
  request: { action: string; payload: object },
  fields = {},
) {
  const w = world();
  w.store.put(candidate('c1', { stage, version: 3, ...fields }));
  const ids = { submissionId: 'sub-1', idempotencyKey: 'key-1' };
  await submitAction(w, caller(), 'c1', { ...request, expectedVersion: 3 }, ids);
  return w;
}

const CONFIRM = {
  action: 'confirmNomination',
  payload: { decisionDate: '2025-06-30', helperMemberName: 'Lê Văn Giúp' },
};
const WITHDRAW = {
  action: 'withdraw',
  payload: { reason: 'MOVED_AWAY', effectiveOn: '2025-06-30' },
};

describe('applyTransition', () => {
  it('moves the candidate to the next stage with its event, and clears the submission', async () => {
    const w = await submitted('NOMINATED', CONFIRM);
    const applied = await applyTransition(w, {
      candidateId: 'c1',
      stage: 'NOMINATED',
      submissionId: 'sub-1',
    });
    expect(applied).toEqual({ outcome: 'confirmed', nextStage: 'AWARENESS_CLASS' });
    const after = await w.store.getCandidate('c1');
    expect(after).toMatchObject({ stage: 'AWARENESS_CLASS', version: 4 });
    expect(after?.submission).toBeUndefined();
    expect(after?.dossier).toHaveProperty('nomination');
    expect(w.store.historyOf('c1')).toEqual([
      expect.objectContaining({
        type: 'TRANSITION',
        seq: 4,
        fromStage: 'NOMINATED',
        toStage: 'AWARENESS_CLASS',
        submissionId: 'sub-1',
        action: 'confirmNomination',
      }),
    ]);
  });

  it('answers a second run from the history and writes nothing twice', async () => {
    const w = await submitted('NOMINATED', CONFIRM);
    const request = { candidateId: 'c1', stage: 'NOMINATED' as const, submissionId: 'sub-1' };
    const first = await applyTransition(w, request);
    expect(await applyTransition(w, request)).toEqual(first);
    expect(w.store.historyOf('c1')).toHaveLength(1);
    expect((await w.store.getCandidate('c1'))?.version).toBe(4);
  });

  it('reads again and commits when something else touched the item meanwhile', async () => {
    const w = await submitted('NOMINATED', CONFIRM);
    const commit = w.store.commitTransition.bind(w.store);
    let refusals = 1;
    w.store.commitTransition = async (...args) => {
      if (refusals-- > 0) throw new StaleCandidateError('touched');
      return commit(...args);
    };
    const applied = await applyTransition(w, { candidateId: 'c1', submissionId: 'sub-1' });
    expect(applied.nextStage).toBe('AWARENESS_CLASS');
    expect(w.store.historyOf('c1')).toHaveLength(1);
  });

  it('ends an execution whose submission is not pending and was never applied', async () => {
    const w = await submitted('NOMINATED', CONFIRM);
    await expect(
      applyTransition(w, { candidateId: 'c1', stage: 'NOMINATED', submissionId: 'sub-other' }),
    ).rejects.toBeInstanceOf(StaleExecutionError);
    await expect(
      applyTransition(w, { candidateId: 'gone', submissionId: 'sub-1' }),
    ).rejects.toBeInstanceOf(StaleExecutionError);
    expect((await w.store.getCandidate('c1'))?.stage).toBe('NOMINATED');
  });

  it('frees the person when the file ends: the same person can be nominated again', async () => {
    const w = await submitted('NOMINATED', WITHDRAW);
    const applied = await applyTransition(w, { candidateId: 'c1', submissionId: 'sub-1' });
    expect(applied).toEqual({ outcome: 'withdrawn', nextStage: 'WITHDRAWN' });
    expect(w.store.people.get('fp-c1')).toMatchObject({ candidateId: 'c1', closed: true });
  });

  it('schedules the end of probation on reaching ADMITTED, and records the schedule', async () => {
    const w = await submitted('CEREMONY', {
      action: 'recordCeremony',
      payload: { ceremonyDate: '2025-06-19' },
    });
    const applied = await applyTransition(w, { candidateId: 'c1', submissionId: 'sub-1' });
    expect(applied.nextStage).toBe('ADMITTED');
    expect(w.schedules.created).toEqual([
      { name: 'probation-c1', at: '2026-06-19T00:00:00', input: { candidateId: 'c1' } },
    ]);
    expect((await w.store.getCandidate('c1'))?.probationSchedule).toEqual({
      name: 'probation-c1',
      wakesOn: '2026-06-19',
    });
  });
});
