import { backfillWorkQueues } from '../../../functions/services/backfill-work-queues';
import { candidate, caller, world } from '../fakes/builders';
import { listCandidateQueue } from '../../../functions/services/work-queues';

/** Candidates written before work queues existed are listed once; one that moved meanwhile is left. */

describe('backfillWorkQueues', () => {
  it('lists every unlisted candidate, and a second run finds nothing to do', async () => {
    const w = world();
    w.store.put(candidate('a', { stage: 'CEREMONY' }), candidate('b', { stage: 'CEREMONY' }));
    w.store.unlisted.add('a').add('b');
    const queue = () => listCandidateQueue(w, caller(), { stage: ['CEREMONY'], limit: 10 });
    expect((await queue()).items).toEqual([]);
    const report = await backfillWorkQueues(w.store);
    expect(report).toMatchObject({ listed: 2 });
    expect((await queue()).items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(await backfillWorkQueues(w.store)).toMatchObject({ listed: 0 });
  });

  it('does not count a candidate whose own transition listed it meanwhile', async () => {
    const w = world();
    w.store.put(candidate('a'));
    w.store.unlisted.add('a');
    const list = w.store.listInWorkQueues.bind(w.store);
    w.store.listInWorkQueues = async (c) => {
      w.store.items.get('a')!.version++; // a transition committed (and listed it) in between
      return list(c);
    };
    const report = await backfillWorkQueues(w.store);
    expect(report.listed).toBe(0);
  });
});
