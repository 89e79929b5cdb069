/**
 * Builds the officers' console (docs/architecture.md, "Console"): one minified bundle (Preact,
 * the typed API client, the forms' schemas) and its stylesheet, beside index.html. Relative URLs
 * and hash routing: it is served as static files under `/app/` (S3 behind CloudFront, or the
 * local runtime), and reads `./config.json` at run time.
 *
 *   npm run console:build               → console/dist/
 *   tsx console/build.ts <outDir>
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { SHARED_PAGE_STYLE } from '../functions/http/page-style';
import { contractForms } from './contract-forms';

const SOURCE = path.join(__dirname, 'src');

/** The console's files, by name (`index.html`, `app.js`, `app.css`). */
export async function bundleConsole(): Promise<Map<string, Uint8Array>> {
  const result = await esbuild.build({
    entryPoints: { app: path.join(SOURCE, 'main.tsx') },
    bundle: true,
    minify: true,
    write: false,
    outdir: '/console',
    format: 'iife',
    target: ['es2022'],
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'silent',
    define: {
      __CONTRACT_FORMS__: JSON.stringify(contractForms()),
      'process.env.NODE_ENV': '"production"',
    },
  });
  const files = new Map<string, Uint8Array>();
  for (const output of result.outputFiles) files.set(path.basename(output.path), output.contents);
  // The look shared with the approval page first, then the console's own rules.
  const own = Buffer.from(files.get('app.css') ?? new Uint8Array()).toString('utf8');
  files.set('app.css', Buffer.from(`${SHARED_PAGE_STYLE.trim()}\n${own}`, 'utf8'));
  files.set('index.html', fs.readFileSync(path.join(SOURCE, 'index.html')));
  return files;
}

export async function buildConsole(outDir: string): Promise<void> {
  const files = await bundleConsole();
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, contents] of files) fs.writeFileSync(path.join(outDir, name), contents);
}

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, 'dist'));
  buildConsole(outDir).then(
    () => console.log(`console → ${outDir}`),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
