import type { DynamoDbQuotaStore } from '../adapters/dynamodb-quota-store';

export interface LedgerMigrationReport {
  /** Counter and gauge items of the earlier layouts found. */
  found: number;
  /** Moved into the ledger partitions. */
  moved: number;
  /** Changed or gone since they were read (another run moved them): left for the next run. */
  skipped: number;
}

export type LedgerMigrationStore = Pick<
  DynamoDbQuotaStore,
  'legacyLedgerItems' | 'moveToLedger' | 'clearLegacyLedgerMark'
>;

/**
 * Moves the counters and gauges of the earlier layouts (one item per unit, metric or stage and
 * month, sharded or not) into the ledger partitions (docs/architecture.md, "Sharded ledger
 * items"). Each move is one transaction that deletes the old item only if it still holds the
 * count it adds, so a count is moved exactly once; safe while the system runs (transitions write
 * the new layout only; reports read old items too while the table is marked) and safe to run
 * again: a rerun finds only what is left. A pass that found nothing to move, or moved everything
 * it found, clears the mark.
 */
export async function migrateQuotaLedger(
  store: LedgerMigrationStore,
  onProgress: (report: LedgerMigrationReport) => void = () => {},
  progressEvery = 500,
): Promise<LedgerMigrationReport> {
  const report: LedgerMigrationReport = { found: 0, moved: 0, skipped: 0 };
  for await (const item of store.legacyLedgerItems()) {
    report.found++;
    if (await store.moveToLedger(item)) report.moved++;
    else report.skipped++;
    if (report.found % progressEvery === 0) onProgress(report);
  }
  if (report.skipped === 0) await store.clearLegacyLedgerMark();
  return report;
}
