/**
 * Cold start of every function bundle in cdk.out: its size, and the median time to `require` it
 * in a fresh Node process (module load and top-level init; what Lambda reports as Init Duration,
 * minus the runtime's own start).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listResources, loadStackTemplate } from '../lib/local/template';

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
  const { template } = loadStackTemplate(options.cdkOut);
  return listResources(template, 'AWS::Lambda::Function').flatMap(({ logicalId, resource }) => {
    const assetPath = resource.Metadata?.['aws:asset:path'];
    if (typeof assetPath !== 'string') return [];
    const properties = (resource.Properties ?? {}) as {
      Handler?: string;
      MemorySize?: number;
      Environment?: { Variables?: Record<string, unknown> };
    };
    const dir = path.resolve(options.cdkOut, assetPath);
    const handler = properties.Handler ?? 'index.handler';
    const file = path.join(dir, `${handler.slice(0, handler.lastIndexOf('.'))}.js`);
    const bundleBytes = fs
      .readdirSync(dir)
      .filter((name) => !name.endsWith('.map'))
      .reduce((total, name) => total + fs.statSync(path.join(dir, name)).size, 0);
    // The function's own variables (unresolved intrinsics become placeholders): some bundles
    // read them at load time.
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
    };
    for (const [name, value] of Object.entries(properties.Environment?.Variables ?? {})) {
      env[name] = typeof value === 'string' ? value : 'bench';
    }
    const runs: number[] = [];
    let error: string | undefined;
    for (let i = 0; i < options.runs; i++) {
      const probe = spawnSync(process.execPath, ['-e', PROBE, file], { env, encoding: 'utf8' });
      if (probe.status !== 0) {
        error = probe.stderr.split('\n').find((line) => line.trim()) ?? `exit ${probe.status}`;
        break;
      }
      runs.push(Number(probe.stdout));
    }
    const sorted = [...runs].sort((a, b) => a - b);
    return [
      {
        function: logicalId,
        memoryMB: Number(properties.MemorySize ?? 128),
        bundleBytes,
        medianRequireMs: sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN,
        runs,
        ...(error ? { error } : {}),
      },
    ];
  });
}
