import type { DynamoDbQuotaStore } from '../adapters/dynamodb-quota-store';

export interface ShardingReport {
  /** Unsharded counter and gauge items found. */
  found: number;
  /** Moved into their legacy shard. */
  moved: number;
  /** Changed or gone since they were read (another run moved them): left for the next run. */
  skipped: number;
}

/**
 * Moves the counters and gauges written before the ledger was sharded into the sharded layout
 * (docs/architecture.md, "Sharded ledger items"). Each move is one transaction that deletes the
 * old item only if it still holds the count it adds, so a count is moved exactly once; safe while
 * the system runs (transitions write shards only, reads sum old items and shards alike) and safe
 * to run again: a rerun finds only what is left.
 */
export async function shardQuotaLedger(
  store: Pick<DynamoDbQuotaStore, 'unshardedLedgerItems' | 'moveToShard'>,
  onProgress: (report: ShardingReport) => void = () => {},
  progressEvery = 500,
): Promise<ShardingReport> {
  const report: ShardingReport = { found: 0, moved: 0, skipped: 0 };
  for await (const item of store.unshardedLedgerItems()) {
    report.found++;
    if (await store.moveToShard(item)) report.moved++;
    else report.skipped++;
    if (report.found % progressEvery === 0) onProgress(report);
  }
  return report;
}
