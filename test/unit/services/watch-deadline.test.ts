import { watchDeadline } from '../../../functions/services/watch-deadline';
import { StaleExecutionError } from '../../../functions/services/park-candidate';
import { candidate, world } from '../fakes/builders';

/** The wake step of a human stage: deadline kept, notices sent and recorded once, renewal. */

const DECIDED = { admissionDecision: { decisionDate: '2025-05-02' } };
const REQUEST = {
  candidateId: 'c1',
  stage: 'CEREMONY' as const,
  executionName: 'c1-g1',
  executionStartedAt: '2025-05-05T00:00:00.000Z',
};

function atCeremony(at: string, fields = {}) {
  const w = world(at);
  w.store.put(
    candidate('c1', {
      stage: 'CEREMONY',
      version: 9,
      stageEnteredAt: '2025-05-05T00:00:00.000Z',
      dossier: DECIDED,
      ...fields,
    }),
  );
  return w;
}

describe('watchDeadline', () => {
  it('before the due date records the deadline, tells nobody and waits', async () => {
    const w = atCeremony('2025-05-06T03:00:00.000Z');
    const result = await watchDeadline(w, REQUEST);
    expect(result.continuedAsNew).toBe(false);
    expect(result.timeoutSeconds).toBeGreaterThan(24 * 3600);
    const stored = await w.store.getCandidate('c1');
    expect(stored?.deadline).toMatchObject({ stage: 'CEREMONY', version: 9, noticesSent: 0 });
    expect((stored?.deadline?.dueOn ?? '') > '2025-06-01').toBe(true);
    expect(w.notifier.published).toEqual([]);
    expect(w.store.historyOf('c1')).toEqual([]);
  });

  it('past the due date reminds the cell once, with an event, and not again on the next wake', async () => {
    const w = atCeremony('2025-07-01T03:00:00.000Z');
    await watchDeadline(w, REQUEST);
    expect(w.notifier.published.map((n) => n.attributes)).toEqual([
      expect.objectContaining({ kind: 'REMINDER', role: 'cell-officer', unitId: 'dd-kythuat' }),
    ]);
    const [event] = w.store.historyOf('c1');
    expect(event).toMatchObject({
      type: 'REMINDER',
      seq: 9,
      toStage: 'CEREMONY',
      notice: { index: 0, recipient: { role: 'cell-officer', unitId: 'dd-kythuat' } },
    });
    expect((await w.store.getCandidate('c1'))?.deadline?.noticesSent).toBe(1);
    expect((await w.store.getCandidate('c1'))?.version).toBe(9);

    await watchDeadline(w, REQUEST);
    expect(w.notifier.published).toHaveLength(1);
    expect(w.store.historyOf('c1')).toHaveLength(1);
  });

  it('escalates to the unit above an interval after the reminder', async () => {
    const w = atCeremony('2025-07-01T03:00:00.000Z');
    await watchDeadline(w, REQUEST);
    w.setNow('2025-08-01T03:00:00.000Z');
    await watchDeadline(w, REQUEST);
    const kinds = w.notifier.published.map((n) => n.attributes.kind);
    expect(kinds).toEqual(['REMINDER', 'ESCALATION']);
    expect(w.notifier.published[1].attributes.unitId).not.toBe('dd-kythuat');
    expect(w.store.historyOf('c1').map((e) => e.notice?.index)).toEqual([0, 1]);
  });

  it('a notice recorded meanwhile by another run ends this execution without a second event', async () => {
    const w = atCeremony('2025-07-01T03:00:00.000Z');
    const record = w.store.recordDeadlineNotice.bind(w.store);
    w.store.recordDeadlineNotice = async (before, deadline, event) => {
      await record(before, deadline, event); // the other run
      return record(before, deadline, event);
    };
    await expect(watchDeadline(w, REQUEST)).rejects.toBeInstanceOf(StaleExecutionError);
    expect(w.store.historyOf('c1')).toHaveLength(1);
  });

  it('renews an execution near the one-year limit: next generation recorded, then started', async () => {
    const w = atCeremony('2026-05-01T03:00:00.000Z');
    const result = await watchDeadline(w, REQUEST);
    expect(result).toEqual({ continuedAsNew: true, timeoutSeconds: 1 });
    expect((await w.store.getCandidate('c1'))?.execution).toEqual({ name: 'c1-g2', generation: 2 });
    expect(w.workflow.executions).toEqual([
      expect.objectContaining({
        name: 'c1-g2',
        input: { candidateId: 'c1', resumeFrom: 'CEREMONY' },
      }),
    ]);
    // The renewed execution wakes again (its answer was lost): the successor is made sure of.
    expect(await watchDeadline(w, REQUEST)).toEqual({ continuedAsNew: true, timeoutSeconds: 1 });
    expect(w.workflow.executions).toHaveLength(1);
  });

  it('ends an execution that no longer holds the candidate or whose step is over', async () => {
    const w = atCeremony('2025-07-01T03:00:00.000Z');
    await expect(watchDeadline(w, { ...REQUEST, executionName: 'c1-g7' })).rejects.toBeInstanceOf(
      StaleExecutionError,
    );
    await expect(
      watchDeadline(w, { ...REQUEST, stage: 'ADMISSION_DECISION' }),
    ).rejects.toBeInstanceOf(StaleExecutionError);
    expect(w.notifier.published).toEqual([]);
  });

  it('a step without a deadline is only waited on', async () => {
    const w = world('2025-07-01T03:00:00.000Z');
    w.store.put(candidate('c1', { stage: 'CELL_RESOLUTION' }));
    const result = await watchDeadline(w, { ...REQUEST, stage: 'CELL_RESOLUTION' });
    expect(result.continuedAsNew).toBe(false);
    expect((await w.store.getCandidate('c1'))?.deadline).toBeUndefined();
    expect(w.notifier.published).toEqual([]);
  });
});
