import { createHash } from 'node:crypto';
import { type WorkQueues } from '../adapters/candidate-store';
import { type DirectoryStore } from '../adapters/directory-store';
import { type OrgStore } from '../adapters/dynamodb-org-store';
import { type DirectoryEntry } from '../domain/account';
import {
  composeDigest,
  DIGEST_COUNT_CAP,
  DIGEST_ITEM_CAP,
  type DigestItem,
} from '../domain/daily-digest';
import { isHumanStage, PIPELINE } from '../domain/pipeline';
import { vietnamToday } from '../domain/quota/report';
import { type Role } from '../domain/roles';
import { addDays } from '../domain/rules/calendar-date';
import { stagesActedOnBy } from '../domain/work-queue';
import { logger } from '../observability/logger';
import { deliverTo, type PeopleDelivery } from './deliver';

export interface DigestDeps {
  org: Pick<OrgStore, 'childIds'>;
  queue: WorkQueues;
  people: PeopleDelivery & {
    directory: Pick<DirectoryStore, 'holdersOf' | 'digestSent' | 'markDigestSent'>;
  };
  now: () => Date;
}

export interface DigestRun {
  day: string;
  units: number;
  /** Digests sent (or recorded as suppressed) by this run. */
  sent: number;
  /** People whose digest of the day went out already (an earlier run). */
  alreadySent: number;
  /** A unit or a person the run could not handle; each failed alone. */
  failures: number;
}

/** The roles that act on some step: the people a digest can concern. */
const ACTING_ROLES: readonly Role[] = [...new Set(PIPELINE.map((stage) => stage.actor))];

/**
 * Once a day: walks the organisation from the top-level units down (one Query per unit for its
 * children, one per acting role for its holders — never a scan), and sends each officer who has
 * steps due today or overdue in their unit's work queue one digest. Idempotent per person and
 * day: the delivery id derives from the person and the day, and the day's note is checked first
 * (a crash between sending and noting sends again on the next run: at least once, like every
 * delivery). A unit or a person that fails is logged and counted; the walk goes on.
 */
export async function sendDailyDigests(deps: DigestDeps): Promise<DigestRun> {
  const day = vietnamToday(deps.now());
  const run: DigestRun = { day, units: 0, sent: 0, alreadySent: 0, failures: 0 };
  const pending: (string | undefined)[] = [undefined];
  while (pending.length > 0) {
    const parent = pending.pop();
    let children: string[];
    try {
      children = await deps.org.childIds(parent);
    } catch (error) {
      run.failures++;
      logger.error('Digest: children of a unit unreadable', { unitId: parent, error });
      continue;
    }
    for (const unitId of children) {
      pending.push(unitId);
      run.units++;
      try {
        await digestsOfUnit(deps, unitId, day, run);
      } catch (error) {
        run.failures++;
        logger.error('Digest: unit failed', { unitId, error });
      }
    }
  }
  logger.info('Daily digests', { ...run });
  return run;
}

async function digestsOfUnit(deps: DigestDeps, unitId: string, day: string, run: DigestRun) {
  const people = new Map<string, { entry: DirectoryEntry; roles: Role[] }>();
  for (const role of ACTING_ROLES) {
    for (const entry of await deps.people.directory.holdersOf(unitId, role)) {
      const known = people.get(entry.userId);
      if (known) known.roles.push(role);
      else people.set(entry.userId, { entry, roles: [role] });
    }
  }
  // Officers of one unit with the same roles read the same queue: once.
  const queues = new Map<string, Promise<{ items: DigestItem[]; capped: boolean }>>();
  for (const { entry, roles } of people.values()) {
    if (!entry.digest) continue;
    try {
      if (await deps.people.directory.digestSent(entry.userId, day)) {
        run.alreadySent++;
        continue;
      }
      const stages = stagesActedOnBy(roles);
      const key = stages.join(',');
      if (!queues.has(key)) queues.set(key, dueSteps(deps, unitId, stages, day));
      const { items, capped } = await queues.get(key)!;
      const notification = composeDigest({
        recipient: { unitId, role: roles[0] },
        today: day,
        items,
        more: 0,
        countCapped: capped,
      });
      if (!notification) continue;
      const delivery = await deliverTo({ ...deps.people, now: deps.now }, entry, notification, {
        kind: 'DIGEST',
        deliveryId: digestDeliveryId(entry.userId, day),
      });
      await deps.people.directory.markDigestSent(entry.userId, day, delivery.deliveryId);
      run.sent++;
    } catch (error) {
      run.failures++;
      // No user id in logs: the unit says where to look.
      logger.error('Digest: person failed', { unitId, error });
    }
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
