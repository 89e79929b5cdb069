import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { refuse } from '../domain/refusal';
import { bodyText } from './json-body';

/** A CSV file sent as text (text/csv): UTF-8 within the size limit, and not empty. */
export function csvBody(event: APIGatewayProxyEventV2): string {
  const raw = bodyText(event);
  if (!raw.trim()) {
    refuse('invalid', {
      code: 'MISSING_BODY',
      message: 'Thiếu nội dung tệp CSV',
      message_en: 'The request has no CSV body',
      field: 'body',
    });
  }
  const contentType = event.headers?.['content-type'] ?? '';
  if (!/^(text\/csv|text\/plain|application\/csv)\b/i.test(contentType)) {
    refuse('invalid', {
      code: 'UNSUPPORTED_CONTENT_TYPE',
      message: 'Nội dung phải là text/csv',
      message_en: 'The body must be text/csv',
      field: 'content-type',
    });
  }
  return raw;
}
