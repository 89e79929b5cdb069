import { createHash } from 'node:crypto';
import { type Account } from './account';
import { PIPELINE } from './pipeline';
import { type Role } from './roles';

/**
 * Who receives the daily digest "Việc cần làm hôm nay" (docs/architecture.md, "Daily digest"):
 * an enabled account that kept the digest on and holds a role that acts on some step. The
 * directory keeps these people in a sparse index of their own, written with the account, so the
 * digest run walks the people who receive one rather than the units of the country.
 */
export interface DigestSubscriber {
  userId: string;
  name: string;
  email: string;
  unitId: string;
  /** The roles held that act on some step (what the person's work queue is made of). */
  roles: Role[];
}

/** The roles that act on some step: the people a digest can concern. */
const DIGEST_ROLES: readonly Role[] = [...new Set(PIPELINE.map((stage) => stage.actor))];

/** The person as the subscriber index holds them, or undefined when they receive no digest. */
export function digestSubscriberOf(account: Account): DigestSubscriber | undefined {
  if (!account.enabled || !account.digest) return undefined;
  const roles = account.roles.filter((role) => DIGEST_ROLES.includes(role));
  if (roles.length === 0) return undefined;
  const { userId, name, email, unitId } = account;
  return { userId, name, email, unitId, roles };
}

/**
 * The pieces one day's run is split into: each shard of subscribers is sent by its own
 * invocations, in parallel with the others, and fails alone. 32 shards of the capacity model's
 * 60,000 officers hold under 2,000 people each (lib/capacity-model.ts).
 */
export const DIGEST_SHARDS = 32;

/**
 * Shards sent at the same time (the digest state machine's Map, lib/daily-digest.ts). Each sends
 * its people one after the other, so this bounds the run's SES send rate (a few e-mails a second
 * a shard) and its reads, whatever the country's size.
 */
export const DIGEST_SHARDS_AT_ONCE = 8;

/** A person's shard: from their id, so it never changes when they move or change roles. */
export function digestShardOf(userId: string): number {
  return createHash('sha256').update(userId).digest().readUInt32BE(0) % DIGEST_SHARDS;
}

/** Every shard, in order: what one day's run covers. */
export function allDigestShards(): number[] {
  return Array.from({ length: DIGEST_SHARDS }, (_, shard) => shard);
}
