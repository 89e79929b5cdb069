import { IMPORT_COLUMNS, importStageGuide, type ImportColumn } from './columns';

/**
 * The downloadable template: every column (Vietnamese label, English beside it, the key in
 * brackets that the parser reads), one example row, and the guide of the stages with the
 * columns each needs. The example is a file awaiting its cell's vote; a unit test imports it
 * through the same replay as an upload, so it stays valid as the rules change.
 */

/** How many items of an array the template shows (the parser takes any the schema allows). */
const TEMPLATE_ARRAY_ITEMS = 3;

export const TEMPLATE_EXAMPLE: Readonly<Record<string, string>> = {
  stage: 'CELL_RESOLUTION',
  nominatedOn: '2024-12-16',
  fullName: 'Lê Thị Hoa',
  dateOfBirth: '1998-03-12',
  nominationSource: 'YOUTH_UNION',
  unitId: 'dd-xltbd-kythuat',
  nationalId: '001198054321',
  educationLevel: 'UPPER_SECONDARY',
  youthUnionMember: 'true',
  tradeUnionMember: 'false',
  'nomination.decisionDate': '2025-01-06',
  'nomination.helperMemberName': 'Trần Thị Bình',
  'awarenessClass.result': 'PASSED',
  'awarenessClass.certificateNumber': 'CN-NTVĐ 1234/2025',
  'awarenessClass.issuedOn': '2025-02-14',
  'application.applicationReceivedOn': '2025-02-20',
  'application.backgroundFormReceivedOn': '2025-02-20',
  'backgroundCheck.completedOn': '2025-04-01',
  'backgroundCheck.result': 'CLEARED',
  'backgroundCheck.subjects.1.relation': 'CANDIDATE',
  'backgroundCheck.subjects.1.result': 'CLEARED',
  'backgroundCheck.subjects.2.relation': 'FATHER',
  'backgroundCheck.subjects.2.result': 'CLEARED',
  'backgroundCheck.subjects.3.relation': 'MOTHER',
  'backgroundCheck.subjects.3.result': 'CLEARED',
  'sponsorship.sponsors.1.kind': 'MEMBER',
  'sponsorship.sponsors.1.name': 'Trần Thị Bình',
  'sponsorship.sponsors.1.togetherSince': '2023-03-01',
  'sponsorship.sponsors.1.documentDate': '2025-04-10',
  'sponsorship.sponsors.2.kind': 'YOUTH_UNION_RESOLUTION',
  'sponsorship.sponsors.2.name': 'BCH Đoàn cơ sở',
  'sponsorship.sponsors.2.documentDate': '2025-04-11',
  'sponsorship.commentsSummaryOn': '2025-04-15',
};

export interface TemplateColumn extends Omit<ImportColumn, 'pattern' | 'maxItems'> {
  key: string;
  header: string;
}

/** The template's columns: array patterns expanded to their first items. */
export function templateColumns(): TemplateColumn[] {
  return IMPORT_COLUMNS.flatMap(({ pattern, maxItems, ...column }) => {
    const count = pattern.includes('#') ? Math.min(maxItems ?? 1, TEMPLATE_ARRAY_ITEMS) : 1;
    return Array.from({ length: count }, (_, i) => {
      const key = pattern.replace('#', String(i + 1));
      const n = pattern.includes('#') ? ` ${i + 1}` : '';
      return {
        ...column,
        // Only the first item of a required array is required.
        required: column.required && i === 0,
        key,
        header: `${column.label}${n} | ${column.labelEn}${n} [${key}]`,
      };
    });
  });
}

/** The template as a table: the header, then the example row. */
export function templateTable(): string[][] {
  const columns = templateColumns();
  return [columns.map((c) => c.header), columns.map((c) => TEMPLATE_EXAMPLE[c.key] ?? '')];
}

/** The guide sheet: each stage a file may stand at, and what it needs. */
export function stageGuideTable(): string[][] {
  return [
    [
      'Bước | Stage',
      'Tên bước | Stage name',
      'Stage name (English)',
      'Các bước đã qua | Stages behind',
      'Cột bắt buộc | Required columns',
    ],
    ...importStageGuide().map((g) => [
      g.stage,
      g.label,
      g.labelEn,
      g.stagesBehind.join(', '),
      g.requiredColumns.join(', '),
    ]),
  ];
}

/** The columns sheet: type, whether required, allowed values. */
export function columnGuideTable(): string[][] {
  return [
    [
      'Cột | Column',
      'Tên | Label',
      'Label (English)',
      'Kiểu | Type',
      'Bắt buộc | Required',
      'Giá trị | Values',
    ],
    ...templateColumns().map((c) => [
      c.key,
      c.label,
      c.labelEn,
      c.type,
      c.required ? (c.group === 'PERSON' ? 'có | yes' : `${c.group}`) : '',
      c.values?.join(', ') ?? '',
    ]),
  ];
}
