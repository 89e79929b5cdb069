import type { Denial } from '../../../lib/local/iam/access-control';
import type { RuntimeEndpoints } from './runtime-process';

/** What the runtime's IAM refused so far (GET /local/iam/denials). */
export async function denials(runtime: Pick<RuntimeEndpoints, 'url'>): Promise<Denial[]> {
  const response = await fetch(`${runtime.url}/local/iam/denials`);
  return ((await response.json()) as { denials: Denial[] }).denials;
}

/** Fires an alarm's actions as CloudWatch does (POST /local/alarms/{name}/fire). */
export async function fireAlarm(runtime: Pick<RuntimeEndpoints, 'url'>, alarmName: string) {
  const response = await fetch(
    `${runtime.url}/local/alarms/${encodeURIComponent(alarmName)}/fire`,
    { method: 'POST' },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
