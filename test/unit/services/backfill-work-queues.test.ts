import { backfillWorkQueues } from '../../../functions/services/backfill-work-queues';
import { candidate, caller, world } from '../fakes/builders';
import { InMemoryCheckpoints } from '../fakes/in-memory-checkpoints';
import { InMemoryScan } from '../fakes/in-memory-scan';
import { listCandidateQueue } from '../../../functions/services/work-queues';

/** Candidates written before work queues existed are listed once; one that moved meanwhile is left. */

const backfill = (w: ReturnType<typeof world>) =>
  backfillWorkQueues({
    scan: new InMemoryScan(w.store),
    store: w.store,
    checkpoints: new InMemoryCheckpoints(),
    now: () => new Date(),
  });

describe('backfillWorkQueues', () => {
  it('lists every unlisted candidate, and a second run finds nothing to do', async () => {
    const w = world();
    w.store.put(candidate('a', { stage: 'CEREMONY' }), candidate('b', { stage: 'CEREMONY' }));
    w.store.unlisted.add('a').add('b');
    const queue = () => listCandidateQueue(w, caller(), { stage: ['CEREMONY'], limit: 10 });
    expect((await queue()).items).toEqual([]);
    const report = await backfill(w);
    expect(report).toMatchObject({ found: 2, applied: 2, finished: true });
    expect((await queue()).items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(await backfill(w)).toMatchObject({ found: 0, applied: 0 });
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
    const report = await backfill(w);
    expect(report).toMatchObject({ found: 1, applied: 0 });
  });
});
