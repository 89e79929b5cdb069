import { parseArgs } from 'node:util';
import { DynamoDbCandidateScan } from '../functions/adapters/dynamodb-candidate-scan';
import { DynamoDbCheckpointStore } from '../functions/adapters/dynamodb-checkpoint-store';
import { type BackfillProgress } from '../functions/services/resumable-backfill';
import { TARGET_OPTIONS, tableTarget } from './table-target';

/**
 * What a resumable backfill tool shares: its table (table-target.ts), `--restart` to ignore a
 * saved position, and a progress line after every page of the scan.
 */
export function backfillTarget() {
  const { values } = parseArgs({ options: { ...TARGET_OPTIONS, restart: { type: 'boolean' } } });
  const target = tableTarget(values);
  return {
    ...target,
    scan: new DynamoDbCandidateScan(target.documents, target.table),
    checkpoints: new DynamoDbCheckpointStore(target.documents, target.table),
    now: () => new Date(),
    options: {
      restart: Boolean(values.restart),
      onProgress: (p: BackfillProgress) =>
        process.stderr.write(
          `đã đọc ${p.scanned} mục, tìm thấy ${p.found}, đã ghi ${p.applied}, lỗi ${p.failures} / scanned ${p.scanned} items, found ${p.found}, written ${p.applied}, failed ${p.failures}\n`,
        ),
      onFailure: (candidateId: string, error: unknown) =>
        process.stderr.write(`${candidateId}: ${(error as Error)?.name ?? 'Error'}\n`),
    },
  };
}

/** The closing line: resumed or not, finished, and the counts. */
export function printBackfillResult(what: { vi: string; en: string }, p: BackfillProgress): void {
  console.log(
    `${p.resumed ? 'Tiếp tục từ điểm đã lưu. ' : ''}${what.vi}: ${p.applied}/${p.found} (${p.scanned} mục đã đọc) / ` +
      `${p.resumed ? 'Resumed from the saved position. ' : ''}${what.en}: ${p.applied} of ${p.found} (${p.scanned} items scanned)`,
  );
}
