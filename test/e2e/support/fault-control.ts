import type { FaultProxyStats, Faults, HeldItems } from '../../../lib/local/fault-proxy';

/** For a runtime in another process: set faults through the proxy's control path. */
export async function setRemoteFaults(
  proxyUrl: string,
  faults: Partial<Faults> & { seed?: number; resetStats?: boolean } & HeldItems,
): Promise<{ faults: Faults; stats: FaultProxyStats }> {
  const response = await fetch(`${proxyUrl}/__faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  return (await response.json()) as { faults: Faults; stats: FaultProxyStats };
}
