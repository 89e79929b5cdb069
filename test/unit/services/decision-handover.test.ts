import { type Account } from '../../../functions/domain/account';
import { openApprovalId } from '../../../functions/domain/approval-link';
import { handOverDecisions, pendingDecisions } from '../../../functions/services/decision-handover';
import { candidate, world } from '../fakes/builders';
import { FakeMailer } from '../fakes/fake-mailer';
import { InMemoryDirectory } from '../fakes/in-memory-directory';

/** A new approver gets the decisions their committee waits on, each with their own link. */

const KEY = Buffer.alloc(32, 3);
const replacement: Account = {
  userId: 'approver-new',
  username: 'moi',
  email: 'moi@example.vn',
  name: 'Hoàng Văn Mới',
  unitId: 'hn-dongda',
  roles: ['approver'],
  enabled: true,
  digest: false,
  version: 1,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

function pending() {
  const w = world('2025-07-01T03:00:00.000Z');
  w.store.put(
    candidate('decide', { stage: 'ADMISSION_DECISION', version: 8 }),
    candidate('cell', { stage: 'CELL_RESOLUTION' }),
    candidate('other', {
      stage: 'ADMISSION_DECISION',
      unitPath: ['hn', 'hn-badinh', 'bd-cell'],
      unitId: 'bd-cell',
    }),
  );
  const directory = new InMemoryDirectory();
  const mailer = new FakeMailer();
  const deps = {
    store: w.store,
    people: { directory, mailer },
    approvalLinks: { signingKey: async () => KEY, baseUrl: 'https://api.example.vn/' },
    now: w.now,
  };
  return { w, deps, mailer, directory };
}

describe('decision handover', () => {
  it('finds the decisions that wait for the committee', async () => {
    const { deps } = pending();
    expect(await pendingDecisions(deps, 'hn-dongda')).toEqual(['decide']);
    expect(await pendingDecisions(deps, 'dd-kdn')).toEqual([]);
  });

  it('e-mails each to the replacement with a link only they can open, for the step as it stands', async () => {
    const { deps, mailer, directory } = pending();
    await handOverDecisions(deps, ['decide', 'gone'], replacement);
    expect(mailer.sent.map((m) => m.to)).toEqual(['moi@example.vn']);
    const link = /https:\/\/api\.example\.vn\/approvals\/([\w-]+)/.exec(mailer.sent[0].text)![1];
    expect(openApprovalId(link, KEY, { userId: 'approver-new' })).toMatchObject({
      candidateId: 'decide',
      stage: 'ADMISSION_DECISION',
      candidateVersion: 8,
    });
    expect(() => openApprovalId(link, KEY, { userId: 'someone-else' })).toThrow();
    expect(directory.deliveries).toHaveLength(1);
  });
});
