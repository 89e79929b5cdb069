/**
 * Cold start of every function bundle in cdk.out: its size, and the median time to `require` it
 * in a fresh Node process (module load and top-level init; what Lambda reports as Init Duration,
 * minus the runtime's own start).
 */
import { spawnSync } from 'node:child_process';
import { functionBundles } from './bundles';

export interface ColdStart {
  function: string;
  memoryMB: number;
  bundleBytes: number;
  medianRequireMs: number;
  runs: number[];
  error?: string;
}

const PROBE = `
const { performance } = require('node:perf_hooks');
const started = performance.now();
require(process.argv[1]);
process.stdout.write(String(performance.now() - started));
`;

export function measureColdStarts(options: { cdkOut: string; runs: number }): ColdStart[] {
  return functionBundles(options.cdkOut).map((bundle) => {
    // The function's own variables (unresolved intrinsics become placeholders): some bundles
    // read them at load time. NODE_OPTIONS among them, were a function given any.
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      ...bundle.environment,
    };
    const runs: number[] = [];
    let error: string | undefined;
    for (let i = 0; i < options.runs; i++) {
      const probe = spawnSync(process.execPath, ['-e', PROBE, bundle.file], {
        env,
        encoding: 'utf8',
      });
      if (probe.status !== 0) {
        error = probe.stderr.split('\n').find((line) => line.trim()) ?? `exit ${probe.status}`;
        break;
      }
      runs.push(Number(probe.stdout));
    }
    const sorted = [...runs].sort((a, b) => a - b);
    return {
      function: bundle.function,
      memoryMB: bundle.memoryMB,
      bundleBytes: bundle.bundleBytes,
      medianRequireMs: sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN,
      runs,
      ...(error ? { error } : {}),
    };
  });
}
