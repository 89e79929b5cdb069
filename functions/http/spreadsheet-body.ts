import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { refuse } from '../domain/refusal';
import { detectSeparator, tokenizeCsv } from '../domain/quota/target-csv';
import { readXlsx, XlsxFormatError } from './xlsx-reader';
import { XLSX_CONTENT_TYPE } from './xlsx';

/** An onboarding file: CSV text or an Excel workbook, up to this many bytes. */
export const MAX_SPREADSHEET_BYTES = 2 * 1024 * 1024;

export interface SpreadsheetBody {
  /** The table, header first, each record with the line (or row) it starts on. */
  table: { line: number; fields: string[] }[];
  /** SHA-256 of the bytes as uploaded: names the file in the history of what it imported. */
  sha256: string;
  format: 'csv' | 'xlsx';
}

function malformed(code: string, vi: string, en: string, details?: Record<string, unknown>): never {
  return refuse('invalid', { code, message: vi, message_en: en, field: 'body', details });
}

/**
 * The uploaded spreadsheet: `text/csv` (RFC 4180, UTF-8 with or without BOM, `,` or `;`) or
 * `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (first worksheet).
 */
export function spreadsheetBody(event: APIGatewayProxyEventV2): SpreadsheetBody {
  const bytes = event.body
    ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8')
    : Buffer.alloc(0);
  if (bytes.length === 0) {
    malformed('MISSING_BODY', 'Thiếu tệp CSV hoặc XLSX', 'The request has no CSV or XLSX file');
  }
  if (bytes.length > MAX_SPREADSHEET_BYTES) {
    refuse('too-large', {
      code: 'PAYLOAD_TOO_LARGE',
      message: `Tệp vượt quá ${MAX_SPREADSHEET_BYTES / 1024 / 1024} MB; hãy tách tệp`,
      message_en: `The file exceeds ${MAX_SPREADSHEET_BYTES / 1024 / 1024} MB; split it`,
      field: 'body',
      details: { bytes: bytes.length, max: MAX_SPREADSHEET_BYTES },
    });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const contentType = (event.headers?.['content-type'] ?? '').toLowerCase();
  if (contentType.startsWith(XLSX_CONTENT_TYPE)) {
    try {
      return { table: readXlsx(bytes), sha256, format: 'xlsx' };
    } catch (error) {
      if (!(error instanceof XlsxFormatError)) throw error;
      return malformed(
        'IMPORT_FILE_MALFORMED',
        'Tệp không phải bảng tính Excel (.xlsx) đọc được',
        `The file is not a readable Excel workbook (.xlsx): ${error.message}`,
      );
    }
  }
  if (!/^(text\/csv|text\/plain|application\/csv)\b/.test(contentType)) {
    refuse('invalid', {
      code: 'UNSUPPORTED_CONTENT_TYPE',
      message: `Nội dung phải là text/csv hoặc ${XLSX_CONTENT_TYPE}`,
      message_en: `The body must be text/csv or ${XLSX_CONTENT_TYPE}`,
      field: 'content-type',
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return malformed(
      'IMPORT_FILE_NOT_UTF8',
      'Tệp CSV phải mã hóa UTF-8 (khi lưu từ Excel, chọn "CSV UTF-8")',
      'The CSV file must be UTF-8 (from Excel, save as "CSV UTF-8")',
    );
  }
  const tokens = tokenizeCsv(text, detectSeparator(text.replace(/^\uFEFF/, '')));
  if (!tokens.ok) {
    return malformed('CSV_MALFORMED', tokens.error.message, tokens.error.message_en, {
      line: tokens.error.line,
    });
  }
  return { table: tokens.records, sha256, format: 'csv' };
}
