import { StaleCandidateError } from '../../../functions/adapters/candidate-store';
import { endProbation } from '../../../functions/services/end-probation';
import { StaleExecutionError } from '../../../functions/services/park-candidate';
import { candidate, world } from '../fakes/builders';

/** The probation schedule wakes the recognition workflow: the member moves to the cell review. */

const REQUEST = { candidateId: 'c1', executionName: 'probation-c1-run' };

function onProbation(at: string) {
  const w = world(at);
  w.store.put(
    candidate('c1', {
      stage: 'ADMITTED',
      version: 12,
      dossier: { ceremony: { ceremonyDate: '2025-06-19' } },
    }),
  );
  return w;
}

describe('endProbation', () => {
  it('at the end of the 12 months hands the member to the cell, adopted by this execution', async () => {
    const w = onProbation('2026-06-18T17:00:00.000Z');
    const answer = await endProbation(w, REQUEST);
    expect(answer).toEqual({ outcome: expect.any(String), nextStage: 'RECOGNITION_CELL_REVIEW' });
    const after = await w.store.getCandidate('c1');
    expect(after).toMatchObject({
      stage: 'RECOGNITION_CELL_REVIEW',
      version: 13,
      execution: { name: 'probation-c1-run' },
    });
    expect(after?.dossier).toHaveProperty('probation');
    expect(w.store.historyOf('c1')).toEqual([
      expect.objectContaining({
        seq: 13,
        fromStage: 'ADMITTED',
        toStage: 'RECOGNITION_CELL_REVIEW',
        findings: expect.objectContaining({ probationEndsOn: '2026-06-19' }),
      }),
    ]);
  });

  it('answers a retry of the same execution as before, and stops any other', async () => {
    const w = onProbation('2026-06-19T01:00:00.000Z');
    const first = await endProbation(w, REQUEST);
    expect(await endProbation(w, REQUEST)).toEqual(first);
    await expect(
      endProbation(w, { ...REQUEST, executionName: 'second-delivery' }),
    ).rejects.toBeInstanceOf(StaleExecutionError);
    expect(w.store.historyOf('c1')).toHaveLength(1);
  });

  it('stops a schedule that fires before the probation is over, writing nothing', async () => {
    const w = onProbation('2026-06-17T01:00:00.000Z');
    await expect(endProbation(w, REQUEST)).rejects.toBeInstanceOf(StaleExecutionError);
    expect((await w.store.getCandidate('c1'))?.stage).toBe('ADMITTED');
  });

  it('reads again when the item changed under the commit', async () => {
    const w = onProbation('2026-06-19T01:00:00.000Z');
    const commit = w.store.commitScheduledTransition.bind(w.store);
    let refusals = 2;
    w.store.commitScheduledTransition = async (...args) => {
      if (refusals-- > 0) throw new StaleCandidateError('touched');
      return commit(...args);
    };
    await endProbation(w, REQUEST);
    expect((await w.store.getCandidate('c1'))?.stage).toBe('RECOGNITION_CELL_REVIEW');
  });
});
