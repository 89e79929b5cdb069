import { parseArgs } from 'node:util';
import { reconcileDirectory } from '../functions/services/reconcile-directory';
import { identityTarget } from './identity-target';
import { TARGET_OPTIONS } from './table-target';

/**
 * npm run directory:reconcile — makes the people directory (DynamoDB) say what the user pool
 * says: every user's roles, unit and whether they may sign in. Run it after creating users
 * outside the product (console, aws cli) and whenever the two may have drifted; it is
 * idempotent and prints its progress every 50 users. It is also the backfill of the daily
 * digest's subscriber index: accounts written before the index existed are put into it.
 *
 *   npm run directory:reconcile                                   the local runtime
 *   TABLE_NAME=… USER_POOL_ID=… npm run directory:reconcile      a deployed stack
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: TARGET_OPTIONS });
  const target = identityTarget(values);
  const report = await reconcileDirectory(
    { directory: target.directory, provider: target.provider, now: () => new Date() },
    (r) =>
      console.log(
        `${r.users} người dùng / users: ${r.created} mới / created, ${r.updated} cập nhật / updated, ${r.unchanged} không đổi / unchanged, ${r.indexed} thêm vào danh sách nhận bản tin / added to the digest subscribers, ${r.skipped} bỏ qua (không có đơn vị) / skipped (no unit)`,
      ),
  );
  target.close();
  if (report.skipped) process.exitCode = 1;
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
