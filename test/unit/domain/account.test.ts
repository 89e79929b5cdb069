import {
  type Account,
  applyChange,
  assertMayGrant,
  eventTypeOf,
  removesApprover,
} from '../../../functions/domain/account';

const account: Account = {
  userId: 'u',
  username: 'u',
  email: 'u@example.vn',
  name: 'U',
  unitId: 'dd-kdn',
  roles: ['approver'],
  enabled: true,
  digest: true,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('account rules', () => {
  it('never lets anyone grant a role above the highest they hold', () => {
    expect(() => assertMayGrant(['committee-officer'], ['approver'])).toThrow(/ROLE_ABOVE_OWN/);
    expect(() => assertMayGrant(['cell-officer'], ['committee-officer', 'ops-viewer'])).toThrow(
      /ROLE_ABOVE_OWN/,
    );
    expect(() => assertMayGrant(['approver'], ['cell-officer', 'approver'])).not.toThrow();
    expect(() => assertMayGrant(['admin'], ['admin'])).not.toThrow();
    expect(() => assertMayGrant([], ['ops-viewer'])).toThrow(/ROLE_ABOVE_OWN/);
  });

  it('knows when a change takes an approver away from the unit', () => {
    const at = '2026-02-02T00:00:00Z';
    expect(removesApprover(account, applyChange(account, { enabled: false }, at))).toBe(true);
    expect(removesApprover(account, applyChange(account, { unitId: 'hn' }, at))).toBe(true);
    expect(removesApprover(account, applyChange(account, { roles: ['admin'] }, at))).toBe(true);
    expect(removesApprover(account, applyChange(account, { digest: false }, at))).toBe(false);
    const disabled = { ...account, enabled: false };
    expect(removesApprover(disabled, applyChange(disabled, { unitId: 'hn' }, at))).toBe(false);
  });

  it('names each change and moves the version by one', () => {
    const at = '2026-02-02T00:00:00Z';
    const moved = applyChange(account, { unitId: 'hn' }, at);
    expect(moved).toMatchObject({ unitId: 'hn', version: 4, updatedAt: at });
    expect(eventTypeOf(account, moved)).toBe('ACCOUNT_MOVED');
    expect(eventTypeOf(account, applyChange(account, { enabled: false }, at))).toBe(
      'ACCOUNT_DISABLED',
    );
    expect(eventTypeOf(account, applyChange(account, { roles: ['admin'] }, at))).toBe(
      'ROLES_CHANGED',
    );
  });
});
