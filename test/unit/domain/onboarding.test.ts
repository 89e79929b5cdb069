import { type Actor } from '../../../functions/domain/caller';
import { IMPORT_COLUMNS } from '../../../functions/domain/onboarding/columns';
import { FIELD_LABELS } from '../../../functions/domain/onboarding/field-labels';
import { replayToStage } from '../../../functions/domain/onboarding/replay';
import { headerKeys, rawRows, readRow } from '../../../functions/domain/onboarding/rows';
import { TEMPLATE_EXAMPLE, templateTable } from '../../../functions/domain/onboarding/template';
import { nominationSchema, protectNationalId } from '../../../functions/domain/nomination';
import { type OrgUnit } from '../../../functions/domain/org-unit';
import { counterDeltasOfEvent } from '../../../functions/domain/quota/ledger-deltas';
import { Refusal } from '../../../functions/domain/refusal';
import { tokenizeCsv } from '../../../functions/domain/quota/target-csv';
import { readXlsx } from '../../../functions/http/xlsx-reader';
import { writeXlsx, zip } from '../../../functions/http/xlsx';

const KEY = Buffer.alloc(32, 7);
const CELL: OrgUnit = {
  id: 'dd-xltbd-kythuat',
  name: 'Chi bộ Phòng Kỹ thuật',
  level: 'CELL',
  parentId: 'dd-xltbd',
  path: ['hn', 'hn-dongda', 'dd-kdn', 'dd-xltbd', 'dd-xltbd-kythuat'],
  effectiveFrom: '2020-01-01',
} as OrgUnit;
const ACTOR: Actor = {
  userId: 'u-1',
  name: 'Phạm Thu Nhập',
  role: 'committee-officer',
  unitId: 'dd-kdn',
  sourceIp: '203.0.113.7',
  userAgent: 'curl/8',
} as Actor;

function replay(cells: Record<string, string>, today = '2026-12-06') {
  const row = readRow({ line: 2, cells });
  return replayToStage({
    stage: row.stage,
    nominatedOn: row.nominatedOn,
    nomination: protectNationalId(nominationSchema().parse(row.person), KEY),
    facts: row.facts,
    unit: CELL,
    candidateId: 'c-test',
    importKey: 'onboard test 2',
    actor: ACTOR,
    provenance: { fileName: 'f.csv', sha256: 'abc', row: 2, importedAt: '2026-12-06T01:00:00Z' },
    today,
  });
}

function refusalOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return { kind: error.kind, ...error.body };
    throw error;
  }
  throw new Error('not refused');
}

/** The example, carried on to a probationary member and then to an official one. */
const ADMITTED_ROW: Record<string, string> = {
  ...TEMPLATE_EXAMPLE,
  stage: 'ADMITTED',
  'cellResolution.meetingDate': '2025-04-20',
  'cellResolution.officialMembers': '9',
  'cellResolution.excludedMembers': '1',
  'cellResolution.excludedMembersAttending': '0',
  'cellResolution.votesFor': '7',
  'cellResolution.votesAgainst': '1',
  'grassrootsResolution.meetingDate': '2025-05-05',
  'grassrootsResolution.committeeMembers': '7',
  'grassrootsResolution.votesFor': '6',
  'grassrootsResolution.votesAgainst': '1',
  'admissionDecision.decision': 'APPROVE',
  'admissionDecision.decisionNumber': '125-QĐ/ĐUK',
  'admissionDecision.decisionDate': '2025-06-02',
  'ceremony.ceremonyDate': '2025-06-19',
};
const OFFICIAL_ROW: Record<string, string> = {
  ...ADMITTED_ROW,
  stage: 'OFFICIAL',
  'recognitionCellReview.meetingDate': '2026-06-29',
  'recognitionCellReview.proposal': 'RECOGNISE',
  'recognitionCellReview.selfReviewOn': '2026-06-22',
  'recognitionCellReview.helperAssessmentOn': '2026-06-23',
  'recognitionCellReview.commentsSummaryOn': '2026-06-24',
  'recognitionCellReview.officialMembers': '9',
  'recognitionCellReview.excludedMembers': '1',
  'recognitionCellReview.excludedMembersAttending': '0',
  'recognitionCellReview.votesFor': '7',
  'recognitionCellReview.votesAgainst': '1',
  'recognitionGrassroots.meetingDate': '2026-07-10',
  'recognitionGrassroots.proposal': 'RECOGNISE',
  'recognitionGrassroots.committeeMembers': '7',
  'recognitionGrassroots.votesFor': '6',
  'recognitionGrassroots.votesAgainst': '1',
  'recognitionDecision.decision': 'RECOGNISE',
  'recognitionDecision.decisionNumber': '88-QĐ/ĐUK',
  'recognitionDecision.decisionDate': '2026-07-20',
};

describe('onboarding columns, from the pipeline table', () => {
  it('labels every derived field in Vietnamese and English', () => {
    const unlabelled = IMPORT_COLUMNS.flatMap((c) =>
      c.pattern.split('.').filter((p, i) => (i > 0 || c.group === 'PERSON') && p !== '#'),
    ).filter((name) => !FIELD_LABELS[name] && !['stage', 'nominatedOn'].includes(name));
    // Dossier keys (the first segment of a stage's column) are named by the stage's label.
    expect(unlabelled).toEqual([]);
  });

  it('writes headers Vietnamese first, English beside, and the key the parser reads', () => {
    const [header] = templateTable();
    expect(header).toContain(
      'Số phiếu tán thành (Chi bộ xét kết nạp) | Votes for (Cell admission vote) [cellResolution.votesFor]',
    );
    expect(header).toContain(
      'Người/tổ chức giới thiệu – Loại (Giới thiệu và nhận xét) 2 | Sponsor – Kind (Sponsorship and comments) 2 [sponsorship.sponsors.2.kind]',
    );
    expect(headerKeys(header)).toContain('sponsorship.sponsors.2.kind');
  });

  it('refuses an unknown column and a missing person column for the whole file', () => {
    expect(refusalOf(() => headerKeys(['stage', 'nominatedOn', 'mystery']))).toMatchObject({
      code: 'IMPORT_UNKNOWN_COLUMN',
      details: { columns: ['mystery'] },
    });
    expect(refusalOf(() => headerKeys(['stage', 'nominatedOn', 'fullName']))).toMatchObject({
      code: 'IMPORT_MISSING_COLUMN',
      field: 'body',
    });
  });
});

describe('the replay of a row through the procedure', () => {
  it('brings the template example to its stage, every event imported, dated on its day', () => {
    const { candidate, events } = replay(TEMPLATE_EXAMPLE);
    expect(candidate).toMatchObject({
      stage: 'CELL_RESOLUTION',
      version: 6,
      execution: { name: 'c-test-g1', generation: 1 },
    });
    expect(events.map((e) => [e.seq, e.toStage, e.at.slice(0, 10)])).toEqual([
      [1, 'NOMINATED', '2024-12-16'],
      [2, 'AWARENESS_CLASS', '2025-01-06'],
      [3, 'APPLICATION', '2025-02-14'],
      [4, 'BACKGROUND_CHECK', '2025-02-20'],
      [5, 'SPONSORSHIP', '2025-04-01'],
      [6, 'CELL_RESOLUTION', '2025-04-11'],
    ]);
    for (const e of events) {
      expect(e.imported).toEqual({
        fileName: 'f.csv',
        sha256: 'abc',
        row: 2,
        importedAt: '2026-12-06T01:00:00Z',
        // Who, never from where: the address stays on the event's actor, for the audit export.
        by: { userId: 'u-1', name: 'Phạm Thu Nhập', role: 'committee-officer', unitId: 'dd-kdn' },
      });
      expect(e.actor).toEqual(ACTOR);
    }
  });

  it('counts a member once, in the months of the ceremony and of the recognition decision', () => {
    const { candidate, events } = replay(OFFICIAL_ROW);
    expect(candidate.stage).toBe('OFFICIAL');
    expect(events.find((e) => e.action === 'endProbation')).toMatchObject({
      fromStage: 'ADMITTED',
      toStage: 'RECOGNITION_CELL_REVIEW',
      findings: { probationEndsOn: '2026-06-19' },
    });
    const own = events
      .flatMap((e) => counterDeltasOfEvent(e, CELL.path))
      .filter((d) => d.unitId === CELL.id);
    expect(own.map((d) => `${d.metric} ${d.month} ${d.delta}`).sort()).toEqual([
      'ADMITTED 2025-06 1',
      'NOMINATED 2024-12 1',
      'OFFICIAL 2026-07 1',
      'TRAINED 2025-02 1',
    ]);
  });

  it('imports a 2021 first-half admission: each step judged under the policy in force that day', () => {
    // The same member, four years earlier: admitted before QĐ 24-QĐ/TW took effect (2021-07-30)
    // and recognised after it, as a committee's files of 2021 are.
    const earlier = Object.fromEntries(
      Object.entries(OFFICIAL_ROW).map(([key, value]) => [
        key,
        /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? `${Number(value.slice(0, 4)) - 4}${value.slice(4)}`
          : value,
      ]),
    );
    const { candidate, events } = replay(earlier);
    expect(candidate.stage).toBe('OFFICIAL');
    const policyOf = (action: string) => events.find((e) => e.action === action)?.policyVersion;
    expect(policyOf('recordCellResolution')).toBe('QD29-2016');
    expect(policyOf('decideAdmission')).toBe('QD29-2016');
    expect(policyOf('recordRecognitionCellReview')).toBe('QD24-2021');
  });

  it('refuses a member in recognition before the 12 months are over', () => {
    expect(refusalOf(() => replay(OFFICIAL_ROW, '2026-06-01'))).toMatchObject({
      code: 'IMPORT_PROBATION_NOT_OVER',
      field: 'stage',
      details: { probationEndsOn: '2026-06-19' },
    });
  });

  it('answers a bad fact with the standard refusal, naming the column', () => {
    expect(
      refusalOf(() => replay({ ...TEMPLATE_EXAMPLE, 'sponsorship.sponsors.2.kind': 'FRIEND' })),
    ).toMatchObject({ kind: 'invalid', code: 'INVALID_ROW', field: 'sponsorship.sponsors.2.kind' });
    expect(
      refusalOf(() =>
        replay({ ...ADMITTED_ROW, stage: 'ADMISSION_DECISION', 'cellResolution.votesFor': '7.5' }),
      ),
    ).toMatchObject({ code: 'INVALID_ROW', field: 'cellResolution.votesFor' });
    const { 'application.applicationReceivedOn': _, ...missing } = TEMPLATE_EXAMPLE;
    void _;
    expect(refusalOf(() => replay(missing))).toMatchObject({
      code: 'INVALID_ROW',
      field: 'application.applicationReceivedOn',
    });
    expect(refusalOf(() => replay({ ...TEMPLATE_EXAMPLE, stage: 'APPLICATION' }))).toMatchObject({
      code: 'IMPORT_FACTS_BEYOND_STAGE',
      field: 'application',
    });
    expect(
      refusalOf(() =>
        replay({ ...ADMITTED_ROW, 'sponsorship.sponsors.1.togetherSince': '2024-10-01' }),
      ),
    ).toMatchObject({ kind: 'rule', code: 'SPONSOR_TOGETHER_TOO_SHORT' });
    expect(
      refusalOf(() =>
        replay({ ...TEMPLATE_EXAMPLE, 'application.backgroundFormReceivedOn': '2025-01-01' }),
      ),
    ).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP' });
  });

  it('refuses facts the rules send elsewhere than the stage the row names', () => {
    expect(
      refusalOf(() => replay({ ...TEMPLATE_EXAMPLE, nominatedOn: '31/02/2025' })),
    ).toMatchObject({
      code: 'INVALID_ROW',
      field: 'nominatedOn',
    });
    const short = {
      ...ADMITTED_ROW,
      'cellResolution.votesFor': '5',
      'cellResolution.votesAgainst': '3',
    };
    expect(refusalOf(() => replay(short))).toMatchObject({
      kind: 'rule',
      code: 'IMPORT_STAGE_NOT_REACHED',
      field: 'cellResolution',
      details: { outcome: 'failed', toStage: 'REJECTED' },
    });
  });
});

describe('reading a file', () => {
  it('bounds a file to 100 rows', () => {
    const header = [
      'stage',
      'nominatedOn',
      'fullName',
      'dateOfBirth',
      'nominationSource',
      'unitId',
      'nationalId',
      'educationLevel',
    ];
    const rows = (n: number) => [
      { line: 1, fields: header },
      ...Array.from({ length: n }, (_, i) => ({ line: i + 2, fields: ['NOMINATED', `${i}`] })),
    ];
    expect(rawRows(rows(100))).toHaveLength(100);
    expect(refusalOf(() => rawRows(rows(101)))).toMatchObject({
      kind: 'too-large',
      code: 'IMPORT_TOO_MANY_ROWS',
      details: { rows: 101, max: 100 },
    });
  });

  it('refuses a file without rows, or with a header and no data', () => {
    expect(refusalOf(() => rawRows([]))).toMatchObject({ code: 'IMPORT_EMPTY', field: 'body' });
    const header = { line: 1, fields: templateTable()[0] };
    expect(refusalOf(() => rawRows([header, { line: 2, fields: ['', ' '] }]))).toMatchObject({
      code: 'IMPORT_EMPTY',
    });
  });

  it('reads RFC 4180 CSV with a BOM, quotes and Vietnamese dates', () => {
    const csv =
      '\uFEFFstage,nominatedOn,fullName,dateOfBirth,nominationSource,unitId,nationalId,educationLevel\r\n' +
      'NOMINATED,16/12/2024,"Nguyễn Văn ""An"", con",17/08/1996,CELL,dd-xltbd-kythuat,001096012345,UPPER_SECONDARY\r\n';
    const tokens = tokenizeCsv(csv);
    if (!tokens.ok) throw new Error('tokenize');
    const [raw] = rawRows(tokens.records);
    const row = readRow(raw);
    expect(row).toMatchObject({
      line: 2,
      stage: 'NOMINATED',
      nominatedOn: '2024-12-16',
      person: {
        fullName: 'Nguyễn Văn "An", con',
        dateOfBirth: '1996-08-17',
        nationalId: '001096012345',
      },
    });
  });

  it('reads an XLSX workbook: inline strings, shared strings, numbers and date serials', () => {
    const [header, example] = templateTable();
    const fromWriter = readXlsx(writeXlsx([{ name: 'Mau', rows: [header, example] }]));
    expect(readRow(rawRows(fromWriter)[0])).toEqual(
      readRow(
        rawRows([
          { line: 1, fields: header },
          { line: 2, fields: example },
        ])[0],
      ),
    );
    // What Excel itself writes: shared strings and a date as a serial number.
    const files: [string, Buffer][] = [
      [
        'xl/workbook.xml',
        Buffer.from(
          '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
      ],
      [
        'xl/_rels/workbook.xml.rels',
        Buffer.from(
          '<Relationships><Relationship Id="rId1" Target="worksheets/data.xml"/></Relationships>',
        ),
      ],
      [
        'xl/sharedStrings.xml',
        Buffer.from(
          '<sst><si><t>stage</t></si><si><r><t>nominated</t></r><r><t>On</t></r></si><si><t>Lê &amp; Trần</t></si></sst>',
        ),
      ],
      [
        'xl/worksheets/data.xml',
        Buffer.from(
          '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>2</v></c><c r="C3"><v>45642</v></c></row></sheetData></worksheet>',
        ),
      ],
    ];
    expect(readXlsx(zip(files))).toEqual([
      { line: 1, fields: ['stage', '', 'nominatedOn'] },
      { line: 3, fields: ['Lê & Trần', '', '45642'] },
    ]);
    const row = readRow({ line: 3, cells: { stage: 'NOMINATED', nominatedOn: '45642' } });
    expect(row.nominatedOn).toBe('2024-12-16');
  });
});
