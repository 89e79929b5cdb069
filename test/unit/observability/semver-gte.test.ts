import * as fs from 'node:fs';
import * as path from 'node:path';
import { gte } from '../../../functions/observability/semver-gte';

const ROOT = path.join(__dirname, '..', '..', '..');

/** Every `semver.<name>` a bundled package's JavaScript calls. */
function semverCallsIn(dir: string): Set<string> {
  const calls = new Set<string>();
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.js')) continue;
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    if (!/require\(['"]semver['"]\)/.test(source)) continue;
    for (const match of source.matchAll(/\bsemver\.(\w+)/g)) calls.add(match[1]);
  }
  return calls;
}

describe('the semver stand-in bundled for the X-Ray SDK', () => {
  it('is all the bundled packages that require semver call of it', () => {
    const calls = new Set([
      ...semverCallsIn(path.join(ROOT, 'node_modules', 'aws-xray-sdk-core', 'dist', 'lib')),
      ...semverCallsIn(path.join(ROOT, 'node_modules', 'cls-hooked')),
    ]);
    expect([...calls]).toEqual(['gte']);
  });

  it('compares release versions number by number', () => {
    expect(gte('24.21.0', '8.0.0')).toBe(true);
    expect(gte('v24.21.0', '8.0.0')).toBe(true);
    expect(gte('8.0.0', '8.0.0')).toBe(true);
    expect(gte('7.10.1', '8.0.0')).toBe(false);
    expect(gte('1.10.0', '1.9.9')).toBe(true);
    expect(gte('1.2.10', '1.2.9')).toBe(true);
    expect(gte('1.2.3', '1.3.0')).toBe(false);
    expect(gte('2.0.0+build.5', '2.0.0')).toBe(true);
    // A pre-release comes before its release, after the release before it.
    expect(gte('2.0.0-beta.1', '2.0.0')).toBe(false);
    expect(gte('2.0.0-beta.1', '1.9.9')).toBe(true);
    expect(gte('2.0.0', '2.0.0-rc.1')).toBe(true);
    expect(gte(process.versions.node, '8.0.0')).toBe(true);
  });

  it('refuses what is not a version', () => {
    expect(() => gte('not a version', '1.0.0')).toThrow(TypeError);
  });
});
