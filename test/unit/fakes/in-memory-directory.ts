import { copy } from './copy';
import {
  AccountConflictError,
  type DirectoryStore,
  type Page,
} from '../../../functions/adapters/directory-store';
import {
  type IdentityProvider,
  type ProviderUser,
  UsernameTakenError,
} from '../../../functions/adapters/identity-provider';
import {
  type Account,
  type AccountEvent,
  type DirectoryEntry,
} from '../../../functions/domain/account';
import { type Delivery } from '../../../functions/domain/delivery';
import {
  type DigestSubscriber,
  digestShardOf,
  digestSubscriberOf,
} from '../../../functions/domain/digest-subscriber';
import { type Role } from '../../../functions/domain/roles';

/** The directory port kept in memory, with the adapter's conditions (version, e-mail owner). */
export class InMemoryDirectory implements DirectoryStore {
  readonly accounts = new Map<string, Account>();
  readonly events: AccountEvent[] = [];
  readonly deliveries: Delivery[] = [];

  async getAccount(userId: string) {
    const account = this.accounts.get(userId);
    return account ? copy(account) : undefined;
  }
  async accountIdByEmail(email: string) {
    return [...this.accounts.values()].find((a) => a.email === email)?.userId;
  }
  async saveAccount(before: Account | undefined, after: Account, event: AccountEvent) {
    const current = this.accounts.get(after.userId);
    if (before ? current?.version !== before.version : current) {
      throw new AccountConflictError('ACCOUNT_CHANGED');
    }
    if (!before && after.email && (await this.accountIdByEmail(after.email))) {
      throw new AccountConflictError('EMAIL_TAKEN');
    }
    this.accounts.set(after.userId, copy(after));
    this.events.push(event);
    // The subscriber index follows the account, as in the adapter's transaction.
    const subscriber = digestSubscriberOf(after);
    if (subscriber) this.subscribers.set(after.userId, subscriber);
    else this.subscribers.delete(after.userId);
  }
  /**
   * The digest's subscriber index. Accounts put straight into `accounts` (written "before the
   * index existed") are not in it until `indexDigestSubscriber`.
   */
  readonly subscribers = new Map<string, DigestSubscriber>();
  async digestSubscribers(shard: number, limit: number, cursor?: string) {
    const ids = [...this.subscribers.keys()]
      .filter((id) => digestShardOf(id) === shard && (!cursor || id > cursor))
      .sort();
    const items = ids.slice(0, limit).map((id) => copy(this.subscribers.get(id)!));
    return { items, ...(ids.length > limit ? { cursor: ids[limit - 1] } : {}) };
  }
  async indexDigestSubscriber(account: Account) {
    const current = this.accounts.get(account.userId);
    const subscriber = digestSubscriberOf(account);
    if (!subscriber || current?.version !== account.version) return false;
    if (this.subscribers.has(account.userId)) return false;
    this.subscribers.set(account.userId, subscriber);
    return true;
  }
  async holdersOf(unitId: string, role: Role): Promise<DirectoryEntry[]> {
    return [...this.accounts.values()]
      .filter((a) => a.enabled && a.unitId === unitId && a.roles.includes(role))
      .map(({ userId, name, email, digest }) => ({ userId, name, email, unitId, role, digest }));
  }
  async listAccounts(query: { unitId: string; role?: Role }): Promise<Page<Account>> {
    return {
      items: [...this.accounts.values()].filter(
        (a) => a.unitId === query.unitId && (!query.role || a.roles.includes(query.role)),
      ),
    };
  }
  async accountEvents(userId: string) {
    return this.events.filter((e) => e.userId === userId).reverse();
  }
  async recordDelivery(delivery: Delivery) {
    this.deliveries.push(delivery);
  }
  readonly digests = new Map<string, string>();
  async digestSent(userId: string, day: string) {
    return this.digests.has(`${userId}#${day}`);
  }
  async markDigestSent(userId: string, day: string, deliveryId: string) {
    if (!this.digests.has(`${userId}#${day}`)) this.digests.set(`${userId}#${day}`, deliveryId);
  }
  async listDeliveries(userId: string) {
    return { items: this.deliveries.filter((d) => d.userId === userId) };
  }
}

/** The identity-provider port kept in memory: what Cognito would hold. */
export class InMemoryProvider implements IdentityProvider {
  readonly users = new Map<string, ProviderUser>();
  private next = 0;

  async createUser(input: {
    username: string;
    email: string;
    name: string;
    unitId: string;
    groups: Role[];
  }) {
    // As Cognito's UsernameExistsException, which the adapter turns into this error.
    if (this.users.has(input.username)) throw new UsernameTakenError(input.username);
    const user: ProviderUser = {
      ...input,
      userId: `sub-${++this.next}`,
      enabled: true,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    this.users.set(input.username, user);
    return { ...user };
  }
  async getUser(username: string) {
    return this.users.get(username);
  }
  async setGroups(username: string, _from: readonly Role[], to: readonly Role[]) {
    this.users.get(username)!.groups = [...to];
  }
  async setUnit(username: string, unitId: string) {
    this.users.get(username)!.unitId = unitId;
  }
  async setEnabled(username: string, enabled: boolean) {
    this.users.get(username)!.enabled = enabled;
  }
  async *listUsers() {
    yield* this.users.values();
  }
}
