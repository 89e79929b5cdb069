/** @type {import('jest').Config} */
const transform = {
  '^.+\\.[tj]s$': [
    'ts-jest',
    { tsconfig: { allowJs: true, isolatedModules: true }, diagnostics: false },
  ],
};
// middy 6 ships ESM only; jest runs CommonJS, so it has to be transformed.
const transformIgnorePatterns = ['/node_modules/(?!(@middy)/)'];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/unit', '<rootDir>/test/infra'],
      testMatch: ['**/*.test.ts'],
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      // The end-to-end tests run the template `cdk synth` wrote, so synthesize it once first.
      globalSetup: '<rootDir>/test/e2e/synthesize-once.ts',
      // Every response an e2e client sees must be one the OpenAPI document describes.
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/contract-check.ts'],
      testTimeout: 180000,
    },
  ],
  testTimeout: 60000,
};
