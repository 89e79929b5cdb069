import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../../../functions/http/contract/error-codes';
import { allRoutes } from '../../../functions/http/contract/routes';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('the error code catalogue', () => {
  it('documents every refusal code written in functions/', () => {
    const written = new Set(
      sourceFiles('functions').flatMap((file) =>
        // `code: 'X'` and `code: cond ? 'X' : 'Y'` alike.
        [...readFileSync(file, 'utf8').matchAll(/\bcode: ([^,\n]+)/g)].flatMap((m) =>
          [...m[1].matchAll(/(?:^|[?:]\s*)['`]([A-Z][A-Z0-9_]+)['`]/g)].map((c) => c[1]),
        ),
      ),
    );
    expect(written.size).toBeGreaterThan(50);
    const undocumented = [...written].filter((code) => !(code in ERROR_CODES));
    expect(undocumented).toEqual([]);
  });

  it('has a status and both languages for each code', () => {
    for (const [code, doc] of Object.entries(ERROR_CODES)) {
      expect([code, doc.statuses.every((s) => s >= 400 && s < 600)]).toEqual([code, true]);
      expect(doc.vi.length).toBeGreaterThan(3);
      expect(doc.en.length).toBeGreaterThan(3);
    }
  });

  it('lists each code of a route once and every write asks for an Idempotency-Key', () => {
    for (const route of allRoutes()) {
      expect([route.operationId, new Set(route.errors).size]).toEqual([
        route.operationId,
        route.errors.length,
      ]);
      if (route.method !== 'GET') {
        expect([route.operationId, route.idempotent]).toEqual([route.operationId, true]);
      }
    }
  });
});
