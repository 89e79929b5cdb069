import { parseArgs } from 'node:util';
import { DynamoDbQuotaStore } from '../functions/adapters/dynamodb-quota-store';
import {
  type LedgerMigrationReport,
  migrateQuotaLedger,
} from '../functions/services/migrate-quota-ledger';
import { TARGET_OPTIONS, tableTarget } from './table-target';

/**
 * npm run quota:migrate — moves the quota counters and stage gauges of the earlier layouts into
 * the ledger partitions, and deletes the top-level committees' items, which they no longer keep
 * (docs/architecture.md, "Sharded ledger items"). The upgrade:
 *
 * 1. `npm run quota:migrate -- --prepare` marks the table (the running version ignores the mark);
 * 2. deploy: reports read the new layout and, while the mark is there, the old items too;
 * 3. `npm run quota:migrate` moves every old item exactly once, while the system runs, deletes
 *    the top-level committees' ledger items and clears the mark once nothing is left. Running it again finds nothing to do; an interrupted
 *    run, started again, finds only what is left. Same targets as quota:check (table-target.ts).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { ...TARGET_OPTIONS, prepare: { type: 'boolean', default: false } },
  });
  const { documents, table, close } = tableTarget(values);
  const store = new DynamoDbQuotaStore(documents, table);
  if (values.prepare) {
    await store.markLegacyLedger();
    close();
    console.log(
      'Đã đánh dấu bảng: báo cáo sẽ đọc cả bộ đếm kiểu cũ cho tới khi chuyển xong / Table marked: reports read the old counters too until they are moved',
    );
    return;
  }
  const line = (r: LedgerMigrationReport) =>
    `đã chuyển ${r.moved}/${r.found} bộ đếm (${r.skipped} để lần sau), xoá ${r.dropped} mục của cấp ủy trực thuộc Trung ương / ` +
    `moved ${r.moved} of ${r.found} old counters (${r.skipped} left for the next run), deleted ${r.dropped} items of top-level committees`;
  const report = await migrateQuotaLedger(store, (r) => console.log(`… ${line(r)}`));
  close();
  console.log(line(report).replace(/^đ/, 'Đ'));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
