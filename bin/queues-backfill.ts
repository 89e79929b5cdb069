import { DynamoDbCandidateStore } from '../functions/adapters/dynamodb-candidate-store';
import { backfillWorkQueues } from '../functions/services/backfill-work-queues';
import { backfillTarget, printBackfillResult } from './backfill-progress';

/**
 * npm run queues:backfill — lists the candidates written before work queues existed in them
 * (search key, due date, queue entries of the cell and each ancestor). Run once after the
 * upgrade; running it again finds nothing to do. Shows its progress after every page of the
 * scan; interrupted, the next run continues where it stopped (`-- --restart` starts over).
 * Same targets as quota:check (table-target.ts).
 */
async function main(): Promise<void> {
  const target = backfillTarget();
  const report = await backfillWorkQueues(
    { ...target, store: new DynamoDbCandidateStore(target.documents, target.table) },
    target.options,
  );
  target.close();
  printBackfillResult(
    { vi: 'Đã đưa hồ sơ vào hàng đợi', en: 'unlisted candidates listed in the work queues' },
    report,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
