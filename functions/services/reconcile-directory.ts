import type { DirectoryStore } from '../adapters/directory-store';
import type { IdentityProvider } from '../adapters/identity-provider';
import { reconcileUser } from './accounts';

export interface ReconcileReport {
  users: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Users without a unit (`custom:unit_id`): no directory entry can name them. */
  skipped: number;
  /**
   * Unchanged accounts that receive the daily digest and were missing from its subscriber index
   * (written before it existed), put into it: the index's backfill.
   */
  indexed: number;
}

async function indexUnchanged(directory: DirectoryStore, userId: string): Promise<boolean> {
  const account = await directory.getAccount(userId);
  return account ? directory.indexDigestSubscriber(account) : false;
}

/**
 * Rebuilds the people directory from the identity provider: every user, page by page, made to
 * say in the directory what Cognito says (roles, unit, enabled), and the digest's subscriber
 * index what the accounts say (docs/architecture.md, "Daily digest"). Idempotent — a second run finds
 * everything unchanged — and resumable: a run cut short is simply run again.
 */
export async function reconcileDirectory(
  deps: { directory: DirectoryStore; provider: IdentityProvider; now: () => Date },
  onProgress: (report: ReconcileReport) => void = () => undefined,
): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    users: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    indexed: 0,
  };
  for await (const user of deps.provider.listUsers()) {
    report.users++;
    if (!user.unitId) {
      report.skipped++;
      continue;
    }
    const outcome = await reconcileUser(deps, user);
    report[outcome]++;
    // A created or updated account was indexed by its own write; an unchanged one may predate
    // the index.
    if (outcome === 'unchanged' && (await indexUnchanged(deps.directory, user.userId))) {
      report.indexed++;
    }
    if (report.users % 50 === 0) onProgress({ ...report });
  }
  onProgress({ ...report });
  return report;
}
