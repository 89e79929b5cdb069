import { type Account } from '../../../functions/domain/account';
import { buildStageNotification } from '../../../functions/domain/notification';
import { recordFeedback } from '../../../functions/services/delivery-feedback';
import { deliverTo } from '../../../functions/services/deliver';
import { InMemoryDirectory } from '../fakes/in-memory-directory';

const account: Account = {
  userId: 'sub-1',
  username: 'chien',
  email: 'chien@example.vn',
  name: 'Vũ Mạnh Chiến',
  unitId: 'dd-kdn',
  roles: ['approver'],
  enabled: true,
  digest: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

const notification = buildStageNotification({
  kind: 'PARKED',
  recipient: { role: 'approver', unitId: 'dd-kdn' },
  candidate: { id: 'c1', fullName: 'Nguyễn Văn An', unitName: 'Chi bộ Kỹ thuật' },
  stage: 'ADMISSION_DECISION',
  link: 'https://api.example.vn/approvals/abc',
});

function setup() {
  const directory = new InMemoryDirectory();
  directory.accounts.set(account.userId, structuredClone(account));
  const sent: { to: string; subject: string; html: string; tags: Record<string, string> }[] = [];
  const mailer = {
    send: async (m: (typeof sent)[number]) => (sent.push(m), { messageId: `m${sent.length}` }),
  };
  return {
    directory,
    sent,
    deps: { directory, mailer, now: () => new Date('2026-03-02T01:00:00Z') },
  };
}

describe('delivery to a person', () => {
  it('e-mails the person, Vietnamese first with the link, and records it on them', async () => {
    const { deps, sent, directory } = setup();
    const delivery = await deliverTo(deps, account, notification, { candidateId: 'c1' });
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toBe('chien@example.vn');
    expect(sent[0].html.indexOf('Kính gửi đồng chí')).toBeLessThan(sent[0].html.indexOf('Dear'));
    expect(sent[0].html).toContain('href="https://api.example.vn/approvals/abc"');
    expect(sent[0].tags).toMatchObject({ userId: 'sub-1', kind: 'PARKED', candidateId: 'c1' });
    expect(directory.deliveries).toEqual([
      expect.objectContaining({
        ...delivery,
        status: 'SENT',
        messageId: 'm1',
        link: 'https://api.example.vn/approvals/abc',
      }),
    ]);
  });

  it('records a permanent bounce on the person, then suppresses mail to them; a transient one changes nothing', async () => {
    const { deps, sent, directory } = setup();
    const feedbackDeps = { directory, now: deps.now };
    expect(
      await recordFeedback(feedbackDeps, {
        eventType: 'Bounce',
        bounce: { bounceType: 'Transient' },
        mail: { tags: { userId: ['sub-1'] } },
      }),
    ).toBe('ignored');
    expect(
      await recordFeedback(feedbackDeps, {
        eventType: 'Bounce',
        bounce: { bounceType: 'Permanent' },
        mail: { destination: ['chien@example.vn'] },
      }),
    ).toBe('recorded');
    expect((await directory.getAccount('sub-1'))?.deliveryProblem).toMatchObject({
      kind: 'BOUNCE',
    });
    expect(directory.events.map((e) => e.type)).toEqual(['DELIVERY_PROBLEM']);
    const delivery = await deliverTo(deps, account, notification);
    expect(delivery.status).toBe('SUPPRESSED');
    expect(sent).toEqual([]);
  });
});
