import { DynamoDbQuotaStore } from '../functions/adapters/dynamodb-quota-store';
import { formatDifferences } from '../functions/domain/quota/recount';
import { checkQuotaLedger } from '../functions/services/check-quota-ledger';
import { tableTarget } from './table-target';

/**
 * npm run quota:check — recounts every quota counter and stage gauge from history and compares
 * them with the stored ones; prints the differences and exits 1 on any mismatch (2 on an error).
 *
 *   npm run quota:check                         the local runtime (`npm start`, .local-data)
 *   npm run quota:check -- --data-dir DIR       a local runtime started with --data-dir DIR
 *   npm run quota:check -- --endpoint URL --table NAME
 *   TABLE_NAME=… AWS_REGION=… npm run quota:check   a deployed table (the usual AWS credentials)
 */
async function main(): Promise<number> {
  const { documents, table, close } = tableTarget();
  const store = new DynamoDbQuotaStore(documents, table);
  // Progress on stderr after every page of the scan (stdout keeps the result).
  const result = await checkQuotaLedger(store, (scanned) =>
    process.stderr.write(`đã đọc ${scanned} mục / scanned ${scanned} items\n`),
  );
  close();
  console.log(
    `Đếm lại ${result.events} sự kiện, ${result.candidates} hồ sơ; so ${result.compared.counters} bộ đếm và ${result.compared.gauges} bộ đếm giai đoạn / ` +
      `recounted ${result.events} events, ${result.candidates} candidates; compared ${result.compared.counters} counters and ${result.compared.gauges} stage gauges`,
  );
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
