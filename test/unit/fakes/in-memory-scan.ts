import {
  type CandidateScan,
  type CandidateScanPage,
} from '../../../functions/adapters/candidate-scan';
import { type InMemoryCandidates } from './in-memory-candidates';

/**
 * The operator's scan over the in-memory store: the candidates written before work queues
 * existed, in one page (the paging itself is tested with its own fake in
 * test/unit/services/resumable-backfill.test.ts).
 */
export class InMemoryScan implements CandidateScan {
  constructor(private readonly store: InMemoryCandidates) {}

  async scanPage(filter: 'unlisted' | 'unindexed'): Promise<CandidateScanPage> {
    if (filter !== 'unlisted') throw new Error(`the fake scans only for unlisted, not ${filter}`);
    const candidates = this.store.unlistedCandidates();
    return { candidates, scanned: this.store.items.size };
  }

  async indexInFlight(): Promise<boolean> {
    throw new Error('not kept by the fake: the in-flight index is the table’s');
  }
}
