import { type CandidateSummary } from '../../../functions/adapters/candidate-store';
import { type Account } from '../../../functions/domain/account';
import { DIGEST_SHARDS, digestShardOf } from '../../../functions/domain/digest-subscriber';
import { type WorkQueueQuery } from '../../../functions/domain/work-queue';
import {
  type DigestDeps,
  type DigestPieceResult,
  type DigestShardOutcome,
  digestDeliveryId,
  planDigestRun,
  sendDigestsOfShard,
  summariseDigestRun,
} from '../../../functions/services/daily-digest';
import { logger } from '../../../functions/observability/logger';
import { officerAccount } from '../fakes/builders';
import { InMemoryDirectory } from '../fakes/in-memory-directory';

/** 07:30 in Vietnam on 10 March 2026. */
const NOW = new Date('2026-03-10T00:30:00Z');
const DAY = '2026-03-10';

const account = (userId: string, unitId: string, roles: Account['roles'], digest = true): Account =>
  officerAccount(userId, { unitId, roles, digest });

const summary = (
  id: string,
  stage: CandidateSummary['stage'],
  unitId: string,
  dueOn?: string,
): CandidateSummary => ({
  id,
  fullName: `Ứng viên ${id}`,
  unitId,
  stage,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  stageEnteredAt: '2026-01-01T00:00:00Z',
  ...(dueOn ? { dueOn } : {}),
});

/** Ids that fall in one shard (what a shard's pages hold). */
function idsInOneShard(count: number): { shard: number; ids: string[] } {
  const byShard = new Map<number, string[]>();
  for (let i = 0; ; i++) {
    const id = `officer-${i}`;
    const ids = [...(byShard.get(digestShardOf(id)) ?? []), id];
    if (ids.length === count) return { shard: digestShardOf(id), ids };
    byShard.set(digestShardOf(id), ids);
  }
}

async function setup(accounts: Account[]) {
  const directory = new InMemoryDirectory();
  for (const a of accounts) {
    await directory.saveAccount(undefined, a, {
      userId: a.userId,
      at: a.createdAt,
      type: 'ACCOUNT_CREATED',
    });
  }
  const queries: WorkQueueQuery[] = [];
  // cb-1's files; dd's queue holds its subtree (cb-1's files too).
  const queue: CandidateSummary[] = [
    summary('a', 'APPLICATION', 'cb-1', '2026-03-01'),
    summary('b', 'CELL_RESOLUTION', 'cb-1', '2026-03-10'),
    summary('c', 'ADMISSION_DECISION', 'cb-1', '2026-03-05'),
    summary('later', 'APPLICATION', 'cb-1', '2026-03-20'),
  ];
  const sent: { to: string; subject: string; text: string }[] = [];
  const deps = {
    queue: {
      listWorkQueue: async (query: WorkQueueQuery) => {
        queries.push(query);
        return {
          items: queue.filter(
            (c) =>
              (c.unitId === query.unitId || query.unitId === 'dd') &&
              query.stages.includes(c.stage) &&
              (!query.dueBefore || c.dueOn! < query.dueBefore),
          ),
        };
      },
    },
    people: {
      directory,
      mailer: {
        send: async (m: (typeof sent)[number]) => (sent.push(m), { messageId: `m${sent.length}` }),
      },
    },
    now: () => NOW,
  } satisfies DigestDeps;
  return { deps, directory, sent, queries };
}

/** A whole day's run as the state machine makes it: every shard, each to the end. */
async function runDay(deps: DigestDeps, now = NOW) {
  const plan = planDigestRun(now);
  const outcomes: DigestShardOutcome[] = [];
  for (const shard of plan.shards) {
    let piece: DigestPieceResult = await sendDigestsOfShard(deps, { day: plan.day, shard });
    while (piece.cursor) piece = await sendDigestsOfShard(deps, piece);
    outcomes.push({ shard, failed: false, tally: piece.tally });
  }
  return summariseDigestRun(plan.day, outcomes);
}

const people = () => [
  account('cell', 'cb-1', ['cell-officer']),
  account('quiet', 'cb-1', ['cell-officer'], false),
  account('committee', 'dd', ['committee-officer', 'approver']),
  account('admin', 'dd', ['admin']),
];

describe('planning a day of digests', () => {
  it('fixes the Vietnam day when the run starts and covers every shard', () => {
    // 23:30 UTC on the 9th is 06:30 on the 10th in Vietnam.
    expect(planDigestRun(new Date('2026-03-09T23:30:00Z'))).toEqual({
      day: '2026-03-10',
      shards: Array.from({ length: DIGEST_SHARDS }, (_, i) => i),
    });
  });
});

describe('sending the daily digests, shard by shard', () => {
  it('reads only the subscribers, sends each with due steps one e-mail from a bounded queue read', async () => {
    const { deps, directory, sent, queries } = await setup(people());
    const run = await runDay(deps);
    // The admin acts on no step and "quiet" turned it off: neither is a subscriber, neither read.
    expect(run).toEqual({
      day: DAY,
      shards: DIGEST_SHARDS,
      read: 2,
      sent: 2,
      alreadySent: 0,
      failures: 0,
      failedShards: [],
      complete: true,
    });
    expect(sent.map((m) => m.to).sort()).toEqual(['cell@example.vn', 'committee@example.vn']);
    const cellMail = sent.find((m) => m.to === 'cell@example.vn')!;
    expect(cellMail.text).toContain('Ứng viên a');
    expect(cellMail.text).toContain('Ứng viên b');
    expect(cellMail.text).not.toContain('Ứng viên c');
    expect(cellMail.text).not.toContain('Ứng viên later');
    // The committee officer and approver: the decision is theirs; the cell's steps are not.
    const committeeMail = sent.find((m) => m.to === 'committee@example.vn')!;
    expect(committeeMail.text).toContain('Ứng viên c');
    expect(committeeMail.text).not.toContain('Ứng viên a');
    // One queue read per person, due today or before (strictly before tomorrow), bounded.
    expect(queries.map((q) => q.unitId).sort()).toEqual(['cb-1', 'dd']);
    for (const q of queries) {
      expect(q.dueBefore).toBe('2026-03-11');
      expect(q.limit).toBeLessThanOrEqual(120);
    }
    expect(directory.deliveries.map((d) => [d.userId, d.kind, d.status]).sort()).toEqual([
      ['cell', 'DIGEST', 'SENT'],
      ['committee', 'DIGEST', 'SENT'],
    ]);
  });

  it('sends nothing twice on a second run the same day, and again the next day', async () => {
    const { deps, sent } = await setup(people());
    await runDay(deps);
    expect(await runDay(deps)).toMatchObject({ read: 2, sent: 0, alreadySent: 2 });
    expect(sent).toHaveLength(2);
    expect(digestDeliveryId('cell', DAY)).toBe(digestDeliveryId('cell', DAY));
    expect(digestDeliveryId('cell', DAY)).not.toBe(digestDeliveryId('cell', '2026-03-11'));
    const tomorrow = new Date('2026-03-11T00:30:00Z');
    expect(await runDay({ ...deps, now: () => tomorrow }, tomorrow)).toMatchObject({
      day: '2026-03-11',
      sent: 2,
      alreadySent: 0,
    });
  });

  it('follows the account: a person who turns it off, is disabled or moves is read as they now are', async () => {
    const { deps, directory, sent } = await setup([
      ...people(),
      account('free', 'cb-3', ['cell-officer']),
    ]);
    const change = async (userId: string, patch: Partial<Account>) => {
      const before = (await directory.getAccount(userId))!;
      await directory.saveAccount(
        before,
        { ...before, ...patch, version: before.version + 1 },
        {
          userId,
          at: NOW.toISOString(),
          type: 'DIGEST_CHANGED',
        },
      );
    };
    await change('cell', { digest: false });
    await change('committee', { unitId: 'cb-3' });
    // "free" has nothing due at cb-3; the committee officer, moved there, has nothing due either.
    expect(await runDay(deps)).toMatchObject({ read: 2, sent: 0 });
    expect(sent).toEqual([]);
    await change('committee', { unitId: 'dd', enabled: false });
    expect(await runDay(deps)).toMatchObject({ read: 1, sent: 0 });
  });

  it('counts a person whose delivery fails and goes on with the others; the next run retries them', async () => {
    const { deps, sent } = await setup(people());
    const send = deps.people.mailer.send;
    deps.people.mailer.send = async (m) => {
      if (m.to === 'cell@example.vn') {
        throw new Error('Email address is not verified: cell@example.vn');
      }
      return send(m);
    };
    const logged = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    expect(await runDay(deps)).toMatchObject({ sent: 1, failures: 1, complete: true });
    // The failure is logged with where to look, never whom (no id, no address).
    expect(logged).toHaveBeenCalledWith('Digest: person failed', {
      unitId: 'cb-1',
      errorName: 'Error',
    });
    expect(JSON.stringify(logged.mock.calls)).not.toMatch(/example\.vn|"cell"/);
    logged.mockRestore();
    expect(sent.map((m) => m.to)).toEqual(['committee@example.vn']);
    // Not noted as sent: the next run tries again.
    deps.people.mailer.send = send;
    expect(await runDay(deps)).toMatchObject({ sent: 1, alreadySent: 1, failures: 0 });
  });

  it('stops between pages when its time is up and goes on from the cursor, sending no one twice', async () => {
    const { shard, ids } = idsInOneShard(5);
    const { deps, sent } = await setup(ids.map((id) => account(id, 'cb-1', ['cell-officer'])));
    const first = await sendDigestsOfShard(
      deps,
      { day: DAY, shard },
      { pageSize: 2, timeUp: () => true },
    );
    expect(first).toMatchObject({ shard, day: DAY, tally: { read: 2, sent: 2 } });
    expect(first.cursor).toEqual(expect.any(String));
    // The next invocation: from the cursor, the earlier tally carried on.
    const rest = await sendDigestsOfShard(deps, first, { pageSize: 2 });
    expect(rest).toEqual({
      day: DAY,
      shard,
      tally: { read: 5, sent: 5, alreadySent: 0, failures: 0 },
    });
    expect(sent.map((m) => m.to).sort()).toEqual(ids.map((id) => `${id}@example.vn`).sort());
  });

  it('fails the invocation when a page cannot be read; the retry from the same cursor sends no one twice', async () => {
    const { shard, ids } = idsInOneShard(4);
    const { deps, directory, sent } = await setup(
      ids.map((id) => account(id, 'cb-1', ['cell-officer'])),
    );
    const read = directory.digestSubscribers.bind(directory);
    let failNext = false;
    directory.digestSubscribers = async (s, limit, cursor) => {
      if (failNext) throw new Error('ProvisionedThroughputExceededException');
      failNext = true;
      return read(s, limit, cursor);
    };
    // The first page is sent, then the second read fails: the whole invocation fails.
    await expect(sendDigestsOfShard(deps, { day: DAY, shard }, { pageSize: 2 })).rejects.toThrow(
      'ProvisionedThroughputExceededException',
    );
    expect(sent).toHaveLength(2);
    // Step Functions retries the piece as it was given (from its start here).
    directory.digestSubscribers = read;
    const retried = await sendDigestsOfShard(deps, { day: DAY, shard }, { pageSize: 2 });
    expect(retried.tally).toEqual({ read: 4, sent: 2, alreadySent: 2, failures: 0 });
    expect(sent).toHaveLength(4);
  });
});

describe('summing up a run', () => {
  it('adds the tallies and names the shards that failed', () => {
    const tally = (sent: number) => ({ read: sent + 1, sent, alreadySent: 1, failures: 0 });
    expect(
      summariseDigestRun(DAY, [
        { shard: 3, failed: false, tally: tally(2) },
        { shard: 7, failed: true },
        { shard: 1, failed: true },
        { shard: 0, failed: false, tally: { ...tally(5), failures: 2 } },
      ]),
    ).toEqual({
      day: DAY,
      shards: 4,
      read: 9,
      sent: 7,
      alreadySent: 2,
      failures: 2,
      failedShards: [1, 7],
      complete: false,
    });
  });
});
