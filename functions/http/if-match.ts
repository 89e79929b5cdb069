import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { refuse, Refusal } from '../domain/refusal';

const ETAG = /^(?:W\/)?"([1-9][0-9]{0,14})"$/;

/** The version an `If-Match` header names, if the request sent one (`"4"` or `W/"4"`). */
export function ifMatchVersionOf(event: APIGatewayProxyEventV2): number | undefined {
  const header = event.headers?.['if-match']?.trim();
  if (header === undefined) return undefined;
  const match = ETAG.exec(header);
  if (!match) {
    return refuse('invalid', {
      code: 'INVALID_HEADER',
      message: 'If-Match phải là ETag của lần đọc, ví dụ "3"',
      message_en: 'If-Match must be the ETag of a read, e.g. "3"',
      field: 'If-Match',
    });
  }
  return Number(match[1]);
}

export interface ExpectedVersion {
  version: number;
  /** Named by If-Match: a stale version is then 412 Precondition Failed, as HTTP says. */
  fromIfMatch: boolean;
}

/**
 * The version a write expects, from `If-Match` (the ETag of the read, already checked by
 * ifMatchVersionOf) or `expectedVersion` in the body. Both may be sent if they agree; neither is
 * a malformed request.
 */
export function expectedVersionOf(
  version: number | undefined,
  bodyVersion: number | undefined,
): ExpectedVersion {
  if (version === undefined) {
    if (bodyVersion !== undefined) return { version: bodyVersion, fromIfMatch: false };
    return refuse('invalid', {
      code: 'INVALID_BODY',
      message: 'expectedVersion: Thiếu phiên bản đã đọc (gửi expectedVersion hoặc If-Match)',
      message_en: 'expectedVersion: The version read is missing (send expectedVersion or If-Match)',
      field: 'expectedVersion',
    });
  }
  if (bodyVersion !== undefined && bodyVersion !== version) {
    return refuse('invalid', {
      code: 'INVALID_HEADER',
      message: `If-Match (${version}) khác expectedVersion (${bodyVersion})`,
      message_en: `If-Match (${version}) differs from expectedVersion (${bodyVersion})`,
      field: 'If-Match',
    });
  }
  return { version, fromIfMatch: true };
}

/** A stale If-Match answers 412; the same staleness named in the body stays 409. */
export async function preconditionOnStale<T>(
  expected: ExpectedVersion,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (
      expected.fromIfMatch &&
      error instanceof Refusal &&
      error.body.code === 'VERSION_CONFLICT'
    ) {
      throw new Refusal('precondition-failed', error.body);
    }
    throw error;
  }
}
