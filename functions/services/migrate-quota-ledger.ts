import type { DynamoDbQuotaStore } from '../adapters/dynamodb-quota-store';

export interface LedgerMigrationReport {
  /** Counter and gauge items of the earlier layouts found. */
  found: number;
  /** Moved into the ledger partitions. */
  moved: number;
  /**
   * Deleted items of top-level committees, which keep no ledger (their children's items hold
   * the same counts): old-layout items found, and every item of their ledger partitions.
   */
  dropped: number;
  /** Changed or gone since they were read (another run moved them): left for the next run. */
  skipped: number;
}

export type LedgerMigrationStore = Pick<
  DynamoDbQuotaStore,
  | 'legacyLedgerItems'
  | 'moveToLedger'
  | 'dropLegacyItem'
  | 'deleteLedgerOf'
  | 'childrenOf'
  | 'clearLegacyLedgerMark'
>;

/**
 * Brings the quota ledger to the current layout (docs/architecture.md, "Sharded ledger items"):
 *
 * - the counters and gauges of the earlier layouts (one item per unit, metric or stage and
 *   month, sharded or not) move into the ledger partitions, each in one transaction that
 *   deletes the old item only if it still holds the count it adds, so a count is moved exactly
 *   once — except a top-level committee's, which are deleted (conditionally too);
 * - the ledger partitions of the top-level committees are deleted: a top-level committee keeps
 *   no ledger since its figures became its children's sum, and every count in its items was
 *   written to one of its children's in the same transaction.
 *
 * Safe while the system runs (transitions write the current layout only; reports read old items
 * too while the table is marked) and safe to run again: a rerun finds only what is left, such as
 * an item a function instance of the previous version wrote during the deployment. A pass that
 * found nothing to move, or moved everything it found, clears the mark.
 */
export async function migrateQuotaLedger(
  store: LedgerMigrationStore,
  onProgress: (report: LedgerMigrationReport) => void = () => {},
  progressEvery = 500,
): Promise<LedgerMigrationReport> {
  const report: LedgerMigrationReport = { found: 0, moved: 0, dropped: 0, skipped: 0 };
  const tops = new Set((await store.childrenOf(undefined)).map((unit) => unit.id));
  for await (const item of store.legacyLedgerItems()) {
    report.found++;
    const top = tops.has(item.unitId);
    if (!(await (top ? store.dropLegacyItem(item) : store.moveToLedger(item)))) report.skipped++;
    else if (top) report.dropped++;
    else report.moved++;
    if (report.found % progressEvery === 0) onProgress(report);
  }
  for (const top of tops) report.dropped += await store.deleteLedgerOf(top);
  if (report.skipped === 0) await store.clearLegacyLedgerMark();
  return report;
}
