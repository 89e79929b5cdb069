import { contractViolations, recordedResponses } from './contract-recorder';

// Every e2e test file is also a contract test: each response its client saw must be one the
// OpenAPI document describes (jest setupFilesAfterEach of the e2e project).
afterAll(() => {
  expect(contractViolations()).toEqual([]);
  recordedResponses.length = 0;
});
