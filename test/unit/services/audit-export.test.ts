import { type ExportFile, type ExportFiles } from '../../../functions/adapters/export-files';
import { type HistoryEvent } from '../../../functions/domain/history-event';
import { auditFile, auditPage } from '../../../functions/services/audit-export';
import { caller, candidate, refusalFrom, world } from '../fakes/builders';

/** GET /audit: pages, the whole-period file inline or through a link, scope and size limits. */

class FakeExportFiles implements ExportFiles {
  readonly published: ExportFile[] = [];
  async publish(file: ExportFile) {
    this.published.push(file);
    return { url: `https://exports.example/${file.name}`, expiresAt: '2025-07-01T03:15:00.000Z' };
  }
}

const auditor = caller({ roles: ['committee-officer'], unitId: 'dd-kdn' });
const period = { unit: 'dd-kdn', from: '2025-06-01', to: '2025-06-30' };
const CSV = {
  contentType: 'text/csv',
  extension: 'csv',
  render: (events: { candidateId: string; seq: number }[]) =>
    events.map((e) => `${e.candidateId}#${e.seq}`).join('\n'),
};

function trailOf(candidates: number, eventsEach: number) {
  const w = world();
  for (let c = 0; c < candidates; c++) {
    const id = `c${c}`;
    const events: HistoryEvent[] = Array.from({ length: eventsEach }, (_, i) => ({
      candidateId: id,
      seq: i + 1,
      at: `2025-06-1${c % 10}T0${i}:00:00.000Z`,
      type: 'TRANSITION',
    })) as HistoryEvent[];
    w.store.events.set(id, events);
    w.store.put(candidate(id));
  }
  return { trail: w.store, files: new FakeExportFiles() };
}

describe('audit export', () => {
  it('pages through the subtree with the cursor, every event once', async () => {
    const deps = trailOf(3, 4);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await auditPage(deps, auditor, { ...period, limit: 5, cursor });
      seen.push(...page.items.map((e) => `${e.candidateId}#${e.seq}`));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(12);
    expect(seen).toHaveLength(12);
  });

  it('answers a file that fits in one page inline, and writes nothing', async () => {
    const deps = trailOf(2, 2);
    const file = await auditFile(deps, auditor, { ...period, limit: 4 }, CSV);
    expect(file).toMatchObject({
      kind: 'inline',
      filename: 'audit-dd-kdn-2025-06-01-2025-06-30.csv',
    });
    expect(file.kind === 'inline' && file.body.split('\n')).toHaveLength(4);
    expect(deps.files.published).toHaveLength(0);
  });

  it('writes a file longer than one page and answers its link with the count', async () => {
    const deps = trailOf(3, 4);
    const file = await auditFile(deps, auditor, { ...period, limit: 5 }, CSV);
    expect(file).toMatchObject({
      kind: 'link',
      count: 12,
      link: { url: expect.stringMatching(/^https:\/\/exports\.example\//) },
    });
    expect(deps.files.published).toHaveLength(1);
    const [written] = deps.files.published;
    expect(written.body.split('\n')).toHaveLength(12);
    expect(written.name).toMatch(/^[0-9a-f-]{36}\/audit-dd-kdn-2025-06-01-2025-06-30\.csv$/);
  });

  it('refuses an export beyond the largest file, writing nothing', async () => {
    const deps = trailOf(3, 4);
    const refusal = await refusalFrom(auditFile(deps, auditor, { ...period, limit: 2 }, CSV, 10));
    expect(refusal).toMatchObject({ kind: 'rule', code: 'AUDIT_EXPORT_TOO_LARGE', field: 'to' });
    expect(refusal.message).toMatch(/10/);
    expect(deps.files.published).toHaveLength(0);
  });

  it('refuses a unit outside the scope as not found, and a role that may not export', async () => {
    const deps = trailOf(1, 1);
    const outside = caller({ roles: ['committee-officer'], unitId: 'dd-kythuat' });
    expect(await refusalFrom(auditPage(deps, outside, { ...period, limit: 5 }))).toMatchObject({
      code: 'UNIT_NOT_FOUND',
      field: 'unit',
    });
    expect(
      await refusalFrom(auditFile(deps, caller(), { ...period, limit: 5 }, CSV)),
    ).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });
});
