import { builtOnFirstUse } from './built-on-first-use';
import * as z from 'zod';
import { multiLineText, singleLineText } from './clean-text';
import { DECIDING_BODIES, UNIT_LEVELS } from './org-unit';
import { SPECIAL_AREAS } from './rules/education';
import { tokenizeCsv } from './quota/target-csv';
import { refuse } from './refusal';

/** What an administrator sends to create a unit (POST /units) or one row of an import. */
export const unitDefinitionSchema = builtOnFirstUse(() =>
  z.strictObject({
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a-z, 0-9 and -, at most 64'),
    name: singleLineText(2, 200),
    level: z.enum(UNIT_LEVELS),
    parentId: z.string().trim().min(1).max(64).optional(),
    effectiveFrom: z.iso.date(),
    decidingBody: z.enum(DECIDING_BODIES).default('UPPER_STANDING_COMMITTEE'),
    areas: z.array(z.enum(SPECIAL_AREAS)).max(4).default([]),
  }),
);
export type UnitDefinition = z.infer<ReturnType<typeof unitDefinitionSchema>>;

export const unitMoveSchema = builtOnFirstUse(() =>
  z.strictObject({
    newParentId: z.string().trim().min(1).max(64),
    effectiveFrom: z.iso.date(),
  }),
);
export const unitRetirementSchema = builtOnFirstUse(() =>
  z.strictObject({
    retiredOn: z.iso.date(),
    reason: multiLineText(0, 500).optional(),
  }),
);

/** Which level may sit under which (both shapes of the tree, before and after 2025-07-01). */
const PARENT_LEVELS: Record<(typeof UNIT_LEVELS)[number], readonly string[]> = {
  CITY_COMMITTEE: [],
  DISTRICT_COMMITTEE: ['CITY_COMMITTEE'],
  WARD_COMMITTEE: ['CITY_COMMITTEE'],
  BLOC_COMMITTEE: ['CITY_COMMITTEE', 'DISTRICT_COMMITTEE', 'WARD_COMMITTEE'],
  GRASSROOTS: ['DISTRICT_COMMITTEE', 'BLOC_COMMITTEE', 'WARD_COMMITTEE', 'CITY_COMMITTEE'],
  GRASSROOTS_CELL: ['DISTRICT_COMMITTEE', 'BLOC_COMMITTEE', 'WARD_COMMITTEE', 'CITY_COMMITTEE'],
  CELL: ['GRASSROOTS'],
};

export function levelMayHaveParent(level: (typeof UNIT_LEVELS)[number], parentLevel?: string) {
  if (!parentLevel) return level === 'CITY_COMMITTEE';
  return PARENT_LEVELS[level].includes(parentLevel);
}

export interface ImportRowError {
  line: number;
  field: string | null;
  code: string;
  message: string;
  message_en: string;
}

const CSV_COLUMNS: Record<string, keyof UnitDefinition> = {
  id: 'id',
  ma_don_vi: 'id',
  name: 'name',
  ten: 'name',
  level: 'level',
  cap: 'level',
  parent_id: 'parentId',
  don_vi_cap_tren: 'parentId',
  effective_from: 'effectiveFrom',
  hieu_luc_tu: 'effectiveFrom',
  deciding_body: 'decidingBody',
  co_quan_quyet_dinh: 'decidingBody',
  areas: 'areas',
  vung: 'areas',
};

/** Rows of a CSV file (header row; `areas` separated by `|`) as raw objects with their line. */
export function unitRowsFromCsv(csv: string): { line: number; row: Record<string, unknown> }[] {
  const firstLine = csv.slice(0, csv.search(/\r?\n|$/));
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const tokens = tokenizeCsv(csv, separator);
  if (!tokens.ok) return importRefused([tokens.error]);
  const [header, ...records] = tokens.records;
  if (!header) return importRefused([rowError(1, null, 'CSV_EMPTY', 'Tệp trống', 'Empty file')]);
  const columns = header.fields.map((h) => CSV_COLUMNS[h.trim().toLowerCase()]);
  const unknown = header.fields.filter((_, i) => !columns[i]);
  if (unknown.length) {
    importRefused([
      rowError(
        header.line,
        unknown[0],
        'CSV_UNKNOWN_COLUMN',
        `Cột không hợp lệ: ${unknown.join(', ')}`,
        `Unknown columns: ${unknown.join(', ')}`,
      ),
    ]);
  }
  return records.map((r) => {
    const row: Record<string, unknown> = {};
    r.fields.forEach((value, i) => {
      const key = columns[i];
      const v = value.trim();
      if (!key || v === '') return;
      row[key] = key === 'areas' ? v.split('|').map((a) => a.trim()) : v;
    });
    return { line: r.line, row };
  });
}

export function rowError(
  line: number,
  field: string | null,
  code: string,
  message: string,
  message_en: string,
): ImportRowError {
  return { line, field, code, message, message_en };
}

export function importRefused(errors: ImportRowError[]): never {
  return refuse('invalid', {
    code: 'INVALID_UNIT_IMPORT',
    message: `Tệp có ${errors.length} lỗi; không đơn vị nào được nhập`,
    message_en: `The file has ${errors.length} error(s); no unit was imported`,
    field: 'body',
    details: { errors },
  });
}
