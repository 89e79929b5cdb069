import { type Account } from '../../../functions/domain/account';
import {
  allDigestShards,
  DIGEST_SHARDS,
  digestShardOf,
  digestSubscriberOf,
} from '../../../functions/domain/digest-subscriber';
import { officerAccount } from '../fakes/builders';

const account = (fields: Partial<Account> = {}) =>
  officerAccount('sub-1', { name: 'Lê Thị Hoa', email: 'hoa@example.vn', ...fields });

describe('who receives the daily digest', () => {
  it('an enabled account with the digest on and a role that acts on a step, as little as needed', () => {
    expect(digestSubscriberOf(account({ roles: ['admin', 'approver', 'ops-viewer'] }))).toEqual({
      userId: 'sub-1',
      name: 'Lê Thị Hoa',
      email: 'hoa@example.vn',
      unitId: 'cb-1',
      roles: ['approver'],
    });
  });

  it('nobody who turned it off, is disabled, or only administers or watches', () => {
    expect(digestSubscriberOf(account({ digest: false }))).toBeUndefined();
    expect(digestSubscriberOf(account({ enabled: false }))).toBeUndefined();
    expect(digestSubscriberOf(account({ roles: ['admin', 'ops-viewer'] }))).toBeUndefined();
  });

  it('puts each person in one shard, from their id alone, and spreads people over every shard', () => {
    const shards = new Map<number, number>();
    for (let i = 0; i < 3200; i++) {
      const shard = digestShardOf(`user-${i}`);
      expect(shard).toBe(digestShardOf(`user-${i}`));
      shards.set(shard, (shards.get(shard) ?? 0) + 1);
    }
    expect([...shards.keys()].sort((a, b) => a - b)).toEqual(allDigestShards());
    expect(allDigestShards()).toHaveLength(DIGEST_SHARDS);
    // 100 a shard on average: none holds twice that.
    expect(Math.max(...shards.values())).toBeLessThan(200);
  });
});
