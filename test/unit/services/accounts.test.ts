import { type Caller } from '../../../functions/domain/caller';
import { type OrgUnit } from '../../../functions/domain/org-unit';
import { Refusal } from '../../../functions/domain/refusal';
import {
  type AccountDeps,
  changeAccount,
  createAccount,
  usernameFor,
} from '../../../functions/services/accounts';
import { reconcileDirectory } from '../../../functions/services/reconcile-directory';
import { InMemoryDirectory, InMemoryProvider } from '../fakes/in-memory-directory';

const UNITS: Record<string, OrgUnit> = {
  hn: {
    id: 'hn',
    name: 'Thành ủy',
    level: 'CITY_COMMITTEE',
    path: ['hn'],
    effectiveFrom: '2020-01-01',
  },
  'dd-kdn': {
    id: 'dd-kdn',
    name: 'Đảng ủy Khối',
    level: 'BLOC_COMMITTEE',
    parentId: 'hn',
    path: ['hn', 'dd-kdn'],
    effectiveFrom: '2020-01-01',
  },
  'tt-kdn': {
    id: 'tt-kdn',
    name: 'Khác',
    level: 'BLOC_COMMITTEE',
    parentId: 'tt',
    path: ['tt', 'tt-kdn'],
    effectiveFrom: '2020-01-01',
  },
};

const admin: Caller = { userId: 'admin-1', name: 'Quản trị', roles: ['admin'], unitId: 'hn' };

function setup(pending: string[] = []) {
  const directory = new InMemoryDirectory();
  const provider = new InMemoryProvider();
  const handedOver: { ids: string[]; to: string }[] = [];
  const deps: AccountDeps = {
    directory,
    provider,
    units: { getUnit: async (id) => UNITS[id] },
    pendingDecisions: async () => pending,
    handOver: async (_unit, ids, to) => void handedOver.push({ ids: [...ids], to: to.userId }),
    now: () => new Date('2026-03-02T03:00:00Z'),
  };
  return { deps, directory, provider, handedOver };
}

const refusalOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Refusal) return { kind: error.kind, code: error.body.code };
    throw error;
  }
  throw new Error('Expected a refusal');
};

const person = (
  email: string,
  roles: ('approver' | 'cell-officer' | 'admin')[],
  unitId = 'dd-kdn',
) => ({
  email,
  name: 'Cán Bộ Thử',
  unitId,
  roles,
  digest: true,
});

describe('accounts', () => {
  it('creates the user in the provider and the directory with its audit event', async () => {
    const { deps, directory, provider } = setup();
    const view = await createAccount(deps, admin, person('an@example.vn', ['approver']), 'k1');
    expect(view).toMatchObject({
      roles: ['approver'],
      unitId: 'dd-kdn',
      enabled: true,
      version: 1,
    });
    expect(provider.users.get(usernameFor('an@example.vn'))?.groups).toEqual(['approver']);
    expect(await directory.holdersOf('dd-kdn', 'approver')).toHaveLength(1);
    expect(directory.events).toEqual([
      expect.objectContaining({
        type: 'ACCOUNT_CREATED',
        idempotencyKey: 'k1',
        by: expect.objectContaining({ userId: 'admin-1' }),
      }),
    ]);
  });

  it('refuses outside the subtree as not found, other roles as forbidden, a taken address as conflict', async () => {
    const { deps, directory } = setup();
    expect(
      await refusalOf(
        createAccount(deps, admin, person('x@example.vn', ['approver'], 'tt-kdn'), 'k'),
      ),
    ).toEqual({
      kind: 'not-found',
      code: 'UNIT_NOT_FOUND',
    });
    const officer: Caller = { ...admin, roles: ['cell-officer'] };
    expect(
      await refusalOf(createAccount(deps, officer, person('x@example.vn', ['cell-officer']), 'k')),
    ).toEqual({
      kind: 'forbidden',
      code: 'ROLE_NOT_ALLOWED',
    });
    await createAccount(deps, admin, person('x@example.vn', ['cell-officer']), 'k');
    expect(
      await refusalOf(createAccount(deps, admin, person('x@example.vn', ['cell-officer']), 'k2')),
    ).toEqual({
      kind: 'conflict',
      code: 'ACCOUNT_EMAIL_TAKEN',
    });
    expect(directory.accounts.size).toBe(1);
    const other = [...directory.accounts.values()][0];
    const outsider: Caller = { ...admin, unitId: 'tt-kdn' };
    expect(
      await refusalOf(changeAccount(deps, outsider, other.userId, { enabled: false }, 'k')),
    ).toEqual({
      kind: 'not-found',
      code: 'ACCOUNT_NOT_FOUND',
    });
  });

  it('refuses a username the sign-in side already holds, and writes nothing to the directory', async () => {
    const { deps, directory, provider } = setup();
    await provider.createUser({
      username: 'can-bo-cu',
      email: 'cu@example.vn',
      name: 'Cán Bộ Cũ',
      unitId: 'dd-kdn',
      groups: [],
    });
    const taken = { ...person('moi@example.vn', ['cell-officer']), username: 'can-bo-cu' };
    expect(await refusalOf(createAccount(deps, admin, taken, 'k'))).toEqual({
      kind: 'conflict',
      code: 'ACCOUNT_USERNAME_TAKEN',
    });
    expect(directory.accounts.size).toBe(0);
    expect(provider.users.get('can-bo-cu')?.email).toBe('cu@example.vn');
  });

  it('keeps the last approver while a file waits, unless a replacement of the unit is named', async () => {
    const { deps, directory, provider, handedOver } = setup(['c1']);
    const approver = await createAccount(deps, admin, person('a@example.vn', ['approver']), 'k1');
    const deputy = await createAccount(deps, admin, person('d@example.vn', ['cell-officer']), 'k2');
    const far = await createAccount(
      deps,
      admin,
      person('f@example.vn', ['cell-officer'], 'hn'),
      'k3',
    );
    expect(
      await refusalOf(changeAccount(deps, admin, approver.userId, { enabled: false }, 'k4')),
    ).toEqual({
      kind: 'rule',
      code: 'LAST_APPROVER',
    });
    // Moving or demoting takes the approver away just the same.
    expect(
      await refusalOf(
        changeAccount(deps, admin, approver.userId, { roles: ['cell-officer'] }, 'k5'),
      ),
    ).toMatchObject({ code: 'LAST_APPROVER' });
    expect(
      await refusalOf(
        changeAccount(
          deps,
          admin,
          approver.userId,
          { enabled: false, replacementUserId: far.userId },
          'k6',
        ),
      ),
    ).toMatchObject({ code: 'REPLACEMENT_INVALID' });
    expect((await directory.getAccount(approver.userId))?.enabled).toBe(true);

    const done = await changeAccount(
      deps,
      admin,
      approver.userId,
      { enabled: false, replacementUserId: deputy.userId },
      'k7',
    );
    expect(done).toMatchObject({
      enabled: false,
      replacement: { userId: deputy.userId, pendingHandedOver: 1 },
    });
    expect(provider.users.get(usernameFor('a@example.vn'))?.enabled).toBe(false);
    expect((await directory.holdersOf('dd-kdn', 'approver')).map((h) => h.userId)).toEqual([
      deputy.userId,
    ]);
    expect(handedOver).toEqual([{ ids: ['c1'], to: deputy.userId }]);
  });

  it('lets an approver go freely when nothing waits or another approver stays', async () => {
    const { deps } = setup([]);
    const approver = await createAccount(deps, admin, person('a@example.vn', ['approver']), 'k1');
    expect(
      await changeAccount(deps, admin, approver.userId, { enabled: false }, 'k2'),
    ).toMatchObject({
      enabled: false,
    });
  });

  it('refuses an administrator disabling or demoting themselves', async () => {
    const { deps } = setup();
    const self = await createAccount(deps, admin, person('me@example.vn', ['admin'], 'hn'), 'k');
    const me: Caller = { ...admin, userId: self.userId };
    expect(
      await refusalOf(changeAccount(deps, me, self.userId, { enabled: false }, 'k2')),
    ).toMatchObject({
      code: 'ACCOUNT_SELF_CHANGE',
    });
  });

  it('reconciles the directory from the provider, idempotently', async () => {
    const { deps, directory, provider } = setup();
    await provider.createUser({
      username: 'u1',
      email: 'u1@example.vn',
      name: 'U Một',
      unitId: 'dd-kdn',
      groups: ['approver'],
    });
    await provider.createUser({
      username: 'u2',
      email: 'u2@example.vn',
      name: 'U Hai',
      unitId: '',
      groups: [],
    });
    const first = await reconcileDirectory({ ...deps, provider });
    expect(first).toMatchObject({ users: 2, created: 1, skipped: 1 });
    provider.users.get('u1')!.enabled = false;
    expect(await reconcileDirectory({ ...deps, provider })).toMatchObject({
      updated: 1,
      created: 0,
    });
    expect(await reconcileDirectory({ ...deps, provider })).toMatchObject({
      unchanged: 1,
      updated: 0,
    });
    expect(await directory.holdersOf('dd-kdn', 'approver')).toEqual([]);
  });
});
