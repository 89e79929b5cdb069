import { submitAction } from '../../../functions/services/submit-action';
import { caller, candidate, refusalFrom, world } from '../fakes/builders';

/** Recording an officer's action on the pending step, and handing it to the parked workflow. */

const CONFIRM = {
  action: 'confirmNomination',
  expectedVersion: 1,
  payload: { decisionDate: '2025-06-30', helperMemberName: 'Lê Văn Giúp' },
};
const ids = (n: number) => ({ submissionId: `sub-${n}`, idempotencyKey: `key-${n}` });
const PARKED = {
  stage: 'NOMINATED' as const,
  taskToken: 'token-1',
  executionArn: 'arn:exec',
  parkedAt: '2025-06-01T00:00:00.000Z',
};

function nominated(fields = {}) {
  const w = world();
  w.store.put(candidate('c1', { stage: 'NOMINATED', version: 1, ...fields }));
  return w;
}

describe('submitAction', () => {
  it('records the action on the candidate and delivers it to the parked task', async () => {
    const w = nominated({ pendingStep: PARKED });
    const accepted = await submitAction(w, caller(), 'c1', CONFIRM, ids(1));
    expect(accepted).toEqual({
      candidateId: 'c1',
      submissionId: 'sub-1',
      action: 'confirmNomination',
      fromStage: 'NOMINATED',
      outcome: 'confirmed',
      toStage: 'AWARENESS_CLASS',
      resultingVersion: 2,
    });
    const stored = await w.store.getCandidate('c1');
    expect(stored?.submission).toMatchObject({
      id: 'sub-1',
      idempotencyKey: 'key-1',
      actor: { userId: 'officer-1', role: 'cell-officer' },
    });
    expect(stored?.version).toBe(1);
    expect(w.workflow.deliveries).toEqual([
      expect.objectContaining({ taskToken: 'token-1', delivery: 'complete' }),
    ]);
  });

  it('records without delivering when the workflow has not parked at the step yet', async () => {
    const w = nominated();
    await submitAction(w, caller(), 'c1', CONFIRM, ids(1));
    expect((await w.store.getCandidate('c1'))?.submission?.id).toBe('sub-1');
    expect(w.workflow.deliveries).toEqual([]);
  });

  it('answers a replay of the same request again and writes nothing more', async () => {
    const w = nominated({ pendingStep: PARKED });
    const first = await submitAction(w, caller(), 'c1', CONFIRM, ids(1));
    const again = await submitAction(w, caller(), 'c1', CONFIRM, {
      submissionId: 'sub-other',
      idempotencyKey: 'key-1',
    });
    expect(again).toEqual(first);
    expect((await w.store.getCandidate('c1'))?.submission?.id).toBe('sub-1');
    expect(w.workflow.deliveries).toHaveLength(1);
  });

  it('refuses a stale version with the current one, and writes nothing', async () => {
    const w = nominated();
    const refusal = await refusalFrom(
      submitAction(w, caller(), 'c1', { ...CONFIRM, expectedVersion: 0 }, ids(1)),
    );
    expect(refusal).toMatchObject({
      kind: 'conflict',
      code: 'VERSION_CONFLICT',
      field: 'expectedVersion',
      details: { currentVersion: 1, stage: 'NOMINATED' },
    });
    expect(refusal.message).toMatch(/Hồ sơ đã thay đổi/);
    expect((await w.store.getCandidate('c1'))?.submission).toBeUndefined();
  });

  it('of two officers acting at once, records exactly one and tells the other what changed', async () => {
    const w = nominated();
    const results = await Promise.allSettled([
      submitAction(w, caller(), 'c1', CONFIRM, ids(1)),
      submitAction(w, caller({ userId: 'officer-2' }), 'c1', CONFIRM, ids(2)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.body).toMatchObject({ code: 'STEP_ALREADY_DECIDED' });
    const winner = (
      results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{
        submissionId: string;
      }>
    ).value.submissionId;
    expect((await w.store.getCandidate('c1'))?.submission?.id).toBe(winner);
  });

  it('refuses an action of another stage, an invalid payload and a date in the future', async () => {
    const w = nominated();
    const atStage = await refusalFrom(
      submitAction(
        w,
        caller(),
        'c1',
        { action: 'recordCeremony', expectedVersion: 1, payload: { ceremonyDate: '2025-06-30' } },
        ids(1),
      ),
    );
    expect(atStage).toMatchObject({ kind: 'conflict', code: 'ACTION_NOT_ALLOWED_AT_STAGE' });
    const invalid = await refusalFrom(
      submitAction(w, caller(), 'c1', { ...CONFIRM, payload: { decisionDate: 'soon' } }, ids(2)),
    );
    expect(invalid).toMatchObject({ kind: 'invalid', code: 'INVALID_PAYLOAD' });
    expect(invalid.field).toMatch(/^payload/);
    const future = await refusalFrom(
      submitAction(
        w,
        caller(),
        'c1',
        { ...CONFIRM, payload: { ...CONFIRM.payload, decisionDate: '2025-07-02' } },
        ids(3),
      ),
    );
    expect(future.kind).toBe('invalid');
    expect((await w.store.getCandidate('c1'))?.submission).toBeUndefined();
  });

  it("hides a candidate outside the caller's subtree and refuses a role that may not act", async () => {
    const w = nominated();
    const elsewhere = await refusalFrom(
      submitAction(w, caller({ unitId: 'other-cell' }), 'c1', CONFIRM, ids(1)),
    );
    expect(elsewhere).toMatchObject({ kind: 'not-found', code: 'CANDIDATE_NOT_FOUND' });
    const approver = await refusalFrom(
      submitAction(w, caller({ roles: ['approver'] }), 'c1', CONFIRM, ids(2)),
    );
    expect(approver).toMatchObject({ kind: 'forbidden', code: 'ROLE_NOT_ALLOWED' });
    expect((await w.store.getCandidate('c1'))?.submission).toBeUndefined();
  });
});
