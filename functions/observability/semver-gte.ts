/**
 * What the Tracer's X-Ray SDK asks of `semver`, and nothing more: every function bundle takes this
 * module in place of the package (an esbuild alias, lib/constructs/admission-function.ts).
 * aws-xray-sdk-core and cls-hooked each `require('semver')` at load for a single `gte`: cls-hooked
 * to pick its async_hooks context on Node 8 and later, the SDK to check an AWS SDK v2's version
 * before patching it (never called: our clients are v3). The package is 28 KB of every bundle and
 * builds some forty regular expressions at every cold start (docs/architecture.md, "Bundles").
 * test/unit/observability/semver-gte.test.ts fails if either package starts calling anything else.
 */

/** `major.minor.patch`, ignoring a leading `v` and any pre-release or build suffix. */
function numbersOf(version: string): number[] {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  if (!match) throw new TypeError(`Invalid Version: ${version}`);
  return match.slice(1, 4).map(Number);
}

/** Whether `version` is at least `minimum` (both `x.y.z`), as semver's `gte` for releases. */
export function gte(version: string, minimum: string): boolean {
  const [a, b] = [numbersOf(version), numbersOf(minimum)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}
