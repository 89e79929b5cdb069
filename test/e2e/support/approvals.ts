import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { createResolver, listResources, loadStackTemplate } from '../../../lib/local/template';
import { ApiClient } from './api-client';
import { DEMO_NOMINATION, HAPPY_PATH } from './happy-path';
import { officerClient, tokenFor } from './officers';
import { type RuntimeEndpoints } from './runtime-process';

const ROOT = path.join(__dirname, '..', '..', '..');

/** An approver of the district bloc committee: their own `sub`, token and API client. */
export interface Approver {
  sub: string;
  name: string;
  token: string;
  api: ApiClient;
}

export async function approverAt(
  runtime: RuntimeEndpoints,
  name: string,
  unitId = 'dd-kdn',
): Promise<Approver> {
  const sub = randomUUID();
  const token = await tokenFor(runtime, { roles: ['approver'], unitId, name, sub });
  return { sub, name, token, api: new ApiClient(runtime.url, token) };
}

/** The cell officer and the committee officer that take a candidate up to the decision. */
export async function officersOf(runtime: RuntimeEndpoints) {
  const [cell, committee] = await Promise.all([
    officerClient(runtime, { roles: ['cell-officer'], unitId: 'dd-kdn', name: 'Trần Thị Bình' }),
    officerClient(runtime, {
      roles: ['committee-officer'],
      unitId: 'dd-kdn',
      name: 'Lê Văn Cường',
    }),
  ]);
  return { cell, committee };
}

let people = 0;

/** Nominates a new person and walks them to ADMISSION_DECISION; returns the candidate id. */
export async function walkToDecision(officers: {
  cell: ApiClient;
  committee: ApiClient;
}): Promise<string> {
  people += 1;
  const nominated = await officers.cell.nominate({
    ...DEMO_NOMINATION,
    fullName: `Người Thử ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[people % 26]} ${randomUUID()
      .replace(/[^a-f]/g, '')
      .slice(0, 6)}`,
  });
  if (nominated.status !== 201) throw new Error(`Nomination failed: ${JSON.stringify(nominated)}`);
  const id = nominated.body.id as string;
  for (const step of HAPPY_PATH.filter((s) => s.stage !== 'ADMISSION_DECISION')) {
    if (step.stage === 'CEREMONY') break;
    const parked = await officers.cell.waitForStage(id, step.stage);
    const officer = ['BACKGROUND_CHECK', 'GRASSROOTS_RESOLUTION'].includes(step.stage)
      ? officers.committee
      : officers.cell;
    const accepted = await officer.act(id, {
      action: step.action,
      expectedVersion: parked.version,
      payload: step.payload,
    });
    if (accepted.status !== 202) throw new Error(`${step.action}: ${JSON.stringify(accepted)}`);
  }
  await officers.cell.waitForStage(id, 'ADMISSION_DECISION');
  return id;
}

export interface InboxNotification {
  messageId: string;
  subject?: string;
  body: string;
  link?: string;
  userId?: string;
}

export async function inbox(
  runtime: RuntimeEndpoints,
  query: Record<string, string>,
): Promise<InboxNotification[]> {
  const response = await fetch(`${runtime.url}/inbox.json?${new URLSearchParams(query)}`);
  return ((await response.json()) as { notifications: InboxNotification[] }).notifications;
}

/** The e-mail delivered to one person (local SES), newest first. */
export async function deliveriesTo(
  runtime: RuntimeEndpoints,
  userId: string,
): Promise<(InboxNotification & { candidateId?: string; kind?: string })[]> {
  const response = await fetch(
    `${runtime.url}/inbox.json?${new URLSearchParams({ user: userId })}`,
  );
  return ((await response.json()) as { deliveries: InboxNotification[] }).deliveries;
}

/**
 * The newest approval link e-mailed to the approver for the candidate, once there are at least
 * `count` of them (a re-parked step issues a new one).
 */
export async function waitForLink(
  runtime: RuntimeEndpoints,
  approver: Pick<Approver, 'sub'>,
  candidateId: string,
  options: { count?: number } = {},
): Promise<{ link: string; approvalId: string }> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const links = (await deliveriesTo(runtime, approver.sub)).filter(
      (n) => n.link && n.candidateId === candidateId,
    );
    if (links.length >= (options.count ?? 1)) {
      const link = links[0].link!;
      return { link, approvalId: link.slice(link.lastIndexOf('/') + 1) };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No approval link for ${candidateId} delivered to ${approver.sub}`);
}

/** The approval link key, read from the runtime's Secrets Manager as the functions read it. */
export async function signingKeyOf(runtime: RuntimeEndpoints): Promise<Buffer> {
  const { template, stackName } = loadStackTemplate(path.join(ROOT, 'cdk.out'));
  const resolve = createResolver({ template, stackName });
  const [secret] = listResources(template, 'AWS::SecretsManager::Secret');
  const client = new SecretsManagerClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    endpoint: runtime.secretsManagerEndpoint,
  });
  const { SecretString } = await client.send(
    new GetSecretValueCommand({ SecretId: String(resolve({ Ref: secret.logicalId })) }),
  );
  return Buffer.from(SecretString!, 'utf8');
}

export function decide(api: ApiClient, approvalId: string, body: unknown, key = randomUUID()) {
  return api.request('POST', `/approvals/${approvalId}/decision`, {
    body,
    headers: { 'idempotency-key': key },
  });
}

export const APPROVE = {
  decision: 'APPROVE',
  decisionNumber: '125-QĐ/ĐUK',
  decisionDate: '2025-06-02',
};
