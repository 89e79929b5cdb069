import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * The checks `npm run lint` runs (docs/architecture.md, "Layers") fail on a deliberate violation:
 * each is run here as CI runs it, on fixture code, and must name the rule that was broken.
 */
const ROOT = path.join(__dirname, '..', '..', '..');
const run = (args: string[], options: { cwd?: string; input?: string } = {}) =>
  spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', ...options });

describe('dependency-cruiser (.dependency-cruiser.cjs)', () => {
  let project: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    writeFileSync(path.join(project, file), text);
  };

  beforeAll(() => {
    project = mkdtempSync(path.join(tmpdir(), 'layers-'));
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'commonjs' } }));
    write('functions/adapters/store.ts', 'export const store = 1;\n');
    write('functions/domain/uses-adapter.ts', "export { store } from '../adapters/store';\n");
    write('functions/domain/reads-files.ts', "export { readFileSync } from 'node:fs';\n");
    write('functions/domain/hashes.ts', "export { createHash } from 'node:crypto';\n");
    write('functions/domain/a.ts', "import type { B } from './b';\nexport type A = B[];\n");
    write('functions/domain/b.ts', "import type { A } from './a';\nexport type B = A | 1;\n");
    write('functions/http/route.ts', 'export const route = 1;\n');
    write('functions/services/service.ts', "export { route } from '../http/route';\n");
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('refuses a domain that imports an adapter or I/O, a type-only cycle and a service on HTTP', () => {
    const result = run(
      [
        path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'),
        'functions',
        '--config',
        path.join(ROOT, '.dependency-cruiser.cjs'),
        '--output-type',
        'err',
      ],
      { cwd: project },
    );
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(
      /domain-is-pure: functions\/domain\/uses-adapter\.ts → functions\/adapters\/store\.ts/,
    );
    expect(result.stdout).toMatch(/domain-is-pure: functions\/domain\/reads-files\.ts → fs/);
    expect(result.stdout).not.toMatch(/hashes\.ts/);
    expect(result.stdout).toMatch(/no-cycles: functions\/domain\/(a|b)\.ts/);
    expect(result.stdout).toMatch(
      /services-below-http: functions\/services\/service\.ts → functions\/http\/route\.ts/,
    );
  });
});

/**
 * ESLint's own API on the project's eslint.config.mjs, as `eslint .` loads it, for every fixture
 * in one process: starting ESLint and its plugins costs a second or two each time. The status is
 * the one the CLI exits with (1 when a rule reports an error).
 */
const LINT_FIXTURES = `
const { ESLint } = require('eslint');
const fixtures = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
(async () => {
  const eslint = new ESLint();
  const results = [];
  for (const { filePath, code } of fixtures) {
    const [result] = await eslint.lintText(code, { filePath });
    results.push({ status: result.errorCount > 0 ? 1 : 0, messages: result.messages });
  }
  process.stdout.write(JSON.stringify(results));
})();
`;

describe('ESLint (eslint.config.mjs)', () => {
  const KEY_BUILDER = [
    'export function counterUpdate(unitId: string) {',
    '  return {',
    "    Key: { PK: `CNT#${unitId}`, SK: '2025-01' },",
    "    UpdateExpression: 'ADD #count :one',",
    '  };',
    '}',
    '',
  ].join('\n');
  const UNMARKED_TYPE_IMPORT =
    "import { Candidate } from '../domain/candidate';\nexport type Open = Candidate;\n";
  const NAMED_ZOD = "import { z } from 'zod';\nexport const name = z.string();\n";
  const NAMESPACE_ZOD = "import * as z from 'zod';\nexport const name = z.string();\n";
  const TYPE_ONLY_ZOD = "import { type z } from 'zod';\nexport type Name = z.infer<z.ZodString>;\n";
  const FIXTURES: [filePath: string, code: string][] = [
    ['functions/domain/quota/fixture.ts', KEY_BUILDER],
    ['functions/adapters/fixture.ts', KEY_BUILDER],
    ['functions/services/fixture.ts', UNMARKED_TYPE_IMPORT],
    ['functions/domain/fixture.ts', NAMED_ZOD],
    ['functions/http/fixture.ts', NAMED_ZOD],
    ['functions/http/fixture.ts', NAMESPACE_ZOD],
    ['functions/http/fixture.ts', TYPE_ONLY_ZOD],
  ];
  type Linted = { status: number; messages: { ruleId: string; message: string }[] };
  const linted = new Map<string, Linted>();

  beforeAll(() => {
    const result = run(['-e', LINT_FIXTURES], {
      input: JSON.stringify(FIXTURES.map(([filePath, code]) => ({ filePath, code }))),
    });
    if (result.status !== 0) throw new Error(`ESLint failed to run: ${result.stderr}`);
    const results = JSON.parse(result.stdout) as Linted[];
    FIXTURES.forEach(([filePath, code], i) => linted.set(`${filePath}\n${code}`, results[i]));
  });
  const lint = (filePath: string, code: string): Linted => {
    const result = linted.get(`${filePath}\n${code}`);
    if (!result) throw new Error(`${filePath} is not among the fixtures linted`);
    return result;
  };

  it('refuses DynamoDB keys and expressions in the domain', () => {
    const result = lint('functions/domain/quota/fixture.ts', KEY_BUILDER);
    expect(result.status).toBe(1);
    const messages = result.messages.map((m) => m.message);
    expect(messages).toContain(
      'The domain builds no DynamoDB requests or keys: move this to functions/adapters.',
    );
    expect(messages).toContain(
      'The domain writes no DynamoDB expressions: move this to functions/adapters.',
    );
    expect(messages).toContain(
      'The domain builds no table keys: move this to functions/adapters (table-keys.ts).',
    );
  });

  it('lets an adapter build them', () => {
    expect(lint('functions/adapters/fixture.ts', KEY_BUILDER).status).toBe(0);
  });

  it('requires a type-only import to say so (consistent-type-imports)', () => {
    const result = lint('functions/services/fixture.ts', UNMARKED_TYPE_IMPORT);
    expect(result.status).toBe(1);
    expect(result.messages.map((m) => m.ruleId)).toEqual([
      '@typescript-eslint/consistent-type-imports',
    ]);
  });

  it("refuses zod's namespace object (import { z }) in every layer, allows import * as z", () => {
    for (const file of ['functions/domain/fixture.ts', 'functions/http/fixture.ts']) {
      const result = lint(file, NAMED_ZOD);
      expect(result.status).toBe(1);
      expect(result.messages.map((m) => m.message)).toEqual([
        "import * as z from 'zod': the namespace object drags all of zod into the bundle.",
      ]);
    }
    expect(lint('functions/http/fixture.ts', NAMESPACE_ZOD).status).toBe(0);
    expect(lint('functions/http/fixture.ts', TYPE_ONLY_ZOD).status).toBe(0);
  });
});
