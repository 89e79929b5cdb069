// A project's own `testTimeout` is not applied by jest (only the top-level one is), so the e2e
// projects set theirs here: starting a runtime and walking candidates takes minutes on 2 cores.
jest.setTimeout(180_000);
