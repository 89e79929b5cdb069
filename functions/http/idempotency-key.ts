import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { refuse } from '../domain/refusal';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** Every write names itself so that a retry cannot apply it twice. */
export function idempotencyKeyOf(event: APIGatewayProxyEventV2): string {
  const key = event.headers?.['idempotency-key'];
  if (!key) {
    return refuse('invalid', {
      code: 'MISSING_IDEMPOTENCY_KEY',
      message: 'Thiếu tiêu đề Idempotency-Key (một mã duy nhất cho mỗi thao tác, ví dụ UUID)',
      message_en:
        'The Idempotency-Key header is required (one unique value per command, e.g. a UUID)',
      field: 'Idempotency-Key',
    });
  }
  if (!KEY_PATTERN.test(key)) {
    return refuse('invalid', {
      code: 'INVALID_IDEMPOTENCY_KEY',
      message: 'Idempotency-Key phải gồm 8–128 ký tự chữ, số hoặc . _ : -',
      message_en: 'Idempotency-Key must be 8–128 letters, digits or . _ : -',
      field: 'Idempotency-Key',
    });
  }
  return key;
}
