import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { refuse } from '../domain/refusal';

/** Far above any real command, far below what could hurt a Lambda. */
export const MAX_BODY_BYTES = 64 * 1024;

export function jsonBody(event: APIGatewayProxyEventV2): unknown {
  const raw = event.body
    ? event.isBase64Encoded
      ? Buffer.from(event.body, 'base64').toString('utf8')
      : event.body
    : '';
  if (!raw.trim()) {
    return refuse('invalid', {
      code: 'MISSING_BODY',
      message: 'Thiếu nội dung yêu cầu (JSON)',
      message_en: 'The request has no JSON body',
      field: 'body',
    });
  }
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) {
    return refuse('too-large', {
      code: 'PAYLOAD_TOO_LARGE',
      message: `Nội dung vượt quá ${MAX_BODY_BYTES / 1024} KB`,
      message_en: `The body exceeds ${MAX_BODY_BYTES / 1024} KB`,
      field: 'body',
    });
  }
  const contentType = event.headers?.['content-type'] ?? 'application/json';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    return refuse('invalid', {
      code: 'UNSUPPORTED_CONTENT_TYPE',
      message: 'Nội dung phải là application/json',
      message_en: 'The body must be application/json',
      field: 'content-type',
    });
  }
  try {
    return JSON.parse(raw);
  } catch {
    return refuse('invalid', {
      code: 'INVALID_JSON',
      message: 'Nội dung không phải JSON hợp lệ',
      message_en: 'The body is not valid JSON',
      field: 'body',
    });
  }
}
