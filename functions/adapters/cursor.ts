import { createHash } from 'node:crypto';
import { refuse } from '../domain/refusal';

/** Opaque pagination cursors: the DynamoDB key, base64url so clients cannot depend on it. */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** A cursor is only valid for the listing that issued it: same index partition. */
export function decodeCursor(
  cursor: string,
  partitionAttribute: string,
  partition: string,
): Record<string, unknown> {
  const key = parsed(cursor);
  if (key[partitionAttribute] === partition && typeof key.PK === 'string') return key;
  return invalidCursor();
}

/**
 * A position cursor: the sort position of the last item returned, bound to the listing (its
 * filters, hashed) so that a cursor of one listing cannot page through another.
 */
export function encodePositionCursor(listing: unknown, after: string): string {
  return encodeCursor({ l: fingerprintOf(listing), a: after });
}

/** The position a cursor names, if it was issued for this same listing. */
export function decodePositionCursor(cursor: string, listing: unknown): string {
  const position = parsed(cursor);
  if (position.l === fingerprintOf(listing) && typeof position.a === 'string') return position.a;
  return invalidCursor();
}

function fingerprintOf(listing: unknown): string {
  return createHash('sha256').update(JSON.stringify(listing)).digest('base64url').slice(0, 16);
}

function parsed(cursor: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // fall through to the refusal
  }
  return invalidCursor();
}

/** The refusal of a cursor this listing did not issue (or that was altered). */
export function invalidCursor(): never {
  return refuse('invalid', {
    code: 'INVALID_CURSOR',
    message: 'Con trỏ phân trang không hợp lệ; hãy dùng giá trị nextCursor của trang trước',
    message_en: 'Invalid pagination cursor; use the nextCursor of the previous page',
    field: 'cursor',
  });
}
