import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { refuse } from '../domain/refusal';

/** Far above any real command, far below what could hurt a Lambda. */
export const MAX_BODY_BYTES = 64 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function refuseInvalidUtf8(): never {
  return refuse('invalid', {
    code: 'INVALID_UTF8',
    message: 'Nội dung không phải văn bản UTF-8 hợp lệ; hãy lưu tệp ở dạng UTF-8 rồi gửi lại',
    message_en: 'The body is not valid UTF-8 text; save it as UTF-8 and send it again',
    field: 'body',
  });
}

/**
 * The body of a request as text, refused unless it is valid UTF-8 within the size limit. A
 * base64 body (binary content type) is decoded strictly. A text body has already been decoded
 * by API Gateway, which puts U+FFFD where bytes were not UTF-8: that mark never stands in text
 * an officer typed, so its presence means the bytes were not UTF-8 and nothing is stored.
 */
export function bodyText(event: APIGatewayProxyEventV2): string {
  let raw = '';
  if (event.body && event.isBase64Encoded) {
    const bytes = Buffer.from(event.body, 'base64');
    if (bytes.length > MAX_BODY_BYTES) refuseTooLarge();
    try {
      raw = strictUtf8.decode(bytes);
    } catch {
      return refuseInvalidUtf8();
    }
  } else if (event.body) {
    raw = event.body;
  }
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) refuseTooLarge();
  if (raw.includes('\ufffd')) refuseInvalidUtf8();
  return raw;
}

function refuseTooLarge(): never {
  return refuse('too-large', {
    code: 'PAYLOAD_TOO_LARGE',
    message: `Nội dung vượt quá ${MAX_BODY_BYTES / 1024} KB`,
    message_en: `The body exceeds ${MAX_BODY_BYTES / 1024} KB`,
    field: 'body',
  });
}

export function jsonBody(event: APIGatewayProxyEventV2): unknown {
  const raw = bodyText(event);
  if (!raw.trim()) {
    return refuse('invalid', {
      code: 'MISSING_BODY',
      message: 'Thiếu nội dung yêu cầu (JSON)',
      message_en: 'The request has no JSON body',
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
