import * as fs from 'node:fs';
import {
  type LedgerCheckProgress,
  type SavedLedgerCheck,
} from '../functions/services/check-quota-ledger';

/**
 * The quota recount's progress in a local file (npm run quota:check): the tally it holds grows
 * with the number of units, so it is written at most every `intervalMs` (a resumed run redoes at
 * most that much scanning), through a temporary file and a rename so that a run killed while
 * writing leaves the previous save whole. The file names the table it belongs to; a save for
 * another table is ignored.
 */
export class LedgerCheckFile implements LedgerCheckProgress {
  private lastWrite = 0;

  constructor(
    private readonly file: string,
    private readonly table: string,
    private readonly intervalMs = 15_000,
  ) {}

  async load(): Promise<SavedLedgerCheck | undefined> {
    if (!fs.existsSync(this.file)) return undefined;
    const saved = JSON.parse(fs.readFileSync(this.file, 'utf8')) as SavedLedgerCheck & {
      table: string;
    };
    if (saved.table !== this.table) return undefined;
    const { position, scanned, tally } = saved;
    return { position, scanned, tally };
  }

  async save(saved: SavedLedgerCheck): Promise<void> {
    const now = Date.now();
    if (now - this.lastWrite < this.intervalMs) return;
    this.lastWrite = now;
    const temporary = `${this.file}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify({ table: this.table, ...saved }));
    fs.renameSync(temporary, this.file);
  }

  async clear(): Promise<void> {
    fs.rmSync(this.file, { force: true });
  }
}
