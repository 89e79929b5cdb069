import { approvalRecordKey } from '../../../functions/adapters/table-keys';
import {
  assertApprovalInTime,
  issueApprovalId,
  openApprovalId,
  type ApprovalClaims,
} from '../../../functions/domain/approval-link';
import { Refusal } from '../../../functions/domain/refusal';

const KEY = Buffer.from('a'.repeat(64));
const APPROVER = 'f3c1a0b2-0000-4000-8000-000000000001';
const OTHER = 'f3c1a0b2-0000-4000-8000-000000000002';
const NOW = new Date('2025-06-01T08:00:00Z');
const CLAIMS: ApprovalClaims = {
  candidateId: '7b0d1c9e-5d7b-4a55-9c7b-2f1e0c6b1a01',
  stage: 'ADMISSION_DECISION',
  approverUserId: APPROVER,
  candidateVersion: 8,
  expiresAt: '2025-06-08T08:00:00.000Z',
};

/** What the approval service does with a link: open it for the caller, then check its time. */
function verifyApprovalId(approvalId: string, key: Buffer, context: { now: Date; userId: string }) {
  const claims = openApprovalId(approvalId, key, context);
  assertApprovalInTime(claims, context.now);
  return claims;
}

function refusalOf(run: () => unknown): Refusal {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('approval ids', () => {
  const id = issueApprovalId(CLAIMS, KEY);

  it('are URL-safe and carry the claims back to their approver', () => {
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(id.length).toBeLessThan(400);
    const verified = verifyApprovalId(id, KEY, { now: NOW, userId: APPROVER });
    expect(verified).toEqual({ ...CLAIMS, nonce: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) });
  });

  it('are unique per issue (random nonce), so each names its own approval record', () => {
    const again = issueApprovalId(CLAIMS, KEY);
    expect(again).not.toBe(id);
    const a = verifyApprovalId(id, KEY, { now: NOW, userId: APPROVER });
    const b = verifyApprovalId(again, KEY, { now: NOW, userId: APPROVER });
    expect(a.nonce).not.toBe(b.nonce);
    expect(approvalRecordKey(a)).toEqual({ PK: `APPROVAL#${a.nonce}`, SK: 'META' });
  });

  it('accept a Date expiry', () => {
    const withDate = issueApprovalId({ ...CLAIMS, expiresAt: new Date(CLAIMS.expiresAt) }, KEY);
    expect(verifyApprovalId(withDate, KEY, { now: NOW, userId: APPROVER }).expiresAt).toBe(
      CLAIMS.expiresAt,
    );
  });

  it('expire at expiresAt: APPROVAL_LINK_EXPIRED (rule, 422)', () => {
    const justBefore = new Date(Date.parse(CLAIMS.expiresAt) - 1000);
    expect(() => verifyApprovalId(id, KEY, { now: justBefore, userId: APPROVER })).not.toThrow();
    const refusal = refusalOf(() =>
      verifyApprovalId(id, KEY, { now: new Date(CLAIMS.expiresAt), userId: APPROVER }),
    );
    expect(refusal.kind).toBe('rule');
    expect(refusal.body).toMatchObject({
      code: 'APPROVAL_LINK_EXPIRED',
      field: 'approvalId',
      details: { expiresAt: CLAIMS.expiresAt },
    });
    expect(refusal.body.message).toMatch(/hết hạn/);
    // The signature and user are still checked without the deadline (to show a past decision).
    expect(openApprovalId(id, KEY, { userId: APPROVER }).candidateId).toBe(CLAIMS.candidateId);
  });

  it('refuse another user: APPROVAL_LINK_OTHER_USER (not-found), before the deadline check', () => {
    for (const now of [NOW, new Date('2030-01-01T00:00:00Z')]) {
      const refusal = refusalOf(() => verifyApprovalId(id, KEY, { now, userId: OTHER }));
      expect(refusal.kind).toBe('not-found');
      expect(refusal.body.code).toBe('APPROVAL_LINK_OTHER_USER');
      expect(JSON.stringify(refusal.body)).not.toContain(APPROVER);
    }
  });

  it('refuse every single-character change: APPROVAL_LINK_INVALID (not-found)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < id.length; i++) {
      const replacement = alphabet[(alphabet.indexOf(id[i]) + 1) % alphabet.length];
      const tampered = id.slice(0, i) + replacement + id.slice(i + 1);
      const refusal = refusalOf(() =>
        verifyApprovalId(tampered, KEY, { now: NOW, userId: APPROVER }),
      );
      expect(refusal.kind).toBe('not-found');
      expect(refusal.body.code).toBe('APPROVAL_LINK_INVALID');
    }
  });

  it('refuse an id signed with another key', () => {
    const forged = issueApprovalId(CLAIMS, Buffer.from('b'.repeat(64)));
    expect(
      refusalOf(() => verifyApprovalId(forged, KEY, { now: NOW, userId: APPROVER })).body.code,
    ).toBe('APPROVAL_LINK_INVALID');
  });

  it('refuse claims re-encoded by hand with the old tag', () => {
    const bytes = Buffer.from(id, 'base64url');
    const text = bytes.toString('latin1').replace(`,8,`, `,9,`);
    expect(text).not.toBe(bytes.toString('latin1'));
    const altered = Buffer.from(text, 'latin1').toString('base64url');
    expect(
      refusalOf(() => verifyApprovalId(altered, KEY, { now: NOW, userId: APPROVER })).body.code,
    ).toBe('APPROVAL_LINK_INVALID');
  });

  it.each([
    ['empty', ''],
    ['garbage', 'not a link'],
    ['padding', `${id}==`],
    ['truncated', id.slice(0, -1)],
    ['extended', `${id}A`],
    ['short', 'AQID'],
    ['too long', 'A'.repeat(5000)],
    ['a JWT-looking string', 'eyJhbGciOiJIUzI1NiJ9.e30.x'],
  ])('refuse %s as APPROVAL_LINK_INVALID', (_name, garbage) => {
    const refusal = refusalOf(() => verifyApprovalId(garbage, KEY, { now: NOW, userId: APPROVER }));
    expect(refusal.kind).toBe('not-found');
    expect(refusal.body.code).toBe('APPROVAL_LINK_INVALID');
  });

  it('will not issue with invalid claims or a short key', () => {
    expect(() => issueApprovalId({ ...CLAIMS, stage: 'ADMITTED' as never }, KEY)).toThrow();
    expect(() => issueApprovalId({ ...CLAIMS, candidateVersion: -1 }, KEY)).toThrow();
    expect(() => issueApprovalId({ ...CLAIMS, expiresAt: 'tomorrow' }, KEY)).toThrow();
    expect(() => issueApprovalId(CLAIMS, Buffer.from('short'))).toThrow(/32 bytes/);
  });
});
