import { DynamoDbQuotaStore } from '../functions/adapters/dynamodb-quota-store';
import { shardQuotaLedger } from '../functions/services/shard-quota-ledger';
import { tableTarget } from './table-target';

/**
 * npm run quota:migrate — moves the quota counters and stage gauges written before the ledger
 * was sharded into the sharded layout (docs/architecture.md, "Sharded ledger items"). Run once
 * after the upgrade, while the system runs; running it again finds nothing to do, and an
 * interrupted run, started again, finds only what is left. Same targets as quota:check (table-target.ts).
 */
async function main(): Promise<void> {
  const { documents, table, close } = tableTarget();
  const line = (r: { found: number; moved: number; skipped: number }) =>
    `đã chuyển ${r.moved}/${r.found} bộ đếm (${r.skipped} để lần sau) / moved ${r.moved} of ${r.found} unsharded counters (${r.skipped} left for the next run)`;
  const report = await shardQuotaLedger(new DynamoDbQuotaStore(documents, table), (r) =>
    console.log(`… ${line(r)}`),
  );
  close();
  console.log(line(report).replace(/^đ/, 'Đ'));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
