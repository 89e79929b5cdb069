import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { templateTable } from '../../functions/domain/onboarding/template';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

let runtime: RuntimeProcess;
// A data folder of its own, so that `npm run token` signs with this runtime's issuer key.
const dataDir = mkdtempSync(path.join(tmpdir(), 'admission-readme-'));
beforeAll(async () => {
  runtime = await startRuntimeProcess({ dataDir });
});
afterAll(async () => {
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const readme = () => readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

/** A marked section of the README (`<!-- name:start -->` … `<!-- name:end -->`). */
function section(name: string): string {
  return readme().split(`<!-- ${name}:start -->`)[1].split(`<!-- ${name}:end -->`)[0];
}

/** A curl walk-through of the README, exactly as a newcomer would paste it. */
function walkthroughScript(name = 'walkthrough'): string {
  return section(name).split('```sh\n')[1].split('```')[0];
}

describe('README walk-through', () => {
  it('takes a new candidate to ADMITTED with curl', async () => {
    const { stdout } = await promisify(execFile)(
      'bash',
      ['-euo', 'pipefail', '-c', walkthroughScript()],
      {
        env: { ...process.env, API: runtime.url, DATA_DIR: dataDir },
        timeout: 120_000,
      },
    );
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^candidate c[0-9a-f]{19}$/);
    const accepted = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(accepted).toHaveLength(9);
    for (const response of accepted) expect(response.status).toBe('ACCEPTED');
    expect(lines[lines.length - 1]).toBe(
      'ADMITTED — Đảng viên dự bị, version 10, 10 history events',
    );
  });

  it('imports the example row of the template with curl, then skips it the second time', async () => {
    const { stdout } = await promisify(execFile)(
      'bash',
      ['-euo', 'pipefail', '-c', walkthroughScript('onboarding')],
      {
        env: { ...process.env, API: runtime.url, DATA_DIR: dataDir },
        timeout: 120_000,
      },
    );
    const lines = stdout.trim().split('\n');
    expect(lines).toEqual([
      // (The file starts with a BOM for Excel; trim() took it off.)
      'Bước hiện tại của hồ sơ | Current stage of the file [stage],' +
        'Ngày chi bộ giới thiệu quần chúng ưu tú | Date the cell nominated the person [nominatedOn],' +
        'Họ và tên | Full name [fullName]',
      '1 applied, 0 skipped, 0 refused: row 2 APPLIED CELL_RESOLUTION',
      '0 applied, 1 skipped, 0 refused: row 2 SKIPPED CELL_RESOLUTION',
    ]);
  });

  it('shows template headers exactly as the template writes them', () => {
    const [header] = templateTable();
    const rows = section('onboarding-template')
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => l.split(/(?<!\\)\|/).map((cell) => cell.trim().replaceAll('\\|', '|')));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const [, key, shown] of rows) {
      expect(header).toContain(shown);
      expect(shown.endsWith(`[${key.replaceAll('`', '')}]`)).toBe(true);
    }
  });
});
