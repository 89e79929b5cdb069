import { listCandidateQueue, listTasks } from '../../../functions/services/work-queues';
import { caller, candidate, refusalFrom, world } from '../fakes/builders';

/** Work queues: a unit's subtree by stage, overdue flags, name search, the caller's tasks. */

function queue() {
  const w = world('2025-07-01T03:00:00.000Z');
  w.store.put(
    candidate('late', { fullName: 'Đặng Thị Muộn', stage: 'CEREMONY', dueOn: '2025-06-20' }),
    candidate('today', { fullName: 'Lê Văn Hôm', stage: 'CEREMONY', dueOn: '2025-07-01' }),
    candidate('open', { fullName: 'Ngô Quang Mở', stage: 'CELL_RESOLUTION' }),
    candidate('done', { stage: 'ADMITTED' }),
    candidate('decide', { stage: 'ADMISSION_DECISION', dueOn: '2025-07-15' }),
    candidate('far', {
      stage: 'CEREMONY',
      unitPath: ['hn', 'hn-badinh', 'bd-cell'],
      unitId: 'bd-cell',
    }),
  );
  return w;
}

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe('work queues', () => {
  it('lists the subtree at the stages asked, soonest due first, flagging what is overdue', async () => {
    const w = queue();
    const page = await listCandidateQueue(w, caller(), {
      stage: ['CEREMONY', 'CELL_RESOLUTION'],
      limit: 10,
    });
    expect(ids(page)).toEqual(['late', 'today', 'open']);
    expect(page.items.map((i) => i.overdue)).toEqual([true, false, false]);
    expect(JSON.stringify(page)).not.toContain('1996-08-17');
  });

  it('narrows to overdue steps and to a name fragment without accents', async () => {
    const w = queue();
    expect(ids(await listCandidateQueue(w, caller(), { overdue: true, limit: 10 }))).toEqual([
      'late',
    ]);
    expect(ids(await listCandidateQueue(w, caller(), { q: 'quang mo', limit: 10 }))).toEqual([
      'open',
    ]);
  });

  it('pages with a cursor until the last page', async () => {
    const w = queue();
    const first = await listCandidateQueue(w, caller(), {
      stage: ['CEREMONY', 'CELL_RESOLUTION'],
      limit: 2,
    });
    expect(ids(first)).toEqual(['late', 'today']);
    const second = await listCandidateQueue(w, caller(), {
      stage: ['CEREMONY', 'CELL_RESOLUTION'],
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(ids(second)).toEqual(['open']);
    expect(second.nextCursor).toBeUndefined();
  });

  it("refuses a unit outside the caller's subtree as not found", async () => {
    const w = queue();
    const refusal = await refusalFrom(listCandidateQueue(w, caller(), { unit: 'hn', limit: 10 }));
    expect(refusal).toMatchObject({ kind: 'not-found', field: 'unit' });
  });

  it('gives each role its own tasks, and none to a role without steps', async () => {
    const w = queue();
    expect(ids(await listTasks(w, caller(), { limit: 10 }))).toEqual(['late', 'today', 'open']);
    const approver = caller({ roles: ['approver'], unitId: 'hn-dongda' });
    expect(ids(await listTasks(w, approver, { limit: 10 }))).toEqual(['decide']);
    const ops = await refusalFrom(listTasks(w, caller({ roles: ['ops-viewer'] }), { limit: 10 }));
    expect(ops).toMatchObject({ kind: 'forbidden', code: 'ROLE_NOT_ALLOWED' });
  });
});
