import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';

/**
 * A stack trace whose frames in a bundle point at the TypeScript they were built from.
 *
 * Functions run without `--enable-source-maps`: with it, Node reads and parses the bundle's map
 * at every cold start, though only an error's stack ever needs it (docs/architecture.md,
 * "Bundles"). The map ships beside the bundle (`index.js.map`) and is read here instead, the
 * first time an error is reported, once per container. Frames of files without a map (the AWS
 * SDK, Node's own) and stacks already mapped (TypeScript run directly) are left as they are.
 */
export function sourceMappedStack(error: unknown): string | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  return stack?.split('\n').map(mappedFrame).join('\n');
}

/** Rewrites the error's own stack, for errors that leave the handler (the runtime logs them). */
export function mapStackInPlace(error: unknown): void {
  const mapped = sourceMappedStack(error);
  if (mapped !== undefined) (error as Error).stack = mapped;
}

// `    at name (/var/task/index.js:7:50717)`, `    at async name (…)`, `    at /var/task/index.js:7:1`
const FRAME = /^(\s*at (?:async )?)(?:(.+?) \()?(\/[^():]+\.[cm]?js):(\d+):(\d+)\)?$/;

const mapsByFile = new Map<string, SourceMap | undefined>();

function mapOf(file: string): SourceMap | undefined {
  if (!mapsByFile.has(file)) {
    const mapFile = `${file}.map`;
    mapsByFile.set(
      file,
      existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : undefined,
    );
  }
  return mapsByFile.get(file);
}

function mappedFrame(line: string): string {
  const frame = FRAME.exec(line);
  if (!frame) return line;
  const [, prefix, name, file, lineNumber, column] = frame;
  let entry;
  try {
    entry = mapOf(file)?.findEntry(Number(lineNumber) - 1, Number(column) - 1);
  } catch {
    // An unreadable map costs the mapping, never the report of the error.
    return line;
  }
  if (!entry || !('originalSource' in entry)) return line;
  // esbuild names sources relative to the bundle (`../../functions/…`): kept from `functions/`.
  const source = entry.originalSource.replace(/^(\.\.\/)+/, '');
  const where = `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  // The function's name stays as V8 gave it (minified): the place is what the map knows for sure.
  return name ? `${prefix}${name} (${where})` : `${prefix}${where}`;
}
