import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { unitRowsFromCsv } from '../domain/org-admin';
import { refuse } from '../domain/refusal';
import { bodyText, jsonBody } from './json-body';

/**
 * The rows of a unit import, from a CSV file (text/csv) or a JSON list; each keeps its line so
 * that the import's refusals name it (the rows are checked one by one, not by one schema).
 */
export function unitImportRows(event: APIGatewayProxyEventV2): { line: number; row: unknown }[] {
  const contentType = event.headers?.['content-type'] ?? '';
  if (/^(text\/csv|application\/csv)\b/i.test(contentType)) return unitRowsFromCsv(bodyText(event));
  const body = jsonBody(event);
  if (!Array.isArray(body)) {
    return refuse('invalid', {
      code: 'INVALID_BODY',
      message: 'Nội dung phải là danh sách đơn vị (JSON) hoặc tệp CSV',
      message_en: 'The body must be a JSON list of units or a CSV file',
      field: 'body',
    });
  }
  return body.map((row, i) => ({ line: i + 1, row }));
}
