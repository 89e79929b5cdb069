import type { DynamoDbQuotaStore } from '../adapters/dynamodb-quota-store';
import {
  addToLedgerTally,
  compareLedgerTally,
  emptyLedgerTally,
  type LedgerTally,
  type RecountResult,
} from '../domain/quota/recount';

/** A recount stopped part way: where the Scan was, and what it had added up. */
export interface SavedLedgerCheck {
  position: Record<string, unknown>;
  scanned: number;
  tally: LedgerTally;
}

/** Where a recount keeps its progress between runs (the operator tool keeps it in a file). */
export interface LedgerCheckProgress {
  load(): Promise<SavedLedgerCheck | undefined>;
  save(saved: SavedLedgerCheck): Promise<void>;
  clear(): Promise<void>;
}

export interface LedgerCheckOptions {
  /** Saves the recount after each page and continues a saved one; without it, one pass. */
  progress?: LedgerCheckProgress;
  /** Starts again from the beginning, ignoring a saved recount. */
  restart?: boolean;
  onProgress?: (status: { scanned: number; resumed: boolean }) => void;
}

/**
 * Recomputes every quota counter from the history events and every stage gauge from the
 * candidates, and compares them with the stored items (per unit, metric or stage, and month).
 * `differences` is empty when the ledger is exact. Reads the whole table, a page at a time: an
 * on-demand operator job, never a request or a schedule. With `progress`, a run interrupted
 * (Ctrl-C, a crash, a lost connection) is continued by the next one from its last page.
 */
export async function checkQuotaLedger(
  store: Pick<DynamoDbQuotaStore, 'scanLedgerPage'>,
  options: LedgerCheckOptions = {},
): Promise<RecountResult> {
  const loaded = options.restart ? undefined : await options.progress?.load();
  // A recount saved by a version without stage totals cannot be continued: it starts again.
  const saved = loaded?.tally.storedGaugeTotals ? loaded : undefined;
  const resumed = saved !== undefined;
  const tally = saved?.tally ?? emptyLedgerTally();
  let scanned = saved?.scanned ?? 0;
  let from = saved?.position;
  do {
    const page = await store.scanLedgerPage(from);
    addToLedgerTally(tally, page.snapshot);
    scanned += page.scanned;
    from = page.next;
    if (from) await options.progress?.save({ position: from, scanned, tally });
    options.onProgress?.({ scanned, resumed });
  } while (from);
  const result = compareLedgerTally(tally);
  await options.progress?.clear();
  return result;
}
