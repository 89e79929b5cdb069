/**
 * What the Tracer's X-Ray SDK asks of `semver`, and nothing more: every function bundle takes this
 * module in place of the package (an esbuild alias, lib/constructs/admission-function.ts).
 * aws-xray-sdk-core and cls-hooked each `require('semver')` at load for a single `gte`: cls-hooked
 * to pick its async_hooks context on Node 8 and later, the SDK to check an AWS SDK v2's version
 * before patching it (never called: our clients are v3). The package is 28 KB of every bundle and
 * builds some forty regular expressions at every cold start (docs/architecture.md, "Bundles").
 * test/unit/observability/semver-gte.test.ts fails if either package starts calling anything else.
 */

/** `major.minor.patch` and whether a pre-release follows (`-beta.1`); a leading `v` and a build
 * suffix (`+…`) are ignored, as semver ignores them. */
function parse(version: string): { numbers: number[]; preRelease: boolean } {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
  if (!match) throw new TypeError(`Invalid Version: ${version}`);
  return { numbers: match.slice(1, 4).map(Number), preRelease: match[4] !== undefined };
}

/**
 * Whether `version` is at least `minimum`, as semver's `gte`: number by number, and a pre-release
 * comes before its release (`2.0.0-beta.1` < `2.0.0`). Two pre-releases of the same numbers count
 * as equal: the callers compare Node and SDK releases, never two pre-releases.
 */
export function gte(version: string, minimum: string): boolean {
  const [a, b] = [parse(version), parse(minimum)];
  for (let i = 0; i < 3; i++) {
    if (a.numbers[i] !== b.numbers[i]) return a.numbers[i] > b.numbers[i];
  }
  return !a.preRelease || b.preRelease;
}
