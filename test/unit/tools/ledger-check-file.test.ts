import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LedgerCheckFile } from '../../../bin/ledger-check-file';
import { emptyLedgerTally } from '../../../functions/domain/quota/recount';

/** npm run quota:check keeps its progress in a file: per table, replaced whole, removed at the end. */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-check-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const saved = (page: number) => ({
  position: { PK: `CAND#${page}`, SK: 'META' },
  scanned: page * 100,
  tally: { ...emptyLedgerTally(), events: page },
});

describe('LedgerCheckFile', () => {
  it('gives back what the last write saved, for its own table only', async () => {
    const file = path.join(dir, 'check.json');
    await new LedgerCheckFile(file, 'admissions', 0).save(saved(3));
    expect(await new LedgerCheckFile(file, 'admissions').load()).toEqual(saved(3));
    expect(await new LedgerCheckFile(file, 'other-table').load()).toBeUndefined();
    expect(fs.readdirSync(dir)).toEqual(['check.json']);
  });

  it('writes at most once per interval, so a large tally is not rewritten after every page', async () => {
    const file = path.join(dir, 'check.json');
    const progress = new LedgerCheckFile(file, 'admissions', 60_000);
    await progress.save(saved(1));
    await progress.save(saved(2));
    expect((await progress.load())?.scanned).toBe(100);
  });

  it('is removed when the run finishes, and a missing file is no saved run', async () => {
    const file = path.join(dir, 'check.json');
    const progress = new LedgerCheckFile(file, 'admissions', 0);
    await progress.save(saved(1));
    await progress.clear();
    expect(fs.existsSync(file)).toBe(false);
    expect(await progress.load()).toBeUndefined();
  });
});
