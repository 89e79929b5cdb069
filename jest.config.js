/** @type {import('jest').Config} */
// esbuild strips the types file by file (test/support/esbuild-transform.mjs); `npm run typecheck`
// checks them.
const transform = { '^.+\\.[tj]s$': '<rootDir>/test/support/esbuild-transform.mjs' };
// middy 6 ships ESM only; jest runs CommonJS, so it has to be transformed.
const transformIgnorePatterns = ['/node_modules/(?!(@middy)/)'];

/** What both end-to-end projects share: they talk HTTP to a runtime started from the template. */
const endToEnd = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform,
  transformIgnorePatterns,
  // The end-to-end tests run the template `cdk synth` wrote, so synthesize it once first; and
  // share one DynamoDB Local per worker among the files (test/e2e/global-setup.ts).
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
  // Every response an e2e client sees must be one the OpenAPI document describes.
  setupFilesAfterEnv: [
    '<rootDir>/test/e2e/support/end-to-end-timeout.ts',
    '<rootDir>/test/e2e/support/contract-check.ts',
  ],
};

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/unit', '<rootDir>/test/infra'],
      testMatch: ['**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      setupFiles: ['<rootDir>/test/support/skip-cloudformation-validation.ts'],
    },
    {
      displayName: 'e2e',
      ...endToEnd,
      roots: ['<rootDir>/test/e2e'],
      testPathIgnorePatterns: ['/test/e2e/reliability/'],
    },
    // Crashes, faults, conflicts and fuzzing: minutes of load each, so a suite of their own
    // (`npm run test:reliability`), which CI runs after `npm test`.
    {
      displayName: 'reliability',
      ...endToEnd,
      roots: ['<rootDir>/test/e2e/reliability'],
      // Its runtimes run as many sandboxes of a function at once as Lambda would for its load.
      setupFilesAfterEnv: [
        ...endToEnd.setupFilesAfterEnv,
        '<rootDir>/test/e2e/support/lambda-like-concurrency.ts',
      ],
    },
  ],
  testTimeout: 60000,
  testSequencer: '<rootDir>/test/support/slowest-first-sequencer.mjs',
};
