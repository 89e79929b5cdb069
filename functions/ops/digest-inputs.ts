import * as z from 'zod';
import { DIGEST_SHARDS } from '../domain/digest-subscriber';
import { scheduledEvent } from './inputs';

/**
 * What the digest state machine hands its tasks (lib/daily-digest.ts): checked before anything is
 * read, so a wiring mistake fails the task with the fields at fault.
 */
const count = z.number().int().min(0);
const tally = z.strictObject({ read: count, sent: count, alreadySent: count, failures: count });
const day = z.iso.date();
const shard = z
  .number()
  .int()
  .min(0)
  .max(DIGEST_SHARDS - 1);

/** One piece of the day's run: a shard, from where its last invocation stopped. */
export const digestPieceInput = z.strictObject({
  day,
  shard,
  cursor: z.string().min(1).optional(),
  tally: tally.optional(),
});

/** The run once every shard has ended: each shard's tally, or its failure after retries. */
export const digestRunOutcomes = z.strictObject({
  day,
  outcomes: z
    .array(
      z.discriminatedUnion('failed', [
        z.strictObject({ shard, failed: z.literal(false), tally }),
        z.strictObject({ shard, failed: z.literal(true) }),
      ]),
    )
    .max(DIGEST_SHARDS),
});

/**
 * The 07:00 rule's event, with its id: EventBridge retries a delivery with the same id, so the
 * run named after it is started once however often the starter is invoked for that event.
 */
export const digestScheduleEvent = scheduledEvent.extend({
  id: z.string().regex(/^[A-Za-z0-9-]{1,60}$/),
});
