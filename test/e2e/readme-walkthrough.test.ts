import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
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

/** The README's curl walk-through, exactly as a newcomer would paste it. */
function walkthroughScript(): string {
  const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme
    .split('<!-- walkthrough:start -->')[1]
    .split('<!-- walkthrough:end -->')[0];
  return section.split('```sh\n')[1].split('```')[0];
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
});
