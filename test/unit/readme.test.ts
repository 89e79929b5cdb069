import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  generatedBlock,
  README_BLOCKS,
  README_PATH,
  readmeBlock,
  type ReadmeBlockName,
} from '../../bin/readme-blocks';

const readme = readFileSync(README_PATH, 'utf8');

describe('README generated blocks', () => {
  it.each(Object.keys(README_BLOCKS) as ReadmeBlockName[])(
    '%s is what `npm run docs:readme` generates',
    (name) => {
      expect(readmeBlock(readme, name)).toBe(generatedBlock(name));
    },
  );
});

describe('README claims', () => {
  const root = path.dirname(README_PATH);
  const scripts = Object.keys(
    (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: object })
      .scripts,
  );

  it('names only npm scripts that package.json defines', () => {
    const named = [...readme.matchAll(/npm run(?: -s)? ([\w:-]+)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(5);
    expect([...new Set(named)].filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it('names only repository paths that exist', () => {
    const claimed = readmePaths(readme);
    expect(claimed.length).toBeGreaterThan(20);
    expect(claimed.filter((p) => !existsSync(path.join(root, p)))).toEqual([]);
  });
});

/**
 * Paths inside the repository the README names: in code spans, links and the layout block, any
 * token under a top-level folder of the project. A glob or `{placeholder}` is checked up to the
 * folder that holds it.
 */
function readmePaths(text: string): string[] {
  const topLevel = '(?:bin|lib|functions|test|bench|client|docs|\\.ci)';
  const found = text.match(new RegExp(`(?<![\\w./-])${topLevel}/[\\w./*{}<>-]*`, 'g')) ?? [];
  return [
    ...new Set(
      found.map((p) => {
        const cut = p.search(/[*{<]/);
        const kept = cut < 0 ? p : p.slice(0, p.lastIndexOf('/', cut) + 1);
        return kept.replace(/[.,:]+$/, '');
      }),
    ),
  ];
}
