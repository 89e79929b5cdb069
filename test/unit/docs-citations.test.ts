import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SOURCE_FOLDERS = ['functions', 'lib', 'bin', 'bench', 'client', 'test'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return name === 'fixtures' ? [] : sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** `docs/x.md`, optionally followed by `, "Section"` (`and "Other"`) or `, Principles N`. */
const CITATION =
  /docs\/([\w-]+\.md)(?:,\s*(?:"([^"]+)"(?:\s+and\s+"([^"]+)")?|Principles (\d+)))?/g;

const citations = SOURCE_FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)))
  .flatMap((file) =>
    [
      ...readFileSync(file, 'utf8')
        .replace(/\n\s*\*\s*/g, ' ')
        .matchAll(CITATION),
    ].map((m) => ({
      from: path.relative(ROOT, file),
      doc: m[1],
      sections: [m[2], m[3]].filter((s): s is string => !!s),
      principle: m[4],
    })),
  )
  .filter((c) => c.from !== path.relative(ROOT, __filename));

describe('comments that cite the docs', () => {
  it('exist (the code cites its own docs, not files outside the repository)', () => {
    expect(citations.length).toBeGreaterThan(10);
  });

  it('never point outside the repository (ARCHITECTURE.md, ADMISSION-RULES.md of the spec)', () => {
    const outside = SOURCE_FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)))
      .filter((file) => file !== __filename)
      .filter((file) => /\b(ARCHITECTURE|ADMISSION-RULES)\.md/.test(readFileSync(file, 'utf8')));
    expect(outside.map((file) => path.relative(ROOT, file))).toEqual([]);
  });

  it.each(citations.map((c) => [`${c.from} → ${c.doc}`, c] as const))('%s', (_, citation) => {
    const doc = path.join(ROOT, 'docs', citation.doc);
    expect(existsSync(doc)).toBe(true);
    const text = readFileSync(doc, 'utf8');
    const headings = [...text.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1].trim());
    for (const section of citation.sections) expect(headings).toContain(section);
    if (citation.principle) {
      const principles = text.split('## Principles')[1]?.split('\n## ')[0] ?? '';
      expect(principles).toMatch(new RegExp(`^${citation.principle}\\. `, 'm'));
    }
  });
});
