import { backfillInFlightIndex } from '../functions/services/backfill-work-queues';
import { backfillTarget, printBackfillResult } from './backfill-progress';

/**
 * npm run inflight:backfill — puts the files in flight or on probation written before the
 * in-flight index existed into it, so the repair sweep sees them (docs/architecture.md,
 * "Repair"). Run once after the upgrade; running it again finds nothing to do. Shows its
 * progress after every page of the scan; interrupted, the next run continues where it stopped
 * (`-- --restart` starts over). Same targets as quota:check (table-target.ts).
 */
async function main(): Promise<void> {
  const target = backfillTarget();
  const report = await backfillInFlightIndex(target, target.options);
  target.close();
  printBackfillResult(
    { vi: 'Đã đưa hồ sơ đang xử lý vào chỉ mục', en: 'open files put in the in-flight index' },
    report,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
