import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';

const PROJECT_ROOT = path.join(__dirname, '..', '..');

export interface SynthesizeOptions {
  /** The cloud assembly folder (`cdk.out` unless told). */
  outDir?: string;
  /**
   * Show cdk's own output (one "Bundling asset" block per function, esbuild's report, notices).
   * Without it that output is kept and shown only if the synthesis fails.
   */
  verbose?: boolean;
}

/**
 * Runs `cdk synth` as a developer does — the CLI of the project's aws-cdk, on the Node that runs
 * this process (the project's Node 24, not whatever `npx` finds on PATH) — so that the local
 * runtime, the end-to-end tests and the benchmark all read the real cloud assembly.
 */
export function synthesize(options: SynthesizeOptions = {}): void {
  const result = spawnSync(process.execPath, cdkSynthArguments(options), {
    cwd: PROJECT_ROOT,
    stdio: options.verbose ? 'inherit' : 'pipe',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  settle(options, result.status, result.signal, `${result.stdout ?? ''}${result.stderr ?? ''}`);
}

/** {@link synthesize} without blocking this process: others can start meanwhile (the tests' JVMs). */
export async function synthesizeInBackground(options: SynthesizeOptions = {}): Promise<void> {
  const child = spawn(process.execPath, cdkSynthArguments(options), {
    cwd: PROJECT_ROOT,
    stdio: options.verbose ? 'inherit' : 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
    (resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signalName) => resolve([code, signalName]));
    },
  );
  settle(options, status, signal, output);
}

function cdkSynthArguments(options: SynthesizeOptions): string[] {
  const args = [require.resolve('aws-cdk/bin/cdk'), 'synth', '--quiet'];
  if (options.outDir) args.push('--output', options.outDir);
  // esbuild's per-bundle size report; cdk's "Bundling asset" lines come regardless.
  if (options.verbose) args.push('--context', 'bundlingLogLevel=info');
  return args;
}

/** A failed synthesis shows the output it kept back, and throws. */
function settle(
  options: SynthesizeOptions,
  status: number | null,
  signal: NodeJS.Signals | null,
  output: string,
): void {
  if (status === 0) return;
  if (!options.verbose) process.stderr.write(output);
  throw new Error(`cdk synth failed (exit ${status ?? signal})`);
}
