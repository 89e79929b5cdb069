import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { sharedDynamoDbOfThisWorker } from '../../support/shared-dynamodb';

const ROOT = path.join(__dirname, '..', '..', '..');
export const READY_MARKER = 'LOCAL_RUNTIME_READY ';
/** Whether a runtime of this test file is using the worker's shared DynamoDB Local. */
let sharedHeld = false;
/** Lambda sandboxes per function for every runtime of this suite (default: the machine's cores). */
let sandboxesPerFunctionOfThisSuite: number | undefined;

/** For a suite that loads the runtime as Lambda would run it (test/e2e/reliability/). */
export function startRuntimesWithSandboxesPerFunction(sandboxes: number): void {
  sandboxesPerFunctionOfThisSuite = sandboxes;
}

export interface RuntimeEndpoints {
  url: string;
  sfnEndpoint: string;
  dynamoDbEndpoint: string;
  tableName: string;
  stateMachineArn: string;
  issuerUrl: string;
  secretsManagerEndpoint: string;
  /** The local EventBridge Scheduler (REST-JSON; @aws-sdk/client-scheduler talks to it). */
  schedulerEndpoint: string;
  /** With `faultProxy`: the control URL of lib/local/fault-proxy.ts (see fault-control.ts). */
  faultProxyUrl?: string;
}

export interface RuntimeProcess extends RuntimeEndpoints {
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: no cleanup handler runs, exactly like a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `bin/local.ts` as a separate process (one Node process, no tsx wrapper, so that a
 * SIGKILL hits the runtime itself) against the already synthesized cdk.out.
 */
export async function startRuntimeProcess(
  options: {
    dataDir?: string;
    faultProxy?: boolean;
    /** A synthesized cloud assembly other than cdk.out (a mutated template, say). */
    cdkOut?: string;
    /** Emulate DynamoDB's transaction conflicts; `windowMs` caps a transaction's hold. */
    conflicts?: { windowMs?: number };
    /** Lambda sandboxes per function at once (default: the machine's cores). */
    sandboxesPerFunction?: number;
  } = {},
): Promise<RuntimeProcess> {
  const args = ['--import', 'tsx', 'bin/local.ts', '--no-synth', '--port', '0'];
  args.push(...(options.dataDir ? ['--data-dir', options.dataDir] : ['--in-memory']));
  // An in-memory runtime borrows this worker's DynamoDB Local unless another runtime of this
  // file holds it (two runtimes at once would empty each other's tables).
  const shared = options.dataDir || sharedHeld ? undefined : sharedDynamoDbOfThisWorker();
  if (shared) {
    args.push('--shared-dynamodb', shared);
    sharedHeld = true;
  }
  if (options.faultProxy) args.push('--fault-proxy');
  if (options.cdkOut) args.push('--cdk-out', options.cdkOut);
  if (options.conflicts) {
    args.push('--conflicts');
    if (options.conflicts.windowMs !== undefined) {
      args.push('--conflict-window-ms', String(options.conflicts.windowMs));
    }
  }
  const sandboxes = options.sandboxesPerFunction ?? sandboxesPerFunctionOfThisSuite;
  if (sandboxes !== undefined) args.push('--sandboxes-per-function', String(sandboxes));
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (shared) void exited.then(() => (sharedHeld = false));
  const endpoints = await new Promise<RuntimeEndpoints>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Runtime did not start:\n${output}`)), 90_000);
    let ready = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Once ready, the output is only kept: searching all of it again at every chunk would cost
      // the test's process time in proportion to the square of what the runtime prints.
      if (ready) return;
      const line = output.split('\n').find((l) => l.startsWith(READY_MARKER));
      if (line) {
        ready = true;
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(READY_MARKER.length)));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Runtime exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    ...endpoints,
    child,
    output: () => output,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
