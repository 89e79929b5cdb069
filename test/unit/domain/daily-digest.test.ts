import {
  composeDigest,
  DIGEST_ITEM_CAP,
  type DigestItem,
} from '../../../functions/domain/daily-digest';

const TODAY = '2026-03-10';
const item = (
  n: number,
  dueOn: string,
  stage: DigestItem['stage'] = 'APPLICATION',
): DigestItem => ({
  candidateId: `c${n}`,
  fullName: `Nguyễn Văn ${n}`,
  stage,
  dueOn,
});
const recipient = { unitId: 'cb-1', role: 'cell-officer' as const };

describe('the daily digest', () => {
  it('lists the steps due today and the overdue ones, in the order given, Vietnamese first', () => {
    const digest = composeDigest({
      recipient,
      today: TODAY,
      items: [
        item(1, '2026-03-02'),
        item(2, '2026-03-10', 'CELL_RESOLUTION'),
        item(3, '2026-03-11'),
      ],
      more: 0,
    })!;
    expect(digest.subject).toBe("Việc cần làm hôm nay 10/03/2026 (2) / Today's tasks (2)");
    const [vi, en] = digest.body.split('\n\n---\n\n');
    expect(vi.split('\n').slice(0, 3)).toEqual([
      'Việc cần làm hôm nay (10/03/2026): 2 việc đến hạn hoặc quá hạn, trong đó 1 việc quá hạn.',
      expect.stringMatching(/^- Nguyễn Văn 1 — .+ — hạn 02\/03\/2026 \(quá hạn\) — mã hồ sơ c1$/),
      expect.stringMatching(/^- Nguyễn Văn 2 — .+ — hạn 10\/03\/2026 — mã hồ sơ c2$/),
    ]);
    // Due tomorrow is not today's work.
    expect(digest.body).not.toContain('c3');
    expect(en).toContain('- Nguyễn Văn 1 — ');
    expect(en).toContain('due 2026-03-02 (overdue)');
    expect(digest.attributes).toMatchObject({
      unitId: 'cb-1',
      role: 'cell-officer',
      stage: 'APPLICATION',
    });
  });

  it('shows at most the cap and counts the rest, "more than" when the read was capped', () => {
    const items = Array.from({ length: DIGEST_ITEM_CAP + 5 }, (_, i) => item(i, '2026-03-01'));
    const digest = composeDigest({ recipient, today: TODAY, items, more: 0 })!;
    expect(digest.body.split('\n').filter((l) => l.startsWith('- Nguyễn'))).toHaveLength(
      2 * DIGEST_ITEM_CAP,
    );
    expect(digest.body).toContain('… và 5 việc khác: xem GET /tasks.');
    expect(digest.body).toContain('… and 5 more: see GET /tasks.');
    const capped = composeDigest({ recipient, today: TODAY, items, more: 0, countCapped: true })!;
    expect(capped.body).toContain('… và 5+ việc khác');
    expect(capped.subject).toContain(`(${DIGEST_ITEM_CAP + 5}+)`);
  });

  it('is nothing when nothing is due by today', () => {
    expect(
      composeDigest({ recipient, today: TODAY, items: [item(1, '2026-03-11')], more: 0 }),
    ).toBeUndefined();
    expect(composeDigest({ recipient, today: TODAY, items: [], more: 0 })).toBeUndefined();
  });
});
