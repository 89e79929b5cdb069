import { refuse } from '../refusal';
import {
  columnOf,
  IMPORT_COLUMNS,
  IMPORTABLE_STAGES,
  type ImportableStage,
  type ImportColumn,
  NOMINATED_ON_COLUMN,
  STAGE_COLUMN,
} from './columns';

/**
 * From a spreadsheet's cells to the structured row the replay takes: the header names columns
 * (`Ngày họp … [cellResolution.meetingDate]`, or the bare key), cells become the types their
 * column declares, and the keys nest back into the person and each action's payload. Type and
 * rule checks are left to the schemas and rules themselves, so a cell that is not a number
 * reaches zod as text and is refused there, naming the expected type.
 */

/**
 * Rows per file: each is one transaction of some forty items, and a file is answered within the
 * API's 29 seconds even on the local runtime (measured: 100 rows in about 11 s on DynamoDB Local).
 */
const MAX_IMPORT_ROWS = 100;

/** One data row as the file holds it: its line (1 = header) and its cells by column key. */
export interface RawRow {
  line: number;
  cells: Record<string, string>;
}

export interface OnboardingRow {
  line: number;
  stage: ImportableStage;
  nominatedOn: string;
  /** The nomination's fields (unitId, fullName, nationalId, …). */
  person: Record<string, unknown>;
  /** Each completing action's payload, by its dossier key. */
  facts: Record<string, Record<string, unknown>>;
}

function fileRefusal(code: string, vi: string, en: string, details?: Record<string, unknown>) {
  return refuse('invalid', { code, message: vi, message_en: en, field: 'body', details });
}

/** The column key of each header cell; an unknown or repeated column refuses the whole file. */
export function headerKeys(headers: readonly string[]): string[] {
  const keys = headers.map((h) => {
    const text = h.trim();
    const bracketed = /\[([^\]]+)\]\s*$/.exec(text);
    return (bracketed ? bracketed[1] : text).trim();
  });
  const unknown = keys.filter((k) => k !== '' && !columnOf(k));
  if (unknown.length) {
    fileRefusal(
      'IMPORT_UNKNOWN_COLUMN',
      `Cột không có trong mẫu: ${unknown.slice(0, 10).join(', ')}`,
      `Columns not in the template: ${unknown.slice(0, 10).join(', ')}`,
      { columns: unknown.slice(0, 50) },
    );
  }
  const repeated = keys.find((k, i) => k !== '' && keys.indexOf(k) !== i);
  if (repeated) {
    fileRefusal(
      'IMPORT_UNKNOWN_COLUMN',
      `Cột ${repeated} xuất hiện hai lần`,
      `Column ${repeated} appears twice`,
      { columns: [repeated] },
    );
  }
  const missing = IMPORT_COLUMNS.filter(
    (c) => c.group === 'PERSON' && c.required && !keys.includes(c.pattern),
  ).map((c) => c.pattern);
  if (missing.length) {
    fileRefusal(
      'IMPORT_MISSING_COLUMN',
      `Thiếu cột bắt buộc: ${missing.join(', ')}`,
      `Required columns are missing: ${missing.join(', ')}`,
      { columns: missing },
    );
  }
  return keys;
}

/** The rows of a table (header first) as raw rows; blank rows skipped, bounded in number. */
export function rawRows(table: readonly { line: number; fields: readonly string[] }[]): RawRow[] {
  const [header, ...records] = table;
  if (!header) fileRefusal('IMPORT_EMPTY', 'Tệp không có dòng nào', 'The file has no rows');
  const keys = headerKeys(header.fields);
  const rows = records
    .map((r) => {
      const cells: Record<string, string> = {};
      r.fields.forEach((value, i) => {
        const text = value.trim();
        if (keys[i] && text !== '') cells[keys[i]] = text;
      });
      return { line: r.line, cells };
    })
    .filter((r) => Object.keys(r.cells).length > 0);
  if (rows.length === 0) {
    fileRefusal('IMPORT_EMPTY', 'Tệp không có dòng dữ liệu nào', 'The file has no data rows');
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    refuse('too-large', {
      code: 'IMPORT_TOO_MANY_ROWS',
      message: `Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS} dòng (tệp có ${rows.length}); hãy tách tệp`,
      message_en: `At most ${MAX_IMPORT_ROWS} rows per import (this file has ${rows.length}); split the file`,
      field: 'body',
      details: { rows: rows.length, max: MAX_IMPORT_ROWS },
    });
  }
  return rows;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date cell: ISO, Vietnamese `dd/mm/yyyy`, or an Excel date serial; anything else as typed. */
function dateCell(text: string): string {
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (vn) return `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}`;
  if (/^\d{4,5}$/.test(text)) {
    return new Date(EXCEL_EPOCH_MS + Number(text) * 86_400_000).toISOString().slice(0, 10);
  }
  return text;
}

const TRUE = new Set(['true', 'có', 'co', 'x', 'yes', '1']);
const FALSE = new Set(['false', 'không', 'khong', 'no', '0']);

function typedCell(column: ImportColumn, text: string): unknown {
  switch (column.type) {
    case 'date':
      return dateCell(text);
    case 'integer':
      return /^-?\d{1,9}$/.test(text) ? Number(text) : text;
    case 'boolean': {
      const lower = text.toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : text;
    }
    default:
      return text;
  }
}

/** Sets `value` at a dotted key; 1-based array indexes become array positions. */
function place(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> | unknown[] = target;
  path.forEach((part, i) => {
    const last = i === path.length - 1;
    const index = /^\d+$/.test(part) ? Number(part) - 1 : undefined;
    const key = index ?? part;
    if (last) {
      (node as Record<string | number, unknown>)[key] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(path[i + 1]);
    const existing = (node as Record<string | number, unknown>)[key];
    const child = existing ?? (nextIsIndex ? [] : {});
    (node as Record<string | number, unknown>)[key] = child;
    node = child as Record<string, unknown>;
  });
}

/** Arrays written with gaps (`sponsors.1` and `sponsors.3`) keep their items in order. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  }
  return value;
}

/** The structured row; an unknown stage is refused with the row's own error. */
export function readRow(raw: RawRow): OnboardingRow {
  const person: Record<string, unknown> = {};
  const facts: Record<string, Record<string, unknown>> = {};
  for (const [key, text] of Object.entries(raw.cells)) {
    if (key === STAGE_COLUMN || key === NOMINATED_ON_COLUMN) continue;
    const column = columnOf(key)!;
    const value = typedCell(column, text);
    const [head, ...rest] = key.split('.');
    if (column.group === 'PERSON') place(person, [head, ...rest], value);
    else place((facts[head] ??= {}), rest, value);
  }
  const stage = raw.cells[STAGE_COLUMN];
  if (!(IMPORTABLE_STAGES as readonly string[]).includes(stage ?? '')) {
    refuse('invalid', {
      code: 'IMPORT_STAGE_UNKNOWN',
      message: `Bước "${stage ?? ''}" không nhập được; chọn một trong: ${IMPORTABLE_STAGES.join(', ')}`,
      message_en: `Stage "${stage ?? ''}" cannot be imported; use one of: ${IMPORTABLE_STAGES.join(', ')}`,
      field: STAGE_COLUMN,
    });
  }
  return {
    line: raw.line,
    stage: stage as ImportableStage,
    nominatedOn: dateCell(raw.cells[NOMINATED_ON_COLUMN] ?? ''),
    person: compact(person) as Record<string, unknown>,
    facts: compact(facts) as Record<string, Record<string, unknown>>,
  };
}
