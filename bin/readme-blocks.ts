import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { BenchResult } from '../bench/result';
import { renderMarkdown } from '../bench/render';
import { renderNational } from '../bench/national/render';
import type { NationalResult } from '../bench/national/result';
import { stageDiagram } from './stage-diagram';

/**
 * The README's generated parts, each between `<!-- <name>:start -->` and `<!-- <name>:end -->`:
 * the README shows what the code and the measurements say, and a unit test fails when a block
 * is stale. `npm run docs:readme` rewrites every block; `npm run docs:stages` or
 * `npm run docs:bench` one of them.
 */
const ROOT = path.join(__dirname, '..');
export const README_PATH = path.join(ROOT, 'README.md');
export const BENCH_RESULT_PATH = path.join(ROOT, 'bench', 'results', 'latest.json');
export const NATIONAL_RESULT_PATH = path.join(ROOT, 'bench', 'results', 'national.json');

export const README_BLOCKS = {
  /** The stages of the pipeline table as a Mermaid flowchart. */
  stages: stageDiagram,
  /** The tables of the last `npm run bench` (bench/results/latest.json). */
  bench: () => renderMarkdown(JSON.parse(readFileSync(BENCH_RESULT_PATH, 'utf8')) as BenchResult),
  /** The tables of the last `npm run bench:national` (bench/results/national.json). */
  national: () =>
    renderNational(JSON.parse(readFileSync(NATIONAL_RESULT_PATH, 'utf8')) as NationalResult),
} satisfies Record<string, () => string>;

export type ReadmeBlockName = keyof typeof README_BLOCKS;

const markers = (name: string) => [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`] as const;

/** The block as the README holds it (trimmed), or undefined when its markers are missing. */
export function readmeBlock(readme: string, name: ReadmeBlockName): string | undefined {
  const [start, end] = markers(name);
  const from = readme.indexOf(start);
  const to = readme.indexOf(end, from);
  if (from < 0 || to < 0) return undefined;
  return readme.slice(from + start.length, to).trim();
}

/**
 * The block as it should read: generated, then formatted as `npx prettier --write README.md`
 * formats it (prettier's CLI in a child process: its API loads plugins by dynamic import, which
 * jest's CommonJS sandbox refuses).
 */
export function generatedBlock(name: ReadmeBlockName): string {
  const formatted = execFileSync(
    process.execPath,
    [require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', README_PATH],
    { input: README_BLOCKS[name](), encoding: 'utf8' },
  );
  return formatted.trim();
}

export function withGeneratedBlock(readme: string, name: ReadmeBlockName): string {
  const [start, end] = markers(name);
  if (readmeBlock(readme, name) === undefined) {
    throw new Error(`README.md has no ${start} … ${end} block`);
  }
  const from = readme.indexOf(start) + start.length;
  const to = readme.indexOf(end, from);
  return `${readme.slice(0, from)}\n\n${generatedBlock(name)}\n\n${readme.slice(to)}`;
}

function main(names: string[]): void {
  const unknown = names.filter((n) => !(n in README_BLOCKS));
  if (unknown.length) {
    throw new Error(
      `Unknown block ${unknown.join(', ')}; known: ${Object.keys(README_BLOCKS).join(', ')}`,
    );
  }
  const chosen = (names.length ? names : Object.keys(README_BLOCKS)) as ReadmeBlockName[];
  let readme = readFileSync(README_PATH, 'utf8');
  for (const name of chosen) readme = withGeneratedBlock(readme, name);
  writeFileSync(README_PATH, readme);
  console.log(`README.md: ${chosen.join(', ')} regenerated`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
