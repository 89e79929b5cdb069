import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { HUMAN_STAGE_IDS, type HumanStageId } from './pipeline';
import { refuse } from './refusal';

/**
 * Approval ids: what a notification links to (`/approvals/{approvalId}`) instead of a task token.
 * An id names one pending step for one approver until a deadline, and is signed with the
 * server-side key so that nobody can forge or alter one.
 *
 *   base64url( 0x01 | nonce (16 random bytes) | claims (JSON array, UTF-8) | tag (16 bytes) )
 *   tag = first 128 bits of HMAC-SHA256(key, "approval-link:v1:" | everything before the tag)
 *
 * The claims are signed, not encrypted: they hold identifiers only (candidate id, stage, the
 * approver's user id, the candidate version, the expiry), no name and no personal data.
 * Single use is not a property of the id but of the server-side record keyed by the nonce
 * (`approvalRecordKey`, functions/adapters/table-keys.ts), written with a condition when the decision is taken.
 */

export interface ApprovalClaims {
  candidateId: string;
  /** The pending step the link acts on: the stage and the candidate version it was parked at. */
  stage: HumanStageId;
  candidateVersion: number;
  /** The Cognito `sub` of the one approver who may open it. */
  approverUserId: string;
  /** ISO 8601 instant (second precision); the link is refused from this instant on. */
  expiresAt: string;
}

export interface VerifiedApproval extends ApprovalClaims {
  /** base64url of the 16-byte nonce: names the approval record. */
  nonce: string;
}

const VERSION = 0x01;
const NONCE_BYTES = 16;
const TAG_BYTES = 16;
const MAX_ID_LENGTH = 1024;
const MIN_KEY_BYTES = 32;
const APPROVAL_LINK_MAC_PREFIX = 'approval-link:v1:';

const id128 = z.string().min(1).max(128);
const claimsInput = z.strictObject({
  candidateId: id128,
  stage: z.enum(HUMAN_STAGE_IDS),
  approverUserId: id128,
  candidateVersion: z.int().min(0),
  expiresAt: z.union([z.iso.datetime({ offset: true }), z.date()]),
});
/** The wire form: positional, to keep links short. */
const wireClaims = z.tuple([id128, z.enum(HUMAN_STAGE_IDS), id128, z.int().min(0), z.int()]);

function checkKey(key: Buffer): void {
  if (key.length < MIN_KEY_BYTES) {
    throw new Error(`The approval link key must have at least ${MIN_KEY_BYTES} bytes`);
  }
}

function tagOf(key: Buffer, signed: Buffer): Buffer {
  return createHmac('sha256', key)
    .update(APPROVAL_LINK_MAC_PREFIX, 'utf8')
    .update(signed)
    .digest()
    .subarray(0, TAG_BYTES);
}

export function issueApprovalId(
  claims: Omit<ApprovalClaims, 'expiresAt'> & { expiresAt: string | Date },
  key: Buffer,
): string {
  checkKey(key);
  const c = claimsInput.parse(claims);
  const expiresAtSeconds = Math.floor(new Date(c.expiresAt).getTime() / 1000);
  const body = Buffer.from(
    JSON.stringify([
      c.candidateId,
      c.stage,
      c.approverUserId,
      c.candidateVersion,
      expiresAtSeconds,
    ]),
    'utf8',
  );
  const signed = Buffer.concat([Buffer.of(VERSION), randomBytes(NONCE_BYTES), body]);
  return Buffer.concat([signed, tagOf(key, signed)]).toString('base64url');
}

const FIELD = 'approvalId';

function invalid(): never {
  return refuse('not-found', {
    code: 'APPROVAL_LINK_INVALID',
    message: 'Liên kết phê duyệt không hợp lệ hoặc đã bị thay đổi',
    message_en: 'The approval link is not valid or has been altered',
    field: FIELD,
  });
}

/**
 * Checks the signature and the user, not the deadline: lets a handler show a decision already
 * recorded through a link that has expired since. Refuses APPROVAL_LINK_INVALID (not-found) for
 * anything not issued with this key, and APPROVAL_LINK_OTHER_USER for another user's link.
 */
export function openApprovalId(
  approvalId: string,
  key: Buffer,
  context: { userId: string },
): VerifiedApproval {
  checkKey(key);
  if (
    typeof approvalId !== 'string' ||
    approvalId.length > MAX_ID_LENGTH ||
    !/^[A-Za-z0-9_-]+$/.test(approvalId)
  ) {
    return invalid();
  }
  const bytes = Buffer.from(approvalId, 'base64url');
  // Only the canonical encoding is accepted, so that no two strings name the same link.
  if (bytes.toString('base64url') !== approvalId) return invalid();
  if (bytes.length < 1 + NONCE_BYTES + 2 + TAG_BYTES || bytes[0] !== VERSION) return invalid();
  const signed = bytes.subarray(0, bytes.length - TAG_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  if (!timingSafeEqual(tag, tagOf(key, signed))) return invalid();

  let wire: z.infer<typeof wireClaims>;
  try {
    wire = wireClaims.parse(JSON.parse(signed.subarray(1 + NONCE_BYTES).toString('utf8')));
  } catch {
    return invalid();
  }
  const [candidateId, stage, approverUserId, candidateVersion, expiresAtSeconds] = wire;
  if (approverUserId !== context.userId) {
    // 404 rather than 403: the link's existence is not confirmed to someone it was not sent to.
    return refuse('not-found', {
      code: 'APPROVAL_LINK_OTHER_USER',
      message:
        'Liên kết phê duyệt này không dành cho tài khoản đang đăng nhập; hãy đăng nhập bằng tài khoản đã nhận thông báo',
      message_en:
        'This approval link was not sent to the signed-in account; sign in with the account that received the notification',
      field: FIELD,
    });
  }
  return {
    nonce: signed.subarray(1, 1 + NONCE_BYTES).toString('base64url'),
    candidateId,
    stage,
    approverUserId,
    candidateVersion,
    expiresAt: new Date(expiresAtSeconds * 1000).toISOString(),
  };
}

/**
 * A link opened by its approver (openApprovalId) is acted on only in time; otherwise refuses with
 * APPROVAL_LINK_EXPIRED (rule, 422: the link was real but its time is over; `details.expiresAt`).
 * It is checked after the user, so another user learns nothing about the link, and after the
 * approval record, so a used link shows its decision whatever its expiry.
 */
export function assertApprovalInTime(claims: VerifiedApproval, now: Date): void {
  if (now.getTime() < new Date(claims.expiresAt).getTime()) return;
  refuse('rule', {
    code: 'APPROVAL_LINK_EXPIRED',
    message: `Liên kết phê duyệt đã hết hạn lúc ${claims.expiresAt}; hãy đề nghị gửi lại thông báo`,
    message_en: `The approval link expired at ${claims.expiresAt}; ask for a new notification`,
    field: FIELD,
    details: { expiresAt: claims.expiresAt },
  });
}
