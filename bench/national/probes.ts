import { performance } from 'node:perf_hooks';
import { createAdmissionClient } from '../../client/api-client';
import { type LocalRuntime } from '../../lib/local/runtime';
import { median } from '../median';
import { answerBody } from '../walk';

/**
 * One read request measured as the benchmark measures every read: through the typed client,
 * the DynamoDB read units it consumed counted at the runtime's proxy (the functions ask for
 * ConsumedCapacity), the bytes of its answer. Repeated, the first request dropped as a cold
 * start, the median kept.
 */
export interface ReadProbe {
  label: string;
  path: string;
  status: number;
  medianMs: number;
  readUnits: number;
  /** Read units as DynamoDB bills them (a read that finds nothing at its minimum). */
  billedReadUnits?: number;
  bytes: number;
  /** Items in the answer (`items` of a page), when it has a list. */
  items?: number;
}

export function officerToken(
  runtime: LocalRuntime,
  role: 'committee-officer' | 'admin' | 'approver',
  unitId: string,
): string {
  return runtime.issueToken({
    sub: `bench-${role}-${unitId}`,
    name: `Bench ${role}`,
    groups: [role],
    unitId,
  });
}

export async function probe(
  runtime: LocalRuntime,
  token: string,
  label: string,
  path: string,
  repeat = 4,
  warmUp = true,
): Promise<ReadProbe> {
  const api = createAdmissionClient({ baseUrl: runtime.url, token });
  const latencies: number[] = [];
  const readUnits: number[] = [];
  const billedReadUnits: number[] = [];
  let status = 0;
  let bytes = 0;
  let items: number | undefined;
  const first = warmUp ? 0 : 1;
  for (let i = first; i < repeat + 1; i++) {
    runtime.faultProxy!.resetStats();
    const started = performance.now();
    const { response, data, error } = await api.request(
      'get',
      path as never,
      {
        parseAs: 'text',
      } as never,
    );
    const ms = performance.now() - started;
    const text = String((response.ok ? data : error) ?? '');
    status = response.status;
    bytes = Buffer.byteLength(text);
    const body = answerBody(text) as { items?: unknown[] } | undefined;
    items = Array.isArray(body?.items) ? body.items.length : undefined;
    if (i === 0) continue;
    latencies.push(ms);
    readUnits.push(runtime.faultProxy!.stats().readUnits);
    billedReadUnits.push(runtime.faultProxy!.stats().billedReadUnits);
  }
  return {
    label,
    path,
    status,
    medianMs: median(latencies),
    readUnits: median(readUnits),
    billedReadUnits: median(billedReadUnits),
    bytes,
    items,
  };
}
