/**
 * The officers' console's initial load: the JavaScript a browser fetches before the first screen
 * (every script index.html names, and the modules they import statically), gzipped as CloudFront
 * serves it, against the budget. Built fresh with console/build.ts, whatever the app contains.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildConsole } from '../console/build';

/** The initial-load budget: 150 KB of gzipped JavaScript. */
const CONSOLE_JS_BUDGET_BYTES = 150 * 1024;

export interface ConsoleLoad {
  /** Each script loaded at start, relative to index.html, with its gzipped size. */
  scripts: { file: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
  budgetBytes: number;
}

/** `<script src>` and `<link rel="modulepreload" href>` of the page. */
export function scriptsOf(html: string): string[] {
  const tags = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ];
  return tags.map((match) => match[1]);
}

/** Static `import … from "./x.js"` and `import "./x.js"` (not `import("./x.js")`, loaded later). */
export function staticImportsOf(source: string): string[] {
  return [
    ...source.matchAll(/\bimport\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g),
  ].map((match) => match[1]);
}

export async function measureConsoleLoad(): Promise<ConsoleLoad> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-load-'));
  try {
    await buildConsole(outDir);
    const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const pending = scriptsOf(html).filter((src) => !/^(https?:)?\/\//.test(src));
    const seen = new Set<string>();
    const scripts: ConsoleLoad['scripts'] = [];
    while (pending.length) {
      const file = path.normalize(pending.shift()!.replace(/^\.?\//, ''));
      if (seen.has(file)) continue;
      seen.add(file);
      const content = fs.readFileSync(path.join(outDir, file));
      scripts.push({ file, bytes: content.length, gzipBytes: gzipSync(content).length });
      const dir = path.dirname(file);
      pending.push(...staticImportsOf(content.toString('utf8')).map((i) => path.join(dir, i)));
    }
    return {
      scripts,
      gzipBytes: scripts.reduce((total, s) => total + s.gzipBytes, 0),
      budgetBytes: CONSOLE_JS_BUDGET_BYTES,
    };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
