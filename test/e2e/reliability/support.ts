import { nationalIdFor } from '../support/api-client';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { humanStage, type HumanStageId } from '../../../functions/domain/pipeline';
import { type Role } from '../../../functions/domain/roles';
import { awsClients } from '../support/aws-clients';
import { DEMO_NOMINATION, HAPPY_PATH } from '../support/happy-path';
import { tokenFor } from '../support/officers';
import { type RuntimeEndpoints } from '../support/runtime-process';
import { retryThrottled } from '../../../client/api-client';

/**
 * A nomination body for a distinct person (the demo nomination under another name, with an ID
 * number derived from it).
 */
export function nominationFor(fullName: string): Record<string, unknown> {
  const person = { ...DEMO_NOMINATION, fullName };
  return { ...person, nationalId: nationalIdFor(person) };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One token per role of the demo walk (cell, committee, approver of dd-kdn). */
export async function roleTokens(runtime: RuntimeEndpoints): Promise<Record<string, string>> {
  const roles: Role[] = ['cell-officer', 'committee-officer', 'approver'];
  const tokens = await Promise.all(
    roles.map((role) => tokenFor(runtime, { roles: [role], unitId: 'dd-kdn', sub: `rel-${role}` })),
  );
  return Object.fromEntries(roles.map((role, i) => [role, tokens[i]]));
}

export function actorOf(stage: string, action: string): Role {
  return humanStage(stage as HumanStageId).actions.find((a) => a.id === action)!.actor;
}

export function stepAt(stage: string) {
  return HAPPY_PATH.find((s) => s.stage === stage);
}

export interface RawResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary fields
  body: any;
  text: string;
  headers: Headers;
}

export async function send(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; key?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  // As every client of the API does: a 429 from the stage's throttling is resent (nothing ran).
  const fetchRetrying = retryThrottled();
  const response = await fetchRetrying(
    new Request(`${baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.key ? { 'idempotency-key': options.key } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
  );
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text, headers: response.headers };
}

/** Every item of the table, straight from DynamoDB Local. */
export async function scanAll(runtime: RuntimeEndpoints): Promise<Record<string, unknown>[]> {
  const { documents } = awsClients(runtime);
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new ScanCommand({ TableName: runtime.tableName, ExclusiveStartKey, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  documents.destroy();
  return items;
}

/** Polls GET until the candidate is parked (or closed) at `stage`; returns the body. */
export async function settledAt(
  url: () => string,
  token: string,
  id: string,
  stage: string,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const r = await send(url(), 'GET', `/candidates/${id}`, { token }).catch(() => undefined);
    if (r?.status === 200) {
      last = r.body;
      if (r.body.stage === stage && r.body.status !== 'PROCESSING') return r.body;
    }
    await sleep(50);
  }
  throw new Error(`${id} did not settle at ${stage}: ${JSON.stringify(last)}`);
}

/** The refusal shape every non-2xx answer must have. */
export function isErrorShape(body: unknown): boolean {
  if (!body || typeof body !== 'object') return false;
  const b = body as Record<string, unknown>;
  return (
    typeof b.code === 'string' && typeof b.message === 'string' && typeof b.message_en === 'string'
  );
}
