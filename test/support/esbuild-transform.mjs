/**
 * Jest's transform for TypeScript (and middy's ESM-only JavaScript): esbuild strips the types and
 * turns modules into CommonJS, file by file. Type-checking is `npm run typecheck`'s job, not the
 * tests'; the project compiles with `isolatedModules`, so a file needs nothing outside itself to be
 * transpiled. No test uses `jest.mock`, whose hoisting only babel and ts-jest do.
 */
import { createHash } from 'node:crypto';
import { transformSync, version } from 'esbuild';

const OPTIONS = {
  format: 'cjs',
  // The project's Node (package.json engines), as the function bundles target.
  target: 'node24',
  // `import()` becomes a `require` inside a promise, as tsc's commonjs output has it: jest runs
  // CommonJS, and a native dynamic import needs its experimental VM modules.
  supported: { 'dynamic-import': false },
  sourcemap: 'inline',
  sourcesContent: false,
  // What tsconfig.json's ES2024 target implies for class fields.
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
};

export default {
  process(sourceText, sourcePath) {
    const { code } = transformSync(sourceText, {
      ...OPTIONS,
      loader: sourcePath.endsWith('.ts') ? 'ts' : 'js',
      sourcefile: sourcePath,
    });
    return { code };
  },
  getCacheKey(sourceText, sourcePath) {
    return createHash('sha256')
      .update(version)
      .update(JSON.stringify(OPTIONS))
      .update(sourcePath)
      .update('\0')
      .update(sourceText)
      .digest('hex');
  },
};
