import { type CandidateSummary } from '../../../functions/adapters/candidate-store';
import { type Account } from '../../../functions/domain/account';
import { type WorkQueueQuery } from '../../../functions/domain/work-queue';
import { digestDeliveryId, sendDailyDigests } from '../../../functions/services/daily-digest';
import { InMemoryDirectory } from '../fakes/in-memory-directory';

/** 07:30 in Vietnam on 10 March 2026. */
const NOW = new Date('2026-03-10T00:30:00Z');

const account = (
  userId: string,
  unitId: string,
  roles: Account['roles'],
  digest = true,
): Account => ({
  userId,
  username: userId,
  email: `${userId}@example.vn`,
  name: `Đồng chí ${userId}`,
  unitId,
  roles,
  enabled: true,
  digest,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

const summary = (
  id: string,
  stage: CandidateSummary['stage'],
  dueOn?: string,
): CandidateSummary => ({
  id,
  fullName: `Ứng viên ${id}`,
  unitId: 'cb-1',
  stage,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  stageEnteredAt: '2026-01-01T00:00:00Z',
  ...(dueOn ? { dueOn } : {}),
});

function setup() {
  const directory = new InMemoryDirectory();
  for (const a of [
    account('cell', 'cb-1', ['cell-officer']),
    account('quiet', 'cb-1', ['cell-officer'], false),
    account('committee', 'dd', ['committee-officer', 'approver']),
  ]) {
    directory.accounts.set(a.userId, a);
  }
  // The tree: dd → cb-1, cb-2 (a unit whose directory read fails), cb-3 (nothing waits there).
  const children: Record<string, string[]> = { ROOT: ['dd'], dd: ['cb-1', 'cb-2', 'cb-3'] };
  const queries: WorkQueueQuery[] = [];
  const queue: CandidateSummary[] = [
    summary('a', 'APPLICATION', '2026-03-01'),
    summary('b', 'CELL_RESOLUTION', '2026-03-10'),
    summary('c', 'ADMISSION_DECISION', '2026-03-05'),
  ];
  const sent: { to: string; subject: string; text: string }[] = [];
  const holdersOf = directory.holdersOf.bind(directory);
  directory.holdersOf = async (unitId, role) => {
    if (unitId === 'cb-2') throw new Error('throttled');
    return holdersOf(unitId, role);
  };
  const deps = {
    org: { childIds: async (id: string | undefined) => children[id ?? 'ROOT'] ?? [] },
    queue: {
      listWorkQueue: async (query: WorkQueueQuery) => {
        queries.push(query);
        return {
          items: queue.filter(
            (c) =>
              // A unit's queue holds its subtree: dd's holds cb-1's files.
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
  };
  return { deps, directory, sent, queries };
}

describe('sending the daily digests', () => {
  it('walks the units, reads each officer their due steps with a bounded read, sends one e-mail each', async () => {
    const { deps, directory, sent, queries } = setup();
    const run = await sendDailyDigests(deps);
    expect(run).toEqual({ day: '2026-03-10', units: 4, sent: 2, alreadySent: 0, failures: 1 });
    expect(sent.map((m) => m.to).sort()).toEqual(['cell@example.vn', 'committee@example.vn']);
    const cellMail = sent.find((m) => m.to === 'cell@example.vn')!;
    expect(cellMail.text).toContain('Ứng viên a');
    expect(cellMail.text).toContain('Ứng viên b');
    expect(cellMail.text).not.toContain('Ứng viên c');
    // The committee officer and approver: the decision is theirs; the cell's steps are not.
    const committeeMail = sent.find((m) => m.to === 'committee@example.vn')!;
    expect(committeeMail.text).toContain('Ứng viên c');
    expect(committeeMail.text).not.toContain('Ứng viên a');
    // Due today or before: strictly before tomorrow; bounded.
    for (const q of queries) {
      expect(q.dueBefore).toBe('2026-03-11');
      expect(q.limit).toBeLessThanOrEqual(120);
    }
    expect(directory.deliveries.map((d) => [d.userId, d.kind, d.status])).toEqual(
      expect.arrayContaining([
        ['cell', 'DIGEST', 'SENT'],
        ['committee', 'DIGEST', 'SENT'],
      ]),
    );
  });

  it('sends nothing twice on a second run the same day, and again the next day', async () => {
    const { deps, sent } = setup();
    await sendDailyDigests(deps);
    const again = await sendDailyDigests(deps);
    expect(again).toMatchObject({ sent: 0, alreadySent: 2 });
    expect(sent).toHaveLength(2);
    expect(digestDeliveryId('cell', '2026-03-10')).toBe(digestDeliveryId('cell', '2026-03-10'));
    expect(digestDeliveryId('cell', '2026-03-10')).not.toBe(digestDeliveryId('cell', '2026-03-11'));
    const tomorrow = await sendDailyDigests({
      ...deps,
      now: () => new Date('2026-03-11T00:30:00Z'),
    });
    expect(tomorrow).toMatchObject({ day: '2026-03-11', sent: 2, alreadySent: 0 });
  });

  it('sends no digest to a person who turned it off, nor to one with nothing due', async () => {
    const { deps, directory, sent } = setup();
    directory.accounts.set('cell', { ...directory.accounts.get('cell')!, digest: false });
    directory.accounts.set('free', account('free', 'cb-3', ['cell-officer']));
    await sendDailyDigests(deps);
    expect(sent.map((m) => m.to)).toEqual(['committee@example.vn']);
  });

  it('counts a person whose delivery fails and goes on with the others', async () => {
    const { deps, sent } = setup();
    const send = deps.people.mailer.send;
    deps.people.mailer.send = async (m) => {
      if (m.to === 'cell@example.vn') throw new Error('SES throttled');
      return send(m);
    };
    const run = await sendDailyDigests(deps);
    expect(run).toMatchObject({ sent: 1, failures: 2 });
    expect(sent.map((m) => m.to)).toEqual(['committee@example.vn']);
    // Not noted as sent: the next run tries again.
    deps.people.mailer.send = send;
    expect(await sendDailyDigests(deps)).toMatchObject({ sent: 1, alreadySent: 1 });
  });
});
