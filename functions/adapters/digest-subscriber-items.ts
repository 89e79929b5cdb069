import { type DigestSubscriber, digestShardOf } from '../domain/digest-subscriber';

/**
 * The subscriber index of the daily digest in the single table (docs/architecture.md, "Daily
 * digest"): one item per person who receives a digest, `DIGEST_SUBSCRIBERS#<shard>` / `<sub>`,
 * written and deleted in the same transaction as the account (dynamodb-directory-store.ts), so
 * the index says exactly what the accounts say. A shard is one partition, read page by page.
 */
export const digestSubscriberKeys = {
  partition: (shard: number) => `DIGEST_SUBSCRIBERS#${String(shard).padStart(2, '0')}`,
  of: (userId: string) => ({
    PK: digestSubscriberKeys.partition(digestShardOf(userId)),
    SK: userId,
  }),
};

export function digestSubscriberItem(subscriber: DigestSubscriber): Record<string, unknown> {
  return {
    ...digestSubscriberKeys.of(subscriber.userId),
    entity: 'DIGEST_SUBSCRIBER',
    ...subscriber,
  };
}
