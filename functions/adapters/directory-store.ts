import { type Account, type AccountEvent, type DirectoryEntry } from '../domain/account';
import { type Delivery } from '../domain/delivery';
import { type DigestSubscriber } from '../domain/digest-subscriber';
import { type Role } from '../domain/roles';

/** A page of a listing and the cursor of the next one (absent on the last page). */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** Another change of the account (or the e-mail address) got there first. */
export class AccountConflictError extends Error {
  readonly name = 'AccountConflictError';
  constructor(readonly reason: 'ACCOUNT_CHANGED' | 'EMAIL_TAKEN') {
    super(reason);
  }
}

/**
 * The people directory (DynamoDB): who holds which role at which unit, each account, its audit
 * trail and what was delivered to it. "The approvers of unit X" is one bounded Query.
 */
export interface DirectoryStore {
  getAccount(userId: string): Promise<Account | undefined>;
  /** The account whose e-mail this is (SES bounce and complaint notices name addresses). */
  accountIdByEmail(email: string): Promise<string | undefined>;
  /**
   * Writes the account (`before` undefined: a new one), its directory and listing entries and
   * its audit event in one transaction, conditional on `before`'s version. Throws
   * AccountConflictError when the account (or a new account's e-mail) changed meanwhile.
   */
  saveAccount(before: Account | undefined, after: Account, event: AccountEvent): Promise<void>;
  /** The enabled holders of a role at a unit, at most `limit` (one Query). */
  holdersOf(unitId: string, role: Role, limit?: number): Promise<DirectoryEntry[]>;
  /** Every account of a unit (enabled or not), or the enabled holders of one role there. */
  listAccounts(query: {
    unitId: string;
    role?: Role;
    limit: number;
    cursor?: string;
  }): Promise<Page<Account>>;
  /** The account's audit events, newest first. */
  accountEvents(userId: string, limit: number): Promise<AccountEvent[]>;
  recordDelivery(delivery: Delivery): Promise<void>;
  /**
   * One page of the people who receive the daily digest, in one shard of the subscriber index
   * (one Query of one partition), in id order.
   */
  digestSubscribers(shard: number, limit: number, cursor?: string): Promise<Page<DigestSubscriber>>;
  /**
   * The subscriber index's backfill: puts a subscribed account written before the index existed
   * into it, if the account is still at that version. True when it was missing and is now there;
   * false when it was there already, the account changed meanwhile (its own write indexed it) or
   * the account receives no digest.
   */
  indexDigestSubscriber(account: Account): Promise<boolean>;
  /** Whether the person's daily digest of `day` (YYYY-MM-DD) was sent already (one GetItem). */
  digestSent(userId: string, day: string): Promise<boolean>;
  /** Notes the digest of `day` as sent (once: a second note changes nothing). */
  markDigestSent(userId: string, day: string, deliveryId: string): Promise<void>;
  /** What was sent to the person, newest first. */
  listDeliveries(userId: string, limit: number, cursor?: string): Promise<Page<Delivery>>;
}
