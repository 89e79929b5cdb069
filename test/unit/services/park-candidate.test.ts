import { type Account } from '../../../functions/domain/account';
import { parkCandidate, StaleExecutionError } from '../../../functions/services/park-candidate';
import { candidate, world } from '../fakes/builders';
import { FakeMailer } from '../fakes/fake-mailer';
import { InMemoryDirectory } from '../fakes/in-memory-directory';

/** The workflow parks at a human step: the callback is recorded and the people told, once. */

const REQUEST = {
  candidateId: 'c1',
  stage: 'CELL_RESOLUTION' as const,
  taskToken: 'token-1',
  executionArn: 'arn:exec:c1-g1',
  executionName: 'c1-g1',
};

function parked(fields = {}) {
  const w = world();
  w.store.put(candidate('c1', { stage: 'CELL_RESOLUTION', version: 5, ...fields }));
  return w;
}

const officer: Account = {
  userId: 'sub-officer',
  username: 'officer',
  email: 'officer@example.vn',
  name: 'Trần Văn Cán Bộ',
  unitId: 'dd-kythuat',
  roles: ['cell-officer'],
  enabled: true,
  digest: false,
  version: 1,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

describe('parkCandidate', () => {
  it('records the callback, tells the cell officers once and notes that they were told', async () => {
    const w = parked();
    expect(await parkCandidate(w, REQUEST)).toEqual({ parked: true });
    const stored = await w.store.getCandidate('c1');
    expect(stored?.pendingStep).toEqual({
      stage: 'CELL_RESOLUTION',
      taskToken: 'token-1',
      executionArn: 'arn:exec:c1-g1',
      parkedAt: '2025-07-01T03:00:00.000Z',
    });
    expect(w.notifier.published.map((n) => n.attributes)).toEqual([
      { role: 'cell-officer', unitId: 'dd-kythuat', stage: 'CELL_RESOLUTION', kind: 'PARKED' },
    ]);
    expect(w.notifier.published[0].body).toContain('Chi bộ Phòng Kỹ thuật');
    expect(stored?.notified).toEqual({ stage: 'CELL_RESOLUTION', version: 5 });

    await parkCandidate(w, { ...REQUEST, taskToken: 'token-2' });
    expect(w.notifier.published).toHaveLength(1);
    expect((await w.store.getCandidate('c1'))?.pendingStep?.taskToken).toBe('token-2');
  });

  it('delivers an action recorded before the workflow parked, and tells nobody', async () => {
    const w = parked({
      submission: {
        id: 'sub-1',
        stage: 'CELL_RESOLUTION',
        action: 'withdraw',
        payload: {},
        outcome: 'withdrawn',
        toStage: 'WITHDRAWN',
      },
    });
    await parkCandidate(w, REQUEST);
    expect(w.workflow.deliveries).toEqual([
      expect.objectContaining({ taskToken: 'token-1', delivery: 'fail' }),
    ]);
    expect(w.notifier.published).toEqual([]);
  });

  it('ends an execution that no longer holds the candidate, or a step it left', async () => {
    const w = parked();
    await expect(parkCandidate(w, { ...REQUEST, executionName: 'c1-g0' })).rejects.toBeInstanceOf(
      StaleExecutionError,
    );
    await expect(parkCandidate(w, { ...REQUEST, stage: 'SPONSORSHIP' })).rejects.toBeInstanceOf(
      StaleExecutionError,
    );
    expect((await w.store.getCandidate('c1'))?.pendingStep).toBeUndefined();
    expect(w.notifier.published).toEqual([]);
  });

  it('parks even when telling fails, and tells on the next park', async () => {
    const w = parked();
    w.notifier.failing = new Error('SNS unavailable');
    await expect(parkCandidate(w, REQUEST)).resolves.toEqual({ parked: true });
    expect((await w.store.getCandidate('c1'))?.notified).toBeUndefined();
    w.notifier.failing = undefined;
    await parkCandidate(w, REQUEST);
    expect(w.notifier.published).toHaveLength(1);
    expect((await w.store.getCandidate('c1'))?.notified).toEqual({
      stage: 'CELL_RESOLUTION',
      version: 5,
    });
  });

  it('e-mails each holder of the role at the unit the directory names', async () => {
    const w = parked();
    const directory = new InMemoryDirectory();
    directory.accounts.set(officer.userId, structuredClone(officer));
    const mailer = new FakeMailer();
    await parkCandidate({ ...w, people: { directory, mailer } }, REQUEST);
    expect(mailer.sent.map((m) => m.to)).toEqual(['officer@example.vn']);
    expect(directory.deliveries).toEqual([
      expect.objectContaining({ userId: 'sub-officer', candidateId: 'c1' }),
    ]);
  });
});
