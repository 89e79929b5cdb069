import { issueApprovalId } from '../../../functions/domain/approval-link';
import { applyTransition } from '../../../functions/services/apply-transition';
import { approvalDetails, decideThroughApproval } from '../../../functions/services/approvals';
import { caller, candidate, refusalFrom, world } from '../fakes/builders';

/** Deciding through an approval link: the link's own checks, then the action, exactly once. */

const KEY = Buffer.alloc(32, 7);
const APPROVER = caller({
  userId: 'approver-1',
  name: 'Vũ Mạnh Chiến',
  roles: ['approver'],
  unitId: 'hn-dongda',
});
const APPROVE = {
  decision: 'APPROVE' as const,
  decisionNumber: '12-QĐ/QU',
  decisionDate: '2025-06-30',
};

function linked(expiresAt = '2025-07-31T00:00:00.000Z') {
  const w = world();
  w.store.put(candidate('c1', { stage: 'ADMISSION_DECISION', version: 8 }));
  const link = issueApprovalId(
    {
      candidateId: 'c1',
      stage: 'ADMISSION_DECISION',
      candidateVersion: 8,
      approverUserId: 'approver-1',
      expiresAt,
    },
    KEY,
  );
  return { w, deps: { ...w, signingKey: async () => KEY }, link };
}

const ids = (n: number) => ({ submissionId: `sub-${n}`, idempotencyKey: `key-${n}` });

describe('approval links', () => {
  it("shows the step the link names, and records the decision with the link's single-use record", async () => {
    const { w, deps, link } = linked();
    const details = await approvalDetails(deps, APPROVER, link);
    expect(details).toMatchObject({
      stage: 'ADMISSION_DECISION',
      candidate: { id: 'c1', unitName: 'Chi bộ Phòng Kỹ thuật' },
    });
    expect(details).not.toHaveProperty('decision');

    const answer = await decideThroughApproval(deps, APPROVER, link, APPROVE, ids(1));
    expect(answer).toMatchObject({
      candidateId: 'c1',
      resultingVersion: 9,
      decision: { decision: 'APPROVE', decidedByName: 'Vũ Mạnh Chiến' },
    });
    expect((await w.store.getCandidate('c1'))?.submission).toMatchObject({
      action: 'decideAdmission',
      id: 'sub-1',
    });
    expect([...w.store.approvals.values()]).toEqual([
      expect.objectContaining({
        candidateId: 'c1',
        approverUserId: 'approver-1',
        submissionId: 'sub-1',
      }),
    ]);
    expect(await approvalDetails(deps, APPROVER, link)).toMatchObject({
      decision: { decision: 'APPROVE' },
    });
  });

  it('refuses a second use of the link, showing the recorded decision', async () => {
    const { deps, link } = linked();
    await decideThroughApproval(deps, APPROVER, link, APPROVE, ids(1));
    const again = await refusalFrom(
      decideThroughApproval(
        deps,
        APPROVER,
        link,
        { decision: 'REJECT', reason: 'x' } as never,
        ids(2),
      ),
    );
    expect(again).toMatchObject({
      kind: 'conflict',
      code: 'APPROVAL_ALREADY_DECIDED',
      details: { decision: { decision: 'APPROVE' } },
    });
  });

  it('two clicks at once: one decision recorded, the other shown it', async () => {
    const { w, deps, link } = linked();
    const results = await Promise.allSettled([
      decideThroughApproval(deps, APPROVER, link, APPROVE, ids(1)),
      decideThroughApproval(deps, APPROVER, link, APPROVE, ids(2)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(w.store.approvals.size).toBe(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason.body.code).toMatch(
      /APPROVAL_ALREADY_DECIDED|CONCURRENT_UPDATE|STEP_ALREADY_DECIDED/,
    );
  });

  it('refuses an expired link, a link of a step that moved on, and another approver', async () => {
    const old = linked('2025-06-30T00:00:00.000Z');
    expect(
      await refusalFrom(decideThroughApproval(old.deps, APPROVER, old.link, APPROVE, ids(1))),
    ).toMatchObject({ code: 'APPROVAL_LINK_EXPIRED' });

    const moved = linked();
    await decideThroughApproval(
      moved.deps,
      APPROVER,
      moved.link,
      { decision: 'REQUEST_INFO', reason: 'Thiếu lý lịch' } as never,
      ids(1),
    );
    const submitted = (await moved.w.store.getCandidate('c1'))!.submission!;
    await applyTransition(moved.w, { candidateId: 'c1', submissionId: submitted.id });
    const fresh = issueApprovalId(
      {
        candidateId: 'c1',
        stage: 'ADMISSION_DECISION',
        candidateVersion: 8,
        approverUserId: 'approver-1',
        expiresAt: '2025-07-31T00:00:00.000Z',
      },
      KEY,
    );
    const notPending = await refusalFrom(
      decideThroughApproval(moved.deps, APPROVER, fresh, APPROVE, ids(2)),
    );
    expect(notPending.code).toBe('APPROVAL_STEP_NOT_PENDING');

    const other = linked();
    const stranger = await refusalFrom(
      decideThroughApproval(
        other.deps,
        { ...APPROVER, userId: 'approver-2' },
        other.link,
        APPROVE,
        ids(3),
      ),
    );
    expect(stranger.code).toMatch(/APPROVAL_LINK/);
    const forged = await refusalFrom(
      decideThroughApproval(other.deps, APPROVER, `${other.link.slice(0, -2)}AA`, APPROVE, ids(4)),
    );
    expect(forged.code).toMatch(/APPROVAL_LINK/);
    expect(other.w.store.approvals.size).toBe(0);
    expect((await other.w.store.getCandidate('c1'))?.submission).toBeUndefined();
  });
});
