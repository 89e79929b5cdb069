import { type InFlightRepair } from '../adapters/candidate-store';
import { type CandidateScan } from '../adapters/candidate-scan';
import { type CheckpointStore } from '../adapters/checkpoint-store';
import { type BackfillProgress, runBackfill } from './resumable-backfill';

type BackfillOptions = Parameters<typeof runBackfill>[2];

/**
 * Puts the candidates written before work queues existed into them (search key, due date,
 * queue entries of the cell and each ancestor). Safe to run again, and while the system runs:
 * a candidate that moves on meanwhile is listed by its own transition. Resumable.
 */
export function backfillWorkQueues(
  deps: {
    scan: CandidateScan;
    store: Pick<InFlightRepair, 'listInWorkQueues'>;
    checkpoints: CheckpointStore;
    now: () => Date;
  },
  options?: BackfillOptions,
): Promise<BackfillProgress> {
  return runBackfill(
    deps,
    {
      name: 'queues-backfill',
      filter: 'unlisted',
      apply: (candidate) => deps.store.listInWorkQueues(candidate),
    },
    options,
  );
}

/**
 * Puts the files in flight or on probation written before the in-flight index existed into it
 * (docs/architecture.md, "Repair"): until then the repair sweep does not see them. Safe to run
 * again, and while the system runs: a file that moves on meanwhile is indexed by its own
 * transition. Resumable.
 */
export function backfillInFlightIndex(
  deps: { scan: CandidateScan; checkpoints: CheckpointStore; now: () => Date },
  options?: BackfillOptions,
): Promise<BackfillProgress> {
  return runBackfill(
    deps,
    {
      name: 'in-flight-index-backfill',
      filter: 'unindexed',
      apply: (candidate) => deps.scan.indexInFlight(candidate),
    },
    options,
  );
}
