import { shareBasisPoints } from './attainment';
import { isQuotaMetric } from './metric';
import { isPeriodId } from './period';
import {
  ID_PATTERN,
  type QuotaTarget,
  quotaTargetSchema,
  TARGET_KINDS,
  targetIdentity,
} from './target';

/**
 * Quota targets as a spreadsheet: import (all rows or none) and export (same columns).
 *
 * Columns, with a Vietnamese or an English header (either name per column, any order; case and
 * surrounding spaces ignored):
 *
 * | Vietnamese            | English            | content                                               |
 * | --------------------- | ------------------ | ----------------------------------------------------- |
 * | `don_vi`              | `unit_id`          | unit id, e.g. `hn-thanhtri`                           |
 * | `ky`                  | `period`           | `2025-Q1`, `2025-H1`, `2025`, `TERM-2020-2025`        |
 * | `chi_tieu`            | `metric`           | `NOMINATED`, `TRAINED`, `ADMITTED`, `OFFICIAL`        |
 * | `co_quan_giao`        | `issuer_id`        | id of the issuing body, e.g. `hn-thanhuy`             |
 * | `ten_co_quan_giao`    | `issuer_name`      | as the report names it, e.g. `Thành ủy`, `BCĐ huyện`  |
 * | `loai`                | `kind`             | `COUNT` or `SHARE_OF_MEMBERS`                         |
 * | `gia_tri`             | `value`            | count: digits only (`15`); share: percent (`7`, `7.5`, `7,5`, `7%`) |
 * | `so_dang_vien_dau_ky` | `members_at_start` | members at the start of the period; required for a share; column optional |
 *
 * The file is UTF-8 (a byte-order mark is skipped), RFC 4180: fields may be quoted, `""` is a
 * quote inside a quoted field, quoted fields may hold commas and line breaks, lines end in CRLF
 * or LF. A header whose only separator is `;` (Excel with a Vietnamese regional setting) makes
 * `;` the separator. Blank lines are skipped. Counts take digits only: `1.234` is a thousand and
 * more to a Vietnamese reader and one point two to an English one, so it is refused.
 *
 * Errors name the line of the file where the record starts (the header is line 1) and the
 * column as the file's header spells it.
 */

interface CsvRowError {
  line: number;
  /** The column as named in the file's header; `null` for a whole-row or whole-file problem. */
  field: string | null;
  code: string;
  message: string;
  message_en: string;
}

export type TargetImportResult =
  { ok: true; targets: QuotaTarget[] } | { ok: false; errors: CsvRowError[] };

type Field = keyof QuotaTarget;

const CSV_COLUMNS: readonly { field: Field; vi: string; en: string; required: boolean }[] = [
  { field: 'unitId', vi: 'don_vi', en: 'unit_id', required: true },
  { field: 'period', vi: 'ky', en: 'period', required: true },
  { field: 'metric', vi: 'chi_tieu', en: 'metric', required: true },
  { field: 'issuerId', vi: 'co_quan_giao', en: 'issuer_id', required: true },
  { field: 'issuerName', vi: 'ten_co_quan_giao', en: 'issuer_name', required: true },
  { field: 'kind', vi: 'loai', en: 'kind', required: true },
  { field: 'value', vi: 'gia_tri', en: 'value', required: true },
  { field: 'membersAtStart', vi: 'so_dang_vien_dau_ky', en: 'members_at_start', required: false },
];

/** A record of the file and the line it starts on. */
interface CsvRecord {
  line: number;
  fields: string[];
}

type Tokenized = { ok: true; records: CsvRecord[] } | { ok: false; error: CsvRowError };

function malformed(line: number, vi: string, en: string): Tokenized {
  return {
    ok: false,
    error: { line, field: null, code: 'CSV_MALFORMED', message: vi, message_en: en },
  };
}

export function detectSeparator(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

/** RFC 4180 records; blank lines skipped. */
export function tokenizeCsv(input: string, separator = ','): Tokenized {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text[i] === '"') {
        // Quoted field.
        i++;
        for (;;) {
          if (i >= text.length) {
            return malformed(
              startLine,
              'Dấu ngoặc kép mở nhưng không đóng',
              'A quoted field is never closed',
            );
          }
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        const next = text[i];
        if (next !== undefined && next !== separator && next !== '\r' && next !== '\n') {
          return malformed(
            line,
            'Có ký tự sau dấu ngoặc kép đóng; hãy đặt cả ô trong ngoặc kép và viết "" cho dấu ngoặc kép',
            'Characters after a closing quote; quote the whole field and write "" for a quote',
          );
        }
      } else {
        while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      field = '';
      if (text[i] === separator) {
        i++;
        continue;
      }
      // End of line or of input.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      endOfRecord = true;
    }
    const blank = fields.length === 1 && fields[0].trim() === '';
    if (!blank) records.push({ line: startLine, fields });
  }
  return { ok: true, records };
}

const COUNT = /^\d{1,9}$/;
const SHARE = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/;

interface RowContext {
  line: number;
  errors: CsvRowError[];
  column: (field: Field) => string;
}

function fail(ctx: RowContext, field: Field | null, code: string, vi: string, en: string): void {
  ctx.errors.push({
    line: ctx.line,
    field: field && ctx.column(field),
    code,
    message: field ? `${ctx.column(field)}: ${vi}` : vi,
    message_en: field ? `${ctx.column(field)}: ${en}` : en,
  });
}

function parseRow(raw: Partial<Record<Field, string>>, ctx: RowContext): QuotaTarget | undefined {
  const before = ctx.errors.length;
  const text = (field: Field): string | undefined => {
    const value = raw[field]?.trim() ?? '';
    if (value !== '') return value;
    if (field !== 'membersAtStart') {
      fail(ctx, field, 'TARGET_FIELD_REQUIRED', 'Thiếu giá trị', 'Value is missing');
    }
    return undefined;
  };

  const unitId = text('unitId');
  if (unitId !== undefined && !ID_PATTERN.test(unitId)) {
    fail(
      ctx,
      'unitId',
      'TARGET_ID_INVALID',
      `Mã đơn vị không hợp lệ "${unitId}" (chữ, số, ".", "-", "_", tối đa 64 ký tự)`,
      `Invalid unit id "${unitId}" (letters, digits, ".", "-", "_", at most 64)`,
    );
  }
  const period = text('period');
  if (period !== undefined && !isPeriodId(period)) {
    fail(
      ctx,
      'period',
      'TARGET_PERIOD_INVALID',
      `Kỳ không hợp lệ "${period}" (2025-Q1, 2025-H1, 2025, TERM-2020-2025)`,
      `Invalid period "${period}" (2025-Q1, 2025-H1, 2025, TERM-2020-2025)`,
    );
  }
  const metric = text('metric')?.toUpperCase();
  if (metric !== undefined && !isQuotaMetric(metric)) {
    fail(
      ctx,
      'metric',
      'TARGET_METRIC_INVALID',
      `Chỉ tiêu không hợp lệ "${raw.metric?.trim()}", chọn một trong: NOMINATED, TRAINED, ADMITTED, OFFICIAL`,
      `Invalid metric "${raw.metric?.trim()}", expected one of: NOMINATED, TRAINED, ADMITTED, OFFICIAL`,
    );
  }
  const issuerId = text('issuerId');
  if (issuerId !== undefined && !ID_PATTERN.test(issuerId)) {
    fail(
      ctx,
      'issuerId',
      'TARGET_ID_INVALID',
      `Mã cơ quan giao không hợp lệ "${issuerId}" (chữ, số, ".", "-", "_", tối đa 64 ký tự)`,
      `Invalid issuer id "${issuerId}" (letters, digits, ".", "-", "_", at most 64)`,
    );
  }
  const issuerName = text('issuerName');
  if (issuerName !== undefined && issuerName.length > 200) {
    fail(
      ctx,
      'issuerName',
      'TARGET_FIELD_TOO_LONG',
      'Tên quá dài (tối đa 200 ký tự)',
      'Name too long (at most 200 characters)',
    );
  } else if (issuerName !== undefined && /^[=+\-@]/.test(issuerName)) {
    fail(
      ctx,
      'issuerName',
      'TARGET_NAME_FORMULA',
      'Tên không được bắt đầu bằng =, +, -, @ (công thức bảng tính)',
      'A name cannot start with =, +, -, @ (spreadsheet formula)',
    );
  }
  const kind = text('kind')?.toUpperCase();
  const kindValid = kind !== undefined && (TARGET_KINDS as readonly string[]).includes(kind);
  if (kind !== undefined && !kindValid) {
    fail(
      ctx,
      'kind',
      'TARGET_KIND_INVALID',
      `Loại không hợp lệ "${raw.kind?.trim()}", chọn COUNT (số lượng) hoặc SHARE_OF_MEMBERS (tỷ lệ % số đảng viên đầu kỳ)`,
      `Invalid kind "${raw.kind?.trim()}", expected COUNT or SHARE_OF_MEMBERS`,
    );
  }

  const valueText = text('value');
  let value: number | undefined;
  if (valueText !== undefined && kindValid) {
    if (kind === 'COUNT') {
      if (COUNT.test(valueText)) value = Number(valueText);
      else {
        fail(
          ctx,
          'value',
          'TARGET_VALUE_INVALID',
          `Chỉ tiêu số lượng phải là số nguyên, chỉ gồm chữ số (không dấu chấm, dấu phẩy): "${valueText}"`,
          `A count target is a whole number, digits only (no separators): "${valueText}"`,
        );
      }
    } else {
      const m = SHARE.exec(valueText);
      const share = m ? Number(m[2] ? `${m[1]}.${m[2]}` : m[1]) : undefined;
      if (share !== undefined && share <= 100) value = shareBasisPoints(share) / 100;
      else {
        fail(
          ctx,
          'value',
          'TARGET_VALUE_INVALID',
          `Tỷ lệ phải từ 0 đến 100, tối đa 2 chữ số thập phân (7, 7.5, 7,5 hoặc 7%): "${valueText}"`,
          `A share is a percentage from 0 to 100 with at most 2 decimals (7, 7.5, 7,5 or 7%): "${valueText}"`,
        );
      }
    }
  }

  const membersText = raw.membersAtStart?.trim() ?? '';
  let membersAtStart: number | undefined;
  if (membersText !== '') {
    if (COUNT.test(membersText)) membersAtStart = Number(membersText);
    else {
      fail(
        ctx,
        'membersAtStart',
        'TARGET_MEMBERS_INVALID',
        `Số đảng viên đầu kỳ phải là số nguyên, chỉ gồm chữ số: "${membersText}"`,
        `Members at the start must be a whole number, digits only: "${membersText}"`,
      );
    }
  } else if (kind === 'SHARE_OF_MEMBERS') {
    fail(
      ctx,
      'membersAtStart',
      'TARGET_MEMBERS_REQUIRED',
      'Chỉ tiêu theo tỷ lệ cần số đảng viên đầu kỳ',
      'A share target needs the number of members at the start of the period',
    );
  }

  if (ctx.errors.length > before) return undefined;
  const candidate = {
    unitId,
    period,
    metric,
    issuerId,
    issuerName,
    kind,
    value,
    ...(membersAtStart === undefined ? {} : { membersAtStart }),
  };
  const parsed = quotaTargetSchema().safeParse(candidate);
  if (parsed.success) return parsed.data;
  // Every rule of the schema is checked above; this is a safety net, not a message users see.
  for (const issue of parsed.error.issues) {
    const [vi, en] = issue.message.split(' | ');
    fail(ctx, (issue.path[0] as Field) ?? null, 'TARGET_INVALID', vi, en ?? vi);
  }
  return undefined;
}

function headerError(code: string, field: string | null, vi: string, en: string): CsvRowError {
  return { line: 1, field, code, message: vi, message_en: en };
}

/**
 * Reads a CSV of targets: every row valid gives `{ok: true, targets}` in file order; otherwise
 * `{ok: false, errors}` lists every bad row (all of its faults) and nothing is to be imported.
 * Two rows for the same unit, period, metric and issuer are an error on the second.
 */
export function parseTargetsCsv(input: string): TargetImportResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const tokenized = tokenizeCsv(text, detectSeparator(text));
  if (!tokenized.ok) return { ok: false, errors: [tokenized.error] };
  const [header, ...rows] = tokenized.records;
  if (!header) {
    return {
      ok: false,
      errors: [
        headerError(
          'CSV_EMPTY',
          null,
          'Tệp rỗng: dòng đầu phải là tên cột',
          'The file is empty: the first line must name the columns',
        ),
      ],
    };
  }

  // Header: each name is the Vietnamese or the English name of a column.
  const errors: CsvRowError[] = [];
  const columnIndex = new Map<Field, number>();
  const columnName = new Map<Field, string>();
  header.fields.forEach((rawName, index) => {
    const name = rawName.trim();
    const column = CSV_COLUMNS.find(
      (c) => c.vi === name.toLowerCase() || c.en === name.toLowerCase(),
    );
    if (!column) {
      errors.push(
        headerError(
          'CSV_UNKNOWN_COLUMN',
          name,
          `Cột không xác định "${name}"; các cột: ${CSV_COLUMNS.map((c) => c.vi).join(', ')}`,
          `Unknown column "${name}"; the columns are: ${CSV_COLUMNS.map((c) => c.en).join(', ')}`,
        ),
      );
    } else if (columnIndex.has(column.field)) {
      errors.push(
        headerError(
          'CSV_DUPLICATE_COLUMN',
          name,
          `Cột "${name}" xuất hiện hai lần`,
          `Column "${name}" appears twice`,
        ),
      );
    } else {
      columnIndex.set(column.field, index);
      columnName.set(column.field, name);
    }
  });
  for (const column of CSV_COLUMNS) {
    if (column.required && !columnIndex.has(column.field)) {
      errors.push(
        headerError(
          'CSV_MISSING_COLUMN',
          column.vi,
          `Thiếu cột "${column.vi}" (hoặc "${column.en}")`,
          `Missing column "${column.en}" (or "${column.vi}")`,
        ),
      );
    }
  }
  if (errors.length) return { ok: false, errors };

  const targets: QuotaTarget[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of rows) {
    const ctx: RowContext = {
      line: record.line,
      errors,
      column: (field) => columnName.get(field) ?? CSV_COLUMNS.find((c) => c.field === field)!.vi,
    };
    if (record.fields.length !== header.fields.length) {
      fail(
        ctx,
        null,
        'CSV_COLUMN_COUNT',
        `Dòng có ${record.fields.length} cột, tiêu đề có ${header.fields.length}`,
        `The row has ${record.fields.length} fields, the header ${header.fields.length}`,
      );
      continue;
    }
    const raw: Partial<Record<Field, string>> = {};
    for (const [field, index] of columnIndex) raw[field] = record.fields[index];
    const target = parseRow(raw, ctx);
    if (!target) continue;
    const identity = targetIdentity(target);
    const first = firstLineOf.get(identity);
    if (first !== undefined) {
      fail(
        ctx,
        null,
        'TARGET_DUPLICATE',
        `Trùng chỉ tiêu ở dòng ${first} (cùng đơn vị, kỳ, chỉ tiêu và cơ quan giao)`,
        `Same unit, period, metric and issuer as line ${first}`,
      );
      continue;
    }
    firstLineOf.set(identity, record.line);
    targets.push(target);
  }
  return errors.length ? { ok: false, errors } : { ok: true, targets };
}

function quoteField(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

export interface CsvExportOptions {
  /** Header names: Vietnamese (default) or English. */
  header?: 'vi' | 'en';
  /** Start with a UTF-8 byte-order mark so that Excel reads Vietnamese correctly (default true). */
  bom?: boolean;
}

/** Writes targets with the import's columns (CRLF line ends); `parseTargetsCsv` reads it back. */
export function targetsToCsv(
  targets: readonly QuotaTarget[],
  options: CsvExportOptions = {},
): string {
  const language = options.header ?? 'vi';
  const lines = [CSV_COLUMNS.map((c) => c[language]).join(',')];
  for (const target of targets) {
    lines.push(
      CSV_COLUMNS.map((c) => {
        const value = target[c.field];
        return quoteField(value === undefined ? '' : String(value), ',');
      }).join(','),
    );
  }
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
