/**
 * PLACEHOLDER for the officers' console build (the console branch replaces this file): writes a
 * minimal index.html, app.js and app.css so that the CDK stack and the bench can bundle something
 * with the agreed signature. `tsx console/build.ts <outDir>`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

export async function buildConsole(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(
    path.join(outDir, 'index.html'),
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bảng điều khiển / Console</title>' +
      '<link rel="stylesheet" href="app.css"><script type="module" src="app.js"></script></head>' +
      '<body><main id="app"></main></body></html>\n',
  );
  await writeFile(
    path.join(outDir, 'app.js'),
    "document.getElementById('app').textContent = 'Bảng điều khiển / Console';\n",
  );
  await writeFile(path.join(outDir, 'app.css'), 'body { font-family: system-ui, sans-serif; }\n');
}

if (require.main === module) {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('usage: tsx console/build.ts <outDir>');
  void buildConsole(path.resolve(outDir));
}
