import { randomUUID } from 'node:crypto';
import { ApiClient } from './support/api-client';
import {
  APPROVE,
  decide,
  deliveriesTo,
  officersOf,
  walkToDecision,
  waitForLink,
} from './support/approvals';
import { moveClock } from './support/clock';
import { officerClient } from './support/officers';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

/**
 * People on the local runtime: an administrator creates the officers (local Cognito, invitation
 * e-mail), they sign in as the pool knows them, a decision reaches the approver by e-mail with a
 * working link, and the last approver cannot leave while a file waits unless a replacement is
 * named, who then receives the pending decision.
 */

let runtime: RuntimeProcess;
let admin: ApiClient;

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  admin = await officerClient(runtime, { roles: ['admin'], unitId: 'hn', name: 'Quản trị Hà Nội' });
});
afterAll(() => runtime?.stop());

const write = (method: string, path: string, body: unknown) =>
  admin.request(method, path, { body, headers: { 'idempotency-key': randomUUID() } });

/** Signs in as an account the pool holds (its groups and unit, not the caller's say-so). */
async function signIn(userId: string): Promise<ApiClient> {
  const response = await fetch(`${runtime.issuerUrl}/local/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: userId }),
  });
  if (!response.ok) throw new Error(`Sign-in refused: ${await response.text()}`);
  return new ApiClient(runtime.url, ((await response.json()) as { id_token: string }).id_token);
}

async function createAccount(name: string, email: string, roles: string[], unitId = 'dd-kdn') {
  const created = await write('POST', '/accounts', { name, email, roles, unitId });
  expect(created.status).toBe(201);
  return created.body as { userId: string; username: string };
}

describe('people: accounts in the product, delivery to a person', () => {
  it('an admin creates officers; the approver receives exactly one delivery with a working link; the last approver leaves only with a replacement', async () => {
    const cellAccount = await createAccount('Trần Thị Bình', 'binh@example.vn', ['cell-officer']);
    const approverAccount = await createAccount('Vũ Mạnh Chiến', 'chien@example.vn', ['approver']);
    // Invitations went out by e-mail (Cognito's temporary password).
    expect((await deliveriesTo(runtime, approverAccount.userId)).map((d) => d.kind)).toEqual([
      'INVITATION',
    ]);
    // Scope and role: outside the subtree is 404, another role 403, above one's own 403.
    const outsider = await officerClient(runtime, { roles: ['admin'], unitId: 'tt-kdn' });
    expect((await outsider.request('GET', `/accounts/${approverAccount.userId}`)).status).toBe(404);
    const cell = await signIn(cellAccount.userId);
    expect((await cell.request('GET', '/accounts?unit=dd-kdn')).status).toBe(403);
    const listed = await admin.request('GET', '/accounts?unit=dd-kdn&role=approver');
    expect(
      (listed.body.items as { userId: string }[]).map((a: { userId: string }) => a.userId),
    ).toEqual([approverAccount.userId]);

    const { committee } = await officersOf(runtime);
    const id = await walkToDecision({ cell, committee });
    const approver = { sub: approverAccount.userId, api: await signIn(approverAccount.userId) };
    const { approvalId } = await waitForLink(runtime, approver, id);
    const about = (await deliveriesTo(runtime, approver.sub)).filter((d) => d.candidateId === id);
    expect(about).toHaveLength(1);
    const mine = await approver.api.request('GET', '/me/deliveries');
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        candidateId: id,
        kind: 'PARKED',
        status: 'SENT',
        channel: 'EMAIL',
      }),
    ]);
    expect((await decide(approver.api, approvalId, APPROVE)).status).toBe(200);
    await cell.waitForStage(id, 'CEREMONY');

    // The next file waits for the unit's decision: its last approver cannot simply be disabled.
    const next = await walkToDecision({ cell, committee });
    await waitForLink(runtime, approver, next);
    const refused = await write('PATCH', `/accounts/${approverAccount.userId}`, { enabled: false });
    expect(refused).toMatchObject({ status: 422, body: { code: 'LAST_APPROVER' } });
    const replacementAccount = await createAccount('Đỗ Văn Dũng', 'dung@example.vn', [
      'committee-officer',
    ]);
    const disabled = await write('PATCH', `/accounts/${approverAccount.userId}`, {
      enabled: false,
      replacementUserId: replacementAccount.userId,
    });
    expect(disabled).toMatchObject({
      status: 200,
      body: { enabled: false, replacement: { pendingHandedOver: 1 } },
    });
    // The disabled approver can no longer sign in; the replacement decides the waiting file.
    await expect(signIn(approverAccount.userId)).rejects.toThrow('User is disabled');
    const replacement = {
      sub: replacementAccount.userId,
      api: await signIn(replacementAccount.userId),
    };
    const handed = await waitForLink(runtime, replacement, next);
    expect((await decide(replacement.api, handed.approvalId, APPROVE)).status).toBe(200);
    await cell.waitForStage(next, 'CEREMONY');
    const history = await admin.request('GET', `/accounts/${approverAccount.userId}`);
    expect(
      (history.body.history as { type: string }[]).map((e: { type: string }) => e.type),
    ).toEqual(['ACCOUNT_DISABLED', 'ACCOUNT_CREATED']);
  });

  it('escalates an overdue decision to a named approver one level up, with a link that decides', async () => {
    const upstairs = await createAccount(
      'Phạm Quốc Huy',
      'huy@example.vn',
      ['approver'],
      'hn-dongda',
    );
    const cellAccount = await createAccount('Lý Thu Hà', 'ha@example.vn', ['cell-officer']);
    const cell = await signIn(cellAccount.userId);
    const { committee } = await officersOf(runtime);
    const id = await walkToDecision({ cell, committee });
    // The cell met long ago (the happy path's dates): the decision is overdue. After the grace of
    // five working days a reminder goes to the committee's approvers, five more and the
    // escalation reaches the committee one level up.
    for (let i = 0; i < 3; i++) await moveClock(runtime, { advanceDays: 10 });
    const approver = { sub: upstairs.userId, api: await signIn(upstairs.userId) };
    const { approvalId } = await waitForLink(runtime, approver, id);
    const escalations = (await deliveriesTo(runtime, upstairs.userId)).filter(
      (d) => d.candidateId === id,
    );
    expect(escalations.map((d) => d.kind)).toEqual(['ESCALATION']);
    expect(escalations[0].body).toContain('Quá hạn');
    expect((await decide(approver.api, approvalId, APPROVE)).status).toBe(200);
    await cell.waitForStage(id, 'CEREMONY');
  });
});
