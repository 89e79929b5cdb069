import { DynamoDbCandidateStore } from '../functions/adapters/dynamodb-candidate-store';
import { backfillWorkQueues } from '../functions/services/backfill-work-queues';
import { tableTarget } from './table-target';

/**
 * npm run queues:backfill — lists the candidates written before work queues existed in them
 * (search key, due date, queue entries of the cell and each ancestor). Run once after the
 * upgrade; running it again finds nothing to do. Same targets as quota:check (table-target.ts).
 */
async function main(): Promise<void> {
  const { documents, table, close } = tableTarget();
  const report = await backfillWorkQueues(new DynamoDbCandidateStore(documents, table));
  close();
  console.log(
    `Đã đưa ${report.listed}/${report.unlisted} hồ sơ vào hàng đợi / listed ${report.listed} of ${report.unlisted} unlisted candidates in the work queues`,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
