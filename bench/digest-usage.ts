import { DIGEST_SHARDS, DIGEST_SHARDS_AT_ONCE } from '../functions/domain/digest-subscriber';
import { DIGEST_PAGE_SIZE } from '../functions/services/daily-digest';
import { type CapacityModel } from '../lib/capacity-model';

/**
 * What one day's digest run uses at national scale (docs/architecture.md, "Daily digest"),
 * derived from the capacity model and the run's design; the per-person figures are assumptions
 * (stated in DIGEST_ASSUMPTIONS), not measurements.
 */
export const DIGEST_ASSUMPTIONS = {
  /** Officers who keep the digest on and hold a role that acts on a step (on by default). */
  subscriberShare: 1,
  /** Of those, the share with a step due or overdue on a given day: they get an e-mail. */
  dueShare: 0.5,
  /** Handler time per subscriber: two key reads, a queue read, an e-mail, two puts. */
  msPerSubscriber: 150,
  memoryGb: 0.5,
  /** What an invocation sends before it hands over: its timeout less the minute kept back. */
  secondsPerSlice: 120,
  /** A queue read of up to 120 summaries (eventually consistent, a few KB). */
  queueReadUnits: 1,
  /** The day's note (consistent GetItem) for each, the account (consistent) for each sent. */
  noteReadUnits: 1,
  accountReadUnits: 1,
  /** A page of 25 subscriber items, eventually consistent (about 6 KB). */
  pageReadUnits: 1,
  /** The delivery record and the day's note, for each e-mail. */
  writeUnitsPerEmail: 2,
};

export interface DigestRunUsage {
  subscribers: number;
  emails: number;
  lambdaInvocations: number;
  lambdaGbSeconds: number;
  stateTransitions: number;
  readRequestUnits: number;
  writeRequestUnits: number;
  /** How long the run takes at DIGEST_SHARDS_AT_ONCE shards at a time. */
  minutes: number;
}

export function digestRunUsage(
  model: CapacityModel,
  a: typeof DIGEST_ASSUMPTIONS = DIGEST_ASSUMPTIONS,
): DigestRunUsage {
  const subscribers = model.officers * a.subscriberShare;
  const perShard = subscribers / DIGEST_SHARDS;
  const pagesPerShard = Math.max(1, Math.ceil(perShard / DIGEST_PAGE_SIZE));
  const shardSeconds = (perShard * a.msPerSubscriber) / 1000;
  const slicesPerShard = Math.max(1, Math.ceil(shardSeconds / a.secondsPerSlice));
  const emails = subscribers * a.dueShare;
  return {
    subscribers,
    emails,
    // The starter, every slice of every shard, the summary.
    lambdaInvocations: 2 + DIGEST_SHARDS * slicesPerShard,
    lambdaGbSeconds: ((subscribers * a.msPerSubscriber) / 1000) * a.memoryGb,
    // The Map; each slice and its Choice, and the shard's last Pass; the summary, Choice, Succeed.
    stateTransitions: 1 + DIGEST_SHARDS * (2 * slicesPerShard + 1) + 3,
    readRequestUnits:
      subscribers * (a.noteReadUnits + a.queueReadUnits) +
      emails * a.accountReadUnits +
      DIGEST_SHARDS * pagesPerShard * a.pageReadUnits,
    writeRequestUnits: emails * a.writeUnitsPerEmail,
    minutes: (Math.ceil(DIGEST_SHARDS / DIGEST_SHARDS_AT_ONCE) * shardSeconds) / 60,
  };
}
