import { createHash } from 'node:crypto';
import { type WorkQueues } from '../adapters/candidate-store';
import { type DirectoryStore } from '../adapters/directory-store';
import {
  composeDigest,
  DIGEST_COUNT_CAP,
  DIGEST_ITEM_CAP,
  type DigestItem,
} from '../domain/daily-digest';
import { allDigestShards, type DigestSubscriber } from '../domain/digest-subscriber';
import { isHumanStage } from '../domain/pipeline';
import { vietnamToday } from '../domain/quota/report';
import { addDays } from '../domain/rules/calendar-date';
import { stagesActedOnBy } from '../domain/work-queue';
import { logger } from '../observability/logger';
import { deliverTo, type PeopleDelivery } from './deliver';

export interface DigestDeps {
  queue: WorkQueues;
  people: PeopleDelivery & {
    directory: Pick<DirectoryStore, 'digestSubscribers' | 'digestSent' | 'markDigestSent'>;
  };
  now: () => Date;
}

/** What a run has done so far in one shard (carried from one invocation to the next). */
export interface DigestTally {
  /** Subscribers read from the index. */
  read: number;
  /** Digests sent (or recorded as suppressed). */
  sent: number;
  /** People whose digest of the day went out already (an earlier run, or a retried piece). */
  alreadySent: number;
  /** People whose digest could not be sent; each failed alone, and the next run tries again. */
  failures: number;
}

/** One piece of a day's run: a shard of subscribers, from where the last invocation stopped. */
export interface DigestPiece {
  /** YYYY-MM-DD (Vietnam calendar), fixed when the run started. */
  day: string;
  shard: number;
  /** Where in the shard the previous invocation stopped; absent at its beginning. */
  cursor?: string;
  /** What the earlier invocations of this piece did. */
  tally?: DigestTally;
}

/** A piece after one invocation: `cursor` present means the shard is not finished yet. */
export interface DigestPieceResult {
  day: string;
  shard: number;
  cursor?: string;
  tally: DigestTally;
}

/** Subscribers read per Query: a page takes seconds, so a run stops between pages in time. */
export const DIGEST_PAGE_SIZE = 25;

export function emptyTally(): DigestTally {
  return { read: 0, sent: 0, alreadySent: 0, failures: 0 };
}

/**
 * What one day's run covers (docs/architecture.md, "Daily digest"): the day, fixed once when the
 * run starts so every piece and every retry sends that day's digest, and the shards of the
 * subscriber index, each a piece that runs in parallel with the others and fails alone.
 */
export function planDigestRun(now: Date): { day: string; shards: number[] } {
  return { day: vietnamToday(now), shards: allDigestShards() };
}

/**
 * The run's name: its day, for the operators, and the scheduled event that asked for it, so a
 * retried delivery of that event finds its run instead of starting a second one, while a run asked
 * for again later (another event) is a run of its own that sends only what the first did not.
 */
export function digestRunName(day: string, eventId: string): string {
  return `digest-${day}-${eventId}`;
}

/**
 * Sends one shard's daily digests, page by page from the piece's cursor, until the shard is done
 * or `timeUp` says the invocation must stop (the result's cursor is where the next one goes on).
 * Reads the subscriber index — the people who receive a digest, never the units — and sends each
 * person with steps due today or overdue in their unit's work queue one digest. Idempotent per
 * person and day: the delivery id derives from the person and the day, and the day's note is
 * checked first (a crash between sending and noting sends again: at least once, like every
 * delivery). A person that fails is logged (no id: the unit says where to look) and counted;
 * the page goes on. A page that cannot be read fails the invocation: the piece is retried from
 * its cursor.
 */
export async function sendDigestsOfShard(
  deps: DigestDeps,
  piece: DigestPiece,
  options: { timeUp?: () => boolean; pageSize?: number } = {},
): Promise<DigestPieceResult> {
  const tally = { ...(piece.tally ?? emptyTally()) };
  let cursor = piece.cursor;
  do {
    const page = await deps.people.directory.digestSubscribers(
      piece.shard,
      options.pageSize ?? DIGEST_PAGE_SIZE,
      cursor,
    );
    tally.read += page.items.length;
    // Officers of one unit with the same roles read the same queue: once a page.
    const queues = new Map<string, Promise<{ items: DigestItem[]; capped: boolean }>>();
    for (const subscriber of page.items) {
      await digestOf(deps, subscriber, piece.day, queues, tally);
    }
    cursor = page.cursor;
  } while (cursor && !options.timeUp?.());
  return { day: piece.day, shard: piece.shard, ...(cursor ? { cursor } : {}), tally };
}

async function digestOf(
  deps: DigestDeps,
  subscriber: DigestSubscriber,
  day: string,
  queues: Map<string, Promise<{ items: DigestItem[]; capped: boolean }>>,
  tally: DigestTally,
): Promise<void> {
  try {
    if (await deps.people.directory.digestSent(subscriber.userId, day)) {
      tally.alreadySent++;
      return;
    }
    const stages = stagesActedOnBy(subscriber.roles);
    const key = `${subscriber.unitId}|${stages.join(',')}`;
    if (!queues.has(key)) queues.set(key, dueSteps(deps, subscriber.unitId, stages, day));
    const { items, capped } = await queues.get(key)!;
    const notification = composeDigest({
      recipient: { unitId: subscriber.unitId, role: subscriber.roles[0] },
      today: day,
      items,
      more: 0,
      countCapped: capped,
    });
    if (!notification) return;
    const delivery = await deliverTo({ ...deps.people, now: deps.now }, subscriber, notification, {
      kind: 'DIGEST',
      deliveryId: digestDeliveryId(subscriber.userId, day),
    });
    await deps.people.directory.markDigestSent(subscriber.userId, day, delivery.deliveryId);
    tally.sent++;
  } catch (error) {
    tally.failures++;
    // No user id or address in logs (SES names the address in some refusals): the unit and the
    // kind of error say where to look.
    logger.error('Digest: person failed', {
      unitId: subscriber.unitId,
      errorName: error instanceof Error ? error.name : typeof error,
    });
  }
}

/** The steps due by today at these stages of the unit's subtree: one bounded queue read. */
async function dueSteps(
  deps: DigestDeps,
  unitId: string,
  stages: ReturnType<typeof stagesActedOnBy>,
  day: string,
): Promise<{ items: DigestItem[]; capped: boolean }> {
  if (stages.length === 0) return { items: [], capped: false };
  const page = await deps.queue.listWorkQueue({
    unitId,
    stages,
    // Strictly before tomorrow: due today or overdue.
    dueBefore: addDays(day, 1),
    limit: DIGEST_ITEM_CAP + DIGEST_COUNT_CAP,
  });
  const items = page.items.flatMap((item) =>
    item.dueOn && isHumanStage(item.stage)
      ? [{ candidateId: item.id, fullName: item.fullName, stage: item.stage, dueOn: item.dueOn }]
      : [],
  );
  return { items, capped: page.nextCursor !== undefined };
}

/** The same id for a person and a day, whichever run sends it. */
export function digestDeliveryId(userId: string, day: string): string {
  return createHash('sha256')
    .update(JSON.stringify(['DAILY_DIGEST', userId, day]))
    .digest('base64url')
    .slice(0, 22);
}

/** How one shard of a run ended: its tally, or `failed` when it could not be sent after retries. */
export type DigestShardOutcome =
  { shard: number; failed: false; tally: DigestTally } | { shard: number; failed: true };

/** A day's run, once every shard has ended. */
export interface DigestRunSummary extends DigestTally {
  day: string;
  shards: number;
  /** Shards that failed after their retries (their people get the next run's digest). */
  failedShards: number[];
  /** Every shard was sent to the end. */
  complete: boolean;
}

/** Adds up the shards' tallies and names the shards that failed. */
export function summariseDigestRun(
  day: string,
  outcomes: readonly DigestShardOutcome[],
): DigestRunSummary {
  const total = emptyTally();
  const failedShards: number[] = [];
  for (const outcome of outcomes) {
    if (outcome.failed) {
      failedShards.push(outcome.shard);
      continue;
    }
    for (const key of Object.keys(total) as (keyof DigestTally)[]) {
      total[key] += outcome.tally[key];
    }
  }
  return {
    day,
    shards: outcomes.length,
    ...total,
    failedShards: failedShards.sort((a, b) => a - b),
    complete: failedShards.length === 0,
  };
}
