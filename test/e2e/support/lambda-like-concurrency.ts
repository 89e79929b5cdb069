import { CONTENTION_SANDBOXES_PER_FUNCTION } from '../../../lib/local/function-host';
import { startRuntimesWithSandboxesPerFunction } from './runtime-process';

// The reliability suite drives a runtime with many clients at once (crashes, faults, conflicts,
// fuzzing): its functions get Lambda-like concurrency, not the machine-sized cap of `npm start`
// and the other end-to-end files, so that the load, the contention and the timing windows it
// tests are those it was written for (jest.config.js, project "reliability").
startRuntimesWithSandboxesPerFunction(CONTENTION_SANDBOXES_PER_FUNCTION);
