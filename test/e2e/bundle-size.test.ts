import { functionBundles } from '../../bench/bundles';
import { DEFAULT_CDK_OUT } from '../../lib/local/runtime';

/** The budget of every function bundle (docs/architecture.md, "Bundles"). */
const BUNDLE_BUDGET_BYTES = 500 * 1024;

// Reads the bundles `cdk synth` wrote (the e2e global setup synthesizes cdk.out once): a heavy
// import such as zod's namespace object (`import { z }`) shows up here as a function over budget.
const bundles = functionBundles(DEFAULT_CDK_OUT);

test('the cloud assembly holds a bundle for every function', () => {
  expect(bundles.length).toBeGreaterThanOrEqual(20);
});

test.each(bundles.map((b) => [b.function, b] as const))(
  '%s is at most 500 KB without its source map',
  (_name, bundle) => {
    expect(bundle.bundleBytes).toBeGreaterThan(0);
    expect(bundle.bundleBytes).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
  },
);
