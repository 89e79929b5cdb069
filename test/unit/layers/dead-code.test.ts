import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * The dead-code check `npm run lint` runs (knip.config.ts; docs/architecture.md, "Layers") fails
 * on a deliberate violation: knip runs here as CI runs it, with the project's configuration, on a
 * tiny project whose one Lambda handler is named by an `entry` in lib/.
 */
const ROOT = path.join(__dirname, '..', '..', '..');

interface KnipIssue {
  file: string;
  dependencies: { name: string }[];
  exports: { name: string }[];
}

describe('knip (knip.config.ts)', () => {
  let project: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    writeFileSync(path.join(project, file), text);
  };
  const knip = (...args: string[]) => {
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/knip/bin/knip.js'), '--reporter', 'json', ...args],
      { cwd: project, encoding: 'utf8' },
    );
    const issues = (JSON.parse(result.stdout) as { issues: KnipIssue[] }).issues;
    const found = (kind: 'dependencies' | 'exports') =>
      issues.flatMap((issue) => issue[kind].map((item) => `${issue.file}:${item.name}`));
    return { status: result.status, issues, found };
  };

  beforeAll(() => {
    project = mkdtempSync(path.join(tmpdir(), 'dead-code-'));
    copyFileSync(path.join(ROOT, 'knip.config.ts'), path.join(project, 'knip.config.ts'));
    write(
      'package.json',
      JSON.stringify({
        name: 'fixture',
        private: true,
        dependencies: { 'left-pad': '1.3.0' },
        devDependencies: { jest: '30.5.2' },
      }),
    );
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'commonjs' } }));
    write('bin/app.ts', "import { stack } from '../lib/stack';\nconsole.log(stack);\n");
    write('lib/stack.ts', "export const stack = { entry: 'api/handler.ts' };\n");
    write(
      'functions/api/handler.ts',
      "import { used } from '../domain/rules';\nexport const handler = () => used();\n",
    );
    write(
      'functions/domain/rules.ts',
      [
        'export const used = () => 1;',
        'export const neverImported = () => 2;',
        'export const onlyTestsCall = () => 3;',
        '',
      ].join('\n'),
    );
    write('functions/domain/orphan.ts', 'export const orphan = 4;\n');
    write(
      'test/unit/rules.test.ts',
      [
        "import { onlyTestsCall } from '../../functions/domain/rules';",
        "it('runs', () => expect(onlyTestsCall()).toBe(3));",
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('refuses an unused file, export and dependency, and follows the handler lib/ names', () => {
    const result = knip();
    expect(result.status).not.toBe(0);
    expect(result.issues.filter((issue) => issue.file.includes('orphan'))).not.toEqual([]);
    expect(result.found('exports')).toContain('functions/domain/rules.ts:neverImported');
    expect(result.found('dependencies')).toContain('package.json:left-pad');
    // Reached from the entry in lib/stack.ts, and from the test: neither is reported.
    expect(result.found('exports')).not.toContain('functions/domain/rules.ts:used');
    expect(result.found('exports')).not.toContain('functions/domain/rules.ts:onlyTestsCall');
    expect(result.issues.map((issue) => issue.file)).not.toContain('functions/api/handler.ts');
  });

  it('refuses, with --production, product code that only tests call', () => {
    const result = knip('--production');
    expect(result.status).not.toBe(0);
    expect(result.found('exports')).toContain('functions/domain/rules.ts:onlyTestsCall');
    expect(result.found('exports')).not.toContain('functions/domain/rules.ts:used');
  });
});
