import {
  type CandidateScan,
  type CandidateScanPage,
} from '../../../functions/adapters/candidate-scan';
import { type Candidate } from '../../../functions/domain/candidate';
import { runBackfill } from '../../../functions/services/resumable-backfill';
import { candidate } from '../fakes/builders';
import { InMemoryCheckpoints } from '../fakes/in-memory-checkpoints';

/** A table of `size` items, `perPage` read per page; every third is a candidate to backfill. */
class FakeScan implements CandidateScan {
  pagesRead = 0;
  constructor(
    private readonly size: number,
    private readonly perPage: number,
    private readonly failAt = -1,
  ) {}

  async scanPage(_filter: unknown, from?: Record<string, unknown>): Promise<CandidateScanPage> {
    this.pagesRead++;
    if (this.pagesRead === this.failAt) throw new Error('connection lost');
    const start = Number(from?.at ?? 0);
    const end = Math.min(this.size, start + this.perPage);
    const candidates: Candidate[] = [];
    for (let i = start; i < end; i++) if (i % 3 === 0) candidates.push(candidate(`c${i}`));
    return {
      candidates,
      scanned: end - start,
      ...(end < this.size ? { next: { at: end } } : {}),
    };
  }

  async indexInFlight(): Promise<boolean> {
    return true;
  }
}

describe('an operator backfill over the table', () => {
  it('reports its progress after every page and ends at the end of the table', async () => {
    const scan = new FakeScan(100, 10);
    const seen: number[] = [];
    const done = await runBackfill(
      { scan, checkpoints: new InMemoryCheckpoints(), now: () => new Date() },
      { name: 'job', filter: 'unlisted', apply: async () => true },
      { onProgress: (p) => seen.push(p.scanned) },
    );
    expect(seen).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(done).toMatchObject({ scanned: 100, found: 34, applied: 34, finished: true });
  });

  it('resumes where an interrupted run stopped, writing nothing twice', async () => {
    const checkpoints = new InMemoryCheckpoints();
    const applied: string[] = [];
    const job = {
      name: 'job',
      filter: 'unlisted' as const,
      apply: async (c: Candidate) => {
        applied.push(c.id);
        return true;
      },
    };
    const now = () => new Date();
    await expect(
      runBackfill({ scan: new FakeScan(100, 10, 5), checkpoints, now }, job),
    ).rejects.toThrow('connection lost');
    expect(applied).toHaveLength(14); // items 0..39
    const second = await runBackfill({ scan: new FakeScan(100, 10), checkpoints, now }, job);
    expect(second).toMatchObject({ resumed: true, scanned: 60, finished: true });
    expect(new Set(applied).size).toBe(34);
    expect(applied).toHaveLength(34);
  });

  it('goes on past a candidate whose write fails', async () => {
    const failed: string[] = [];
    const done = await runBackfill(
      { scan: new FakeScan(9, 10), checkpoints: new InMemoryCheckpoints(), now: () => new Date() },
      {
        name: 'job',
        filter: 'unindexed',
        apply: async (c) => {
          if (c.id === 'c3') throw new Error('throttled');
          return true;
        },
      },
      { onFailure: (id) => failed.push(id) },
    );
    expect(done).toMatchObject({ found: 3, applied: 2, failures: 1 });
    expect(failed).toEqual(['c3']);
  });
});
