import { parseArgs } from 'node:util';
import { backfillAuditKeys } from '../functions/adapters/audit-backfill';
import { TARGET_OPTIONS, tableTarget } from './table-target';

/**
 * npm run audit:backfill — gives the history events written before the current audit layout
 * their keys in both audit indexes (the unit path in the subtree index's sort key, the unit in the
 * unit audit index; docs/architecture.md, "Table design"), so GET /audit finds them. Run once
 * after each upgrade; it prints its progress and, if interrupted, resumes with
 * `-- --resume '<key printed last>'`. Same targets as quota:check (table-target.ts).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { ...TARGET_OPTIONS, resume: { type: 'string' } } });
  const { documents, table, close } = tableTarget(values);
  const report = await backfillAuditKeys(documents, table, {
    resumeKey: values.resume ? JSON.parse(values.resume) : undefined,
    onPage: (p) =>
      console.log(
        `đã đọc ${p.scanned}, đã cập nhật ${p.rekeyed} / scanned ${p.scanned}, rekeyed ${p.rekeyed}` +
          (p.resumeKey ? ` — resume: ${JSON.stringify(p.resumeKey)}` : ''),
      ),
  });
  close();
  console.log(
    `Xong: ${report.rekeyed} sự kiện được cập nhật khóa / done: ${report.rekeyed} events rekeyed`,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
