import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { sourceMappedStack } from '../../../functions/observability/source-mapped-stack';

const HELPER = path.resolve(__dirname, '../../../functions/observability/source-mapped-stack.ts');

/**
 * Builds a bundle as the functions' construct does (minified, external map beside it), runs it on
 * plain Node (no --enable-source-maps, as on Lambda) and returns the stack of the error it threw:
 * as V8 gave it and as sourceMappedStack maps it.
 */
function stacksOfBundledError(): { raw: string; mapped: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mapped-stack-'));
  try {
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(
      path.join(dir, 'src', 'thrower.ts'),
      ['export function failing(): never {', "  throw new Error('boom');", '}', ''].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'src', 'entry.ts'),
      [
        `import { sourceMappedStack } from ${JSON.stringify(HELPER)};`,
        "import { failing } from './thrower';",
        'try {',
        '  failing();',
        '} catch (error) {',
        '  process.stdout.write(',
        '    JSON.stringify({ raw: (error as Error).stack, mapped: sourceMappedStack(error) }),',
        '  );',
        '}',
        '',
      ].join('\n'),
    );
    const outfile = path.join(dir, 'out', 'index.js');
    buildSync({
      entryPoints: [path.join(dir, 'src', 'entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      minify: true,
      sourcemap: true,
      sourcesContent: false,
      outfile,
      logLevel: 'error',
    });
    const run = spawnSync(process.execPath, [outfile], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as { raw: string; mapped: string };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('sourceMappedStack', () => {
  it('points the frames of a minified bundle at the TypeScript line that threw', () => {
    const { raw, mapped } = stacksOfBundledError();
    const rawTop = raw.split('\n')[1];
    const mappedTop = mapped.split('\n')[1];
    // Without --enable-source-maps, V8 names the bundle's line 1 (minified)…
    expect(rawTop).toMatch(/out\/index\.js:\d+:\d+\)?$/);
    // …and the map, read at the report, names the source file, line 2, column 9 (`throw`).
    expect(mappedTop).toMatch(/^\s+at .*src\/thrower\.ts:2:9\)?$/);
    expect(mapped.split('\n')[0]).toBe('Error: boom');
  });

  it('leaves frames without a map and lines that are no frames as they are', () => {
    const error = new Error('plain');
    error.stack = [
      'Error: plain',
      '    at Module._compile (node:internal/modules/cjs/loader:1521:14)',
      '    at handler (/nowhere/without-map/index.js:3:7)',
      '    at functions/domain/refusal.ts:10:5',
    ].join('\n');
    expect(sourceMappedStack(error)).toBe(error.stack);
  });

  it('has no stack for what is not an Error', () => {
    expect(sourceMappedStack('a string')).toBeUndefined();
    expect(sourceMappedStack(undefined)).toBeUndefined();
  });
});
