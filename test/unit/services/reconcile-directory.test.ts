import { reconcileDirectory } from '../../../functions/services/reconcile-directory';
import { InMemoryDirectory, InMemoryProvider } from '../fakes/in-memory-directory';

/** The directory rebuilt from the identity provider: what Cognito says, idempotently. */

async function provider() {
  const users = new InMemoryProvider();
  const base = { name: 'Người Dùng', groups: ['cell-officer' as const] };
  await users.createUser({ ...base, username: 'a', email: 'a@example.vn', unitId: 'dd-kythuat' });
  await users.createUser({ ...base, username: 'b', email: 'b@example.vn', unitId: 'dd-kdn' });
  await users.createUser({ ...base, username: 'nounit', email: 'c@example.vn', unitId: '' });
  return users;
}

describe('reconcileDirectory', () => {
  it('creates the missing accounts, skips users without a unit, and changes nothing the second time', async () => {
    const users = await provider();
    const directory = new InMemoryDirectory();
    const deps = { directory, provider: users, now: () => new Date('2026-01-02T00:00:00Z') };
    const progress: number[] = [];
    const first = await reconcileDirectory(deps, (r) => progress.push(r.users));
    expect(first).toEqual({
      users: 3,
      created: 2,
      updated: 0,
      unchanged: 0,
      skipped: 1,
      indexed: 0,
    });
    expect(progress).toEqual([3]);
    expect((await directory.holdersOf('dd-kythuat', 'cell-officer')).map((e) => e.email)).toEqual([
      'a@example.vn',
    ]);
    expect(await reconcileDirectory(deps)).toEqual({
      users: 3,
      created: 0,
      updated: 0,
      unchanged: 2,
      skipped: 1,
      indexed: 0,
    });
    expect(directory.events).toHaveLength(2);
  });

  it("backfills the digest's subscriber index for accounts written before it, once", async () => {
    const users = await provider();
    const directory = new InMemoryDirectory();
    const deps = { directory, provider: users, now: () => new Date('2026-01-02T00:00:00Z') };
    await reconcileDirectory(deps);
    const a = users.users.get('a')!.userId;
    const b = users.users.get('b')!.userId;
    expect([...directory.subscribers.keys()].sort()).toEqual([a, b].sort());
    // As after the upgrade: the accounts are there, the index is empty; b turned the digest off.
    directory.subscribers.clear();
    directory.accounts.set(b, { ...directory.accounts.get(b)!, digest: false });
    expect(await reconcileDirectory(deps)).toMatchObject({ unchanged: 2, indexed: 1 });
    expect([...directory.subscribers.keys()]).toEqual([a]);
    expect(directory.subscribers.get(a)).toEqual({
      userId: a,
      name: 'Người Dùng',
      email: 'a@example.vn',
      unitId: 'dd-kythuat',
      roles: ['cell-officer'],
    });
    // Run again: nothing left to index, no account written.
    expect(await reconcileDirectory(deps)).toMatchObject({ unchanged: 2, indexed: 0 });
    expect(directory.events).toHaveLength(2);
  });

  it('brings an account in line with a change made in the identity provider, with an audit event', async () => {
    const users = await provider();
    const directory = new InMemoryDirectory();
    const deps = { directory, provider: users, now: () => new Date('2026-01-02T00:00:00Z') };
    await reconcileDirectory(deps);
    await users.setEnabled('a', false);
    await users.setGroups('b', ['cell-officer'], ['approver']);
    expect(await reconcileDirectory(deps)).toMatchObject({ updated: 2, unchanged: 0 });
    const a = await directory.getAccount(users.users.get('a')!.userId);
    expect(a).toMatchObject({ enabled: false, version: 2 });
    expect(await directory.holdersOf('dd-kythuat', 'cell-officer')).toEqual([]);
    expect(directory.events.filter((e) => e.type === 'RECONCILED')).toHaveLength(4);
  });
});
