/**
 * The function bundles `cdk synth` wrote into a cloud assembly: each Lambda function's asset
 * folder, its entry file and its size. Source maps are left out of the size: they are read only to
 * map an error's stack (functions/observability/source-mapped-stack.ts), never to run the handler.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listResources, loadStackTemplate } from '../lib/local/template';

export interface FunctionBundle {
  /** The function's logical id in the template. */
  function: string;
  memoryMB: number;
  /** The bundle's entry file (the handler's module). */
  file: string;
  /** Every file of the asset but its source maps. */
  bundleBytes: number;
  /** The function's environment; an unresolved intrinsic becomes the placeholder `bench`. */
  environment: Record<string, string>;
}

export function functionBundles(cdkOut: string): FunctionBundle[] {
  const { template } = loadStackTemplate(cdkOut);
  return listResources(template, 'AWS::Lambda::Function').flatMap(({ logicalId, resource }) => {
    const assetPath = resource.Metadata?.['aws:asset:path'];
    const properties = (resource.Properties ?? {}) as {
      Runtime?: unknown;
      Handler?: string;
      MemorySize?: number;
      Environment?: { Variables?: Record<string, unknown> };
    };
    // Ours are Node bundles; CDK's own providers (BucketDeployment's, in Python) are not.
    const isNode =
      typeof properties.Runtime === 'string' && properties.Runtime.startsWith('nodejs');
    if (typeof assetPath !== 'string' || !isNode) return [];
    const dir = path.resolve(cdkOut, assetPath);
    const handler = properties.Handler ?? 'index.handler';
    const bundleBytes = fs
      .readdirSync(dir)
      .filter((name) => !name.endsWith('.map'))
      .reduce((total, name) => total + fs.statSync(path.join(dir, name)).size, 0);
    const environment: Record<string, string> = {};
    for (const [name, value] of Object.entries(properties.Environment?.Variables ?? {})) {
      environment[name] = typeof value === 'string' ? value : 'bench';
    }
    return [
      {
        function: logicalId,
        memoryMB: Number(properties.MemorySize ?? 128),
        file: path.join(dir, `${handler.slice(0, handler.lastIndexOf('.'))}.js`),
        bundleBytes,
        environment,
      },
    ];
  });
}
