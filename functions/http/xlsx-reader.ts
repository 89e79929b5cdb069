import { unzip, ZipFormatError } from './zip-reader';

/**
 * Reads the first worksheet of an Office Open XML workbook (.xlsx) as rows of text: shared and
 * inline strings, numbers as written (a date cell is its serial number; the importer reads it
 * as a date where a date is expected), booleans as 1/0. Formulas give their cached value. No
 * library: a workbook is a zip of XML, and this reads only the three parts it needs.
 */

export class XlsxFormatError extends Error {
  readonly name = 'XlsxFormatError';
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[e.toLowerCase()];
  });
}

/** The text of an `<si>` or `<is>`: its `<t>` runs joined (rich text has several). */
function runsText(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decodeXml(m[1])).join('');
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? '';
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

function part(files: Map<string, Buffer>, name: string): string | undefined {
  return files.get(name)?.toString('utf8');
}

function firstSheetPath(files: Map<string, Buffer>): string {
  const workbook = part(files, 'xl/workbook.xml');
  if (!workbook) throw new XlsxFormatError('No xl/workbook.xml: not an Excel workbook');
  const sheet =
    /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook) ?? /<sheet\b[^>]*\bid="([^"]+)"/.exec(workbook);
  const rels = part(files, 'xl/_rels/workbook.xml.rels') ?? '';
  const rel = sheet
    ? [...rels.matchAll(/<Relationship\b[^>]*>/g)]
        .map((m) => m[0])
        .find((r) => r.includes(`Id="${sheet[1]}"`))
    : undefined;
  const target = rel ? /Target="([^"]+)"/.exec(rel)?.[1] : undefined;
  if (!target) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** The rows of the first worksheet, each with its 1-based row number. */
export function readXlsx(archive: Buffer): { line: number; fields: string[] }[] {
  let files: Map<string, Buffer>;
  try {
    files = unzip(archive);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new XlsxFormatError(error.message);
    throw error;
  }
  const shared = [
    ...(part(files, 'xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g),
  ].map((m) => runsText(m[1]));
  const path = firstSheetPath(files);
  const sheet = part(files, path);
  if (!sheet) throw new XlsxFormatError(`No worksheet at ${path}`);
  const rows: { line: number; fields: string[] }[] = [];
  let implicitRow = 0;
  for (const row of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const line = Number(/\br="(\d+)"/.exec(row[1])?.[1] ?? implicitRow + 1);
    implicitRow = line;
    const fields: string[] = [];
    let implicitColumn = -1;
    for (const cell of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cell[1];
      const ref = /\br="([A-Z]+\d*)"/.exec(attributes)?.[1];
      const index = ref ? columnIndex(ref) : implicitColumn + 1;
      implicitColumn = index;
      const type = /\bt="(\w+)"/.exec(attributes)?.[1];
      const inner = cell[2] ?? '';
      const value = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let text = '';
      if (type === 's') text = shared[Number(value)] ?? '';
      else if (type === 'inlineStr') text = runsText(inner);
      else if (value !== undefined) text = decodeXml(value);
      while (fields.length < index) fields.push('');
      fields[index] = text;
    }
    rows.push({ line, fields });
  }
  return rows;
}
