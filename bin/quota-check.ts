import { parseArgs } from 'node:util';
import { DynamoDbQuotaStore } from '../functions/adapters/dynamodb-quota-store';
import { formatDifferences } from '../functions/domain/quota/recount';
import { checkQuotaLedger } from '../functions/services/check-quota-ledger';
import { LedgerCheckFile } from './ledger-check-file';
import { TARGET_OPTIONS, tableTarget } from './table-target';

/**
 * npm run quota:check — recounts every quota counter and stage gauge from history and compares
 * them with the stored ones; prints the differences and exits 1 on any mismatch (2 on an error).
 *
 *   npm run quota:check                         the local runtime (`npm start`, .local-data)
 *   npm run quota:check -- --data-dir DIR       a local runtime started with --data-dir DIR
 *   npm run quota:check -- --endpoint URL --table NAME
 *   TABLE_NAME=… AWS_REGION=… npm run quota:check   a deployed table (the usual AWS credentials)
 *
 * A run that stops part way (Ctrl-C, a crash, a lost connection) leaves its progress in
 * `--checkpoint FILE` (default .quota-check.<table>.json here) and the next run continues from
 * it; `--restart` starts from the beginning. The file is removed when a run finishes.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { ...TARGET_OPTIONS, checkpoint: { type: 'string' }, restart: { type: 'boolean' } },
  });
  const { documents, table, close } = tableTarget(values);
  const store = new DynamoDbQuotaStore(documents, table);
  const result = await checkQuotaLedger(store, {
    progress: new LedgerCheckFile(values.checkpoint ?? `.quota-check.${table}.json`, table),
    restart: values.restart,
    // Progress on stderr after every page of the scan (stdout keeps the result).
    onProgress: ({ scanned, resumed }) =>
      process.stderr.write(
        `${resumed ? 'tiếp tục, ' : ''}đã đọc ${scanned} mục / ${resumed ? 'resumed, ' : ''}scanned ${scanned} items\n`,
      ),
  });
  close();
  console.log(
    `Đếm lại ${result.events} sự kiện, ${result.candidates} hồ sơ; so ${result.compared.counters} bộ đếm và ${result.compared.gauges} bộ đếm giai đoạn / ` +
      `recounted ${result.events} events, ${result.candidates} candidates; compared ${result.compared.counters} counters and ${result.compared.gauges} stage gauges`,
  );
  if (result.leftOnTopUnits > 0) {
    console.log(
      `${result.leftOnTopUnits} bộ đếm còn lưu cho cấp ủy trực thuộc Trung ương (không dùng nữa): chạy npm run quota:migrate / ` +
        `${result.leftOnTopUnits} figures still stored for top-level committees (no longer used): run npm run quota:migrate`,
    );
  }
  if (result.differences.length === 0) {
    console.log('Khớp / all counters match');
    return 0;
  }
  console.log(`Lệch ${result.differences.length} / ${result.differences.length} mismatch(es):`);
  console.log(formatDifferences(result.differences));
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(2);
  },
);
