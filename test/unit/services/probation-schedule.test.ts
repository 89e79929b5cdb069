import {
  ensureProbationSchedule,
  probationScheduleName,
  probationWakeUp,
} from '../../../functions/services/probation-schedule';
import { candidate, world } from '../fakes/builders';

/** The wake-up at the end of probation: scheduled once, recorded on the member. */

const member = (fields = {}) =>
  candidate('m1', {
    stage: 'ADMITTED',
    version: 12,
    dossier: { ceremony: { ceremonyDate: '2025-06-19' } },
    ...fields,
  });

describe('ensureProbationSchedule', () => {
  it('schedules the start of the last day in Vietnam and records it; a retry creates nothing', async () => {
    const w = world('2025-06-20T03:00:00.000Z');
    w.store.put(member());
    expect(await ensureProbationSchedule(w, member())).toBe('created');
    expect(w.schedules.created).toEqual([
      { name: 'probation-m1', at: '2026-06-19T00:00:00', input: { candidateId: 'm1' } },
    ]);
    expect((await w.store.getCandidate('m1'))?.probationSchedule).toEqual({
      name: 'probation-m1',
      wakesOn: '2026-06-19',
    });
    expect(await ensureProbationSchedule(w, (await w.store.getCandidate('m1'))!)).toBe('recorded');
    expect(await ensureProbationSchedule(w, member())).toBe('existing');
    expect(w.schedules.created).toHaveLength(1);
  });

  it('a probation already over wakes two minutes from now', () => {
    expect(probationWakeUp('2025-06-01', new Date('2025-07-01T03:00:00.000Z'))).toBe(
      '2025-07-01T10:02:00',
    );
  });

  it("keeps the schedule name within the scheduler's 64 characters, distinct per candidate", () => {
    const long = probationScheduleName('x'.repeat(80));
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).not.toBe(probationScheduleName('x'.repeat(81)));
  });

  it('a member that moved on meanwhile is left as it is; other failures surface', async () => {
    const w = world('2025-06-20T03:00:00.000Z');
    w.store.put(member({ version: 13 }));
    await expect(ensureProbationSchedule(w, member())).resolves.toBe('created');
    expect((await w.store.getCandidate('m1'))?.probationSchedule).toBeUndefined();
    w.store.failWrites.set('m1', new Error('throttled'));
    await expect(ensureProbationSchedule(w, member())).rejects.toThrow('throttled');
  });
});
