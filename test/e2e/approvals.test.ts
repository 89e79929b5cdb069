import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { issueApprovalId } from '../../functions/domain/approval-link';
import { ApiClient, type CandidateBody } from './support/api-client';
import {
  APPROVE,
  type Approver,
  approverAt,
  decide,
  deliveriesTo,
  inbox,
  officersOf,
  signingKeyOf,
  waitForLink,
  walkToDecision,
} from './support/approvals';
import { awsClients } from './support/aws-clients';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

/**
 * Approval links over the real runtime: the park step issues one link per approver of the
 * deciding committee into their inbox; the page, its details and the decision go through the
 * HTTP API with real tokens, and the decision through the same path as every other action.
 */
let runtime: RuntimeProcess;
let officers: { cell: ApiClient; committee: ApiClient };
let chien: Approver;
let dung: Approver;
const candidates: string[] = [];

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  officers = await officersOf(runtime);
  // Both approvers exist (have signed in) before any candidate reaches the decision.
  [chien, dung] = await Promise.all([
    approverAt(runtime, 'Vũ Mạnh Chiến'),
    approverAt(runtime, 'Đỗ Văn Dũng'),
  ]);
  candidates.push(...(await Promise.all([1, 2, 3, 4].map(() => walkToDecision(officers)))));
  // Four candidates walked to the decision: about 55 s of a 60 s default on a loaded 2-core CI.
}, 180_000);
afterAll(() => runtime?.stop());

async function versionOf(id: string): Promise<number> {
  return (await officers.cell.candidate(id)).body.version as number;
}

describe('approval links', () => {
  it('an approver approves through the link from their inbox and the candidate moves on', async () => {
    const id = candidates[0];
    const { link, approvalId } = await waitForLink(runtime, chien, id);
    expect(link).toBe(`${runtime.url}/approvals/${approvalId}`);
    // Each approver has their own link; the task token appears in no message.
    const other = await waitForLink(runtime, dung, id);
    expect(other.approvalId).not.toBe(approvalId);
    const item = await awsClients(runtime).documents.send(
      new GetCommand({ TableName: runtime.tableName, Key: { PK: `CAND#${id}`, SK: 'META' } }),
    );
    const taskToken = item.Item!.pendingStep.taskToken as string;
    expect(taskToken.length).toBeGreaterThan(10);
    const everyMessage = JSON.stringify([
      ...(await inbox(runtime, { role: 'approver', unit: 'dd-kdn' })),
      ...(await deliveriesTo(runtime, chien.sub)),
      ...(await deliveriesTo(runtime, dung.sub)),
    ]);
    expect(everyMessage).not.toContain(taskToken);

    const details = await chien.api.request('GET', `/approvals/${approvalId}/details`);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({
      candidate: { id, unitId: 'dd-xltbd-kythuat', unitName: 'Chi bộ Phòng Kỹ thuật' },
      stage: 'ADMISSION_DECISION',
      deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      dossier: {
        cellVote: { votesFor: 7, votesAgainst: 1, denominator: 8, passed: true },
        grassrootsVote: { votesFor: 6, committeeMembers: 7, passed: true },
      },
    });
    const documents = details.body.documents as { code: string; present: boolean }[];
    expect(documents.find((d) => d.code === '6-KNĐ')?.present).toBe(true);
    expect(documents.find((d) => d.code === '9-KNĐ')?.present).toBe(false);
    expect(details.body.decision).toBeUndefined();

    const decided = await decide(chien.api, approvalId, APPROVE);
    expect(decided.status).toBe(200);
    expect(decided.body.decision).toMatchObject({ ...APPROVE, decidedByName: 'Vũ Mạnh Chiến' });

    const moved = await officers.cell.waitForStage(id, 'CEREMONY');
    const event = moved.history.at(-1);
    expect(event).toMatchObject({
      action: 'decideAdmission',
      outcome: 'approved',
      toStage: 'CEREMONY',
      actor: { userId: chien.sub, role: 'approver' },
    });
  });

  it('a reused link answers 409 with the recorded decision, and the page shows it', async () => {
    const id = candidates[0];
    await officers.cell.waitForStage(id, 'CEREMONY');
    const { approvalId } = await waitForLink(runtime, chien, id);
    const version = await versionOf(id);

    const again = await decide(chien.api, approvalId, { ...APPROVE, decisionNumber: 'other' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'APPROVAL_ALREADY_DECIDED',
      message: expect.any(String),
      message_en: expect.any(String),
      details: { decision: { ...APPROVE, decidedByName: 'Vũ Mạnh Chiến' } },
    });
    const details = await chien.api.request('GET', `/approvals/${approvalId}/details`);
    expect(details.status).toBe(200);
    expect(details.body.decision).toMatchObject(APPROVE);
    expect(await versionOf(id)).toBe(version);

    // The other approver's link for the same step is dead now: the step was decided.
    const other = await waitForLink(runtime, dung, id);
    const late = await decide(dung.api, other.approvalId, APPROVE);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('APPROVAL_STEP_NOT_PENDING');
  });

  it('refuses a tampered link, an expired one and one opened by another approver', async () => {
    const id = candidates[1];
    const { approvalId } = await waitForLink(runtime, chien, id);
    const version = await versionOf(id);

    // One character changed in the signed part.
    const at = Math.floor(approvalId.length / 2);
    const flipped = approvalId[at] === 'A' ? 'B' : 'A';
    const tampered = `${approvalId.slice(0, at)}${flipped}${approvalId.slice(at + 1)}`;
    for (const response of [
      await decide(chien.api, tampered, APPROVE),
      await chien.api.request('GET', `/approvals/${tampered}/details`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'APPROVAL_LINK_INVALID', field: 'approvalId' });
    }

    // Chiến's link, opened with Dũng's token.
    for (const response of [
      await decide(dung.api, approvalId, APPROVE),
      await dung.api.request('GET', `/approvals/${approvalId}/details`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'APPROVAL_LINK_OTHER_USER' });
    }

    // A genuine link for this very step, signed with the server's key, whose time is over.
    const expired = issueApprovalId(
      {
        candidateId: id,
        stage: 'ADMISSION_DECISION',
        candidateVersion: version,
        approverUserId: chien.sub,
        expiresAt: new Date(Date.now() - 60_000),
      },
      await signingKeyOf(runtime),
    );
    const late = await decide(chien.api, expired, APPROVE);
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({
      code: 'APPROVAL_LINK_EXPIRED',
      details: { expiresAt: expect.any(String) },
    });

    // Nothing of this changed the candidate, and the real link still works.
    expect(await versionOf(id)).toBe(version);
    expect((await decide(chien.api, approvalId, APPROVE)).status).toBe(200);
    await officers.cell.waitForStage(id, 'CEREMONY');
  });

  it('lets a mail scanner prefetch the page without deciding or learning anything', async () => {
    const id = candidates[2];
    const { link, approvalId } = await waitForLink(runtime, chien, id);
    const version = await versionOf(id);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain(`<meta name="approval-id" content="${approvalId}">`);
    expect(html).not.toContain('Người Thử');
    // Following whatever a scanner follows: the API itself needs the approver's token.
    const anonymous = new ApiClient(runtime.url);
    expect((await anonymous.request('GET', `/approvals/${approvalId}/details`)).status).toBe(401);
    expect((await decide(anonymous, approvalId, APPROVE)).status).toBe(401);
    expect(await versionOf(id)).toBe(version);
  });

  it('a request for more information keeps the step open, tells the cell and issues new links', async () => {
    const id = candidates[3];
    const { approvalId } = await waitForLink(runtime, chien, id);
    const version = await versionOf(id);
    const reason = 'Bổ sung bản nhận xét của chi ủy nơi cư trú';

    const asked = await decide(chien.api, approvalId, {
      decision: 'REQUEST_INFO',
      reason,
    });
    expect(asked.status).toBe(200);
    expect(asked.body.decision).toMatchObject({ decision: 'REQUEST_INFO', reason });

    // Back at the same step, one version on, with the request and its reason in the history.
    const deadline = Date.now() + 20_000;
    let candidate: CandidateBody = (await officers.cell.candidate(id)).body;
    while (candidate.version === version && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      candidate = (await officers.cell.candidate(id)).body;
    }
    candidate = await officers.cell.waitForStage(id, 'ADMISSION_DECISION');
    expect(candidate.version).toBe(version + 1);
    expect(candidate.history.at(-1)).toMatchObject({
      fromStage: 'ADMISSION_DECISION',
      toStage: 'ADMISSION_DECISION',
      outcome: 'moreInformationRequested',
      payload: { decision: 'REQUEST_INFO', reason },
    });

    // The cell officers hear what is asked.
    const told = async () =>
      (await inbox(runtime, { role: 'cell-officer', unit: 'dd-xltbd-kythuat' })).some(
        (n) => n.body.includes(id) && n.body.includes(reason),
      );
    const until = Date.now() + 10_000;
    while (!(await told()) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await told()).toBe(true);

    // The used link shows the request; a new one decides the re-opened step.
    expect((await decide(chien.api, approvalId, APPROVE)).body.code).toBe(
      'APPROVAL_ALREADY_DECIDED',
    );
    const fresh = await waitForLink(runtime, chien, id, { count: 2 });
    expect(fresh.approvalId).not.toBe(approvalId);
    expect((await decide(chien.api, fresh.approvalId, APPROVE)).status).toBe(200);
    await officers.cell.waitForStage(id, 'CEREMONY');
  });
});
