import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

describe('the typed client', () => {
  it('is generated from the current OpenAPI document (else run `npm run docs:client`)', () => {
    const committed = readFileSync(join(ROOT, 'client', 'api-types.ts'), 'utf8');
    expect(committed).toContain("'/candidates/{id}/actions'");
    // openapi-typescript loads ES modules jest cannot require: run the generator itself.
    const generated = execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'bin/generate-client.ts', '--stdout'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    expect(generated).toBe(committed);
  }, 120_000);
});
