import { type CandidateScan, type CandidateScanFilter } from '../adapters/candidate-scan';
import { type CheckpointStore } from '../adapters/checkpoint-store';
import { type Candidate } from '../domain/candidate';

export interface BackfillProgress {
  /** Items of the table read so far by this run. */
  scanned: number;
  /** Candidates that matched the filter. */
  found: number;
  /** Of those, written by this run (the others moved on meanwhile, or were done already). */
  applied: number;
  /** Candidates whose write failed; the run went on with the others. */
  failures: number;
  /** Whether this run continued a checkpoint an earlier run left. */
  resumed: boolean;
  /** Whether the scan reached the end of the table. */
  finished: boolean;
}

/**
 * An operator's one-off backfill over the whole table (after an upgrade; never scheduled): a
 * scan one page at a time, each matching candidate handled on its own, the position saved
 * after every page — a run interrupted (Ctrl-C, a crash, a lost connection) is continued by the
 * next from there, and `onProgress` is told after every page.
 */
export async function runBackfill(
  deps: { scan: CandidateScan; checkpoints: CheckpointStore; now: () => Date },
  job: {
    name: string;
    filter: CandidateScanFilter;
    apply: (candidate: Candidate) => Promise<boolean>;
  },
  options: {
    /** Starts again from the beginning, ignoring a saved position. */
    restart?: boolean;
    onProgress?: (progress: BackfillProgress) => void;
    onFailure?: (candidateId: string, error: unknown) => void;
  } = {},
): Promise<BackfillProgress> {
  let checkpoint = await deps.checkpoints.load<Record<string, unknown>>(job.name);
  let from = options.restart ? undefined : checkpoint.position;
  const progress: BackfillProgress = {
    scanned: 0,
    found: 0,
    applied: 0,
    failures: 0,
    resumed: from !== undefined,
    finished: false,
  };
  do {
    const page = await deps.scan.scanPage(job.filter, from);
    progress.scanned += page.scanned;
    for (const candidate of page.candidates) {
      progress.found++;
      try {
        if (await job.apply(candidate)) progress.applied++;
      } catch (error) {
        progress.failures++;
        options.onFailure?.(String(candidate?.id), error);
      }
    }
    from = page.next;
    progress.finished = !from;
    checkpoint = await deps.checkpoints.save(job.name, checkpoint, {
      ...(from ? { position: from } : {}),
      passesCompleted: checkpoint.passesCompleted + (from ? 0 : 1),
      ...(from ? { passStartedAt: checkpoint.passStartedAt ?? deps.now().toISOString() } : {}),
    });
    options.onProgress?.(progress);
  } while (from);
  return progress;
}
