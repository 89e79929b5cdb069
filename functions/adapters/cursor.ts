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
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const isKey = key && typeof key === 'object' && !Array.isArray(key);
    if (isKey && key[partitionAttribute] === partition && typeof key.PK === 'string') {
      return key;
    }
  } catch {
    // fall through to the refusal
  }
  return refuse('invalid', {
    code: 'INVALID_CURSOR',
    message: 'Con trỏ phân trang không hợp lệ; hãy dùng giá trị nextCursor của trang trước',
    message_en: 'Invalid pagination cursor; use the nextCursor of the previous page',
    field: 'cursor',
  });
}
