import { parseTargetsCsv, targetsToCsv } from '../../../functions/domain/quota/target-csv';
import { quotaItemKey } from '../../../functions/adapters/quota-ledger-items';
import { countOf, type QuotaTarget } from '../../../functions/domain/quota/target';

const VI_HEADER =
  'don_vi,ky,chi_tieu,co_quan_giao,ten_co_quan_giao,loai,gia_tri,so_dang_vien_dau_ky';
const EN_HEADER = 'unit_id,period,metric,issuer_id,issuer_name,kind,value,members_at_start';

const THANH_TRI: QuotaTarget[] = [
  {
    unitId: 'hn-thanhtri',
    period: '2021-H1',
    metric: 'ADMITTED',
    issuerId: 'hn-thanhuy',
    issuerName: 'Thành ủy',
    kind: 'COUNT',
    value: 15,
  },
  {
    unitId: 'hn-thanhtri',
    period: '2021-H1',
    metric: 'ADMITTED',
    issuerId: 'tt-bcd',
    issuerName: 'BCĐ huyện',
    kind: 'COUNT',
    value: 25,
  },
  {
    unitId: 'hn-dongda',
    period: '2024',
    metric: 'ADMITTED',
    issuerId: 'dd-quanuy',
    issuerName: 'Quận ủy',
    kind: 'SHARE_OF_MEMBERS',
    value: 7,
    membersAtStart: 130,
  },
];

function ok(csv: string): QuotaTarget[] {
  const result = parseTargetsCsv(csv);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.targets;
}

function errors(csv: string) {
  const result = parseTargetsCsv(csv);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('importing targets', () => {
  const body = [
    'hn-thanhtri,2021-H1,ADMITTED,hn-thanhuy,Thành ủy,COUNT,15,',
    'hn-thanhtri,2021-H1,ADMITTED,tt-bcd,BCĐ huyện,COUNT,25,',
    'hn-dongda,2024,ADMITTED,dd-quanuy,Quận ủy,SHARE_OF_MEMBERS,7,130',
  ];

  it.each([
    ['Vietnamese header, LF', [VI_HEADER, ...body].join('\n')],
    ['English header, CRLF, trailing CRLF', [EN_HEADER, ...body].join('\r\n') + '\r\n'],
    ['BOM', '\uFEFF' + [VI_HEADER, ...body].join('\r\n')],
    ['blank lines', [VI_HEADER, '', ...body, '', ''].join('\n')],
    [
      'columns in another order, spaced and upper-case headers',
      [
        ' KY ,don_vi,chi_tieu,co_quan_giao,ten_co_quan_giao,loai,gia_tri,so_dang_vien_dau_ky',
        ...body.map((line) => {
          const f = line.split(',');
          return [f[1], f[0], ...f.slice(2)].join(',');
        }),
      ].join('\n'),
    ],
    [
      'semicolons (Excel, Vietnamese regional setting)',
      [VI_HEADER, ...body].join('\n').replaceAll(',', ';'),
    ],
  ])('reads %s', (_name, csv) => {
    expect(ok(csv)).toEqual(THANH_TRI);
  });

  it('reads quoted fields with commas, quotes and line breaks', () => {
    const csv = [
      VI_HEADER,
      'hn-thanhtri,2021-H1,ADMITTED,tt-bcd,"BCĐ ""09"", huyện",COUNT,25,',
      'hn-thanhtri,2021-H1,TRAINED,tt-bcd,"Ban Chỉ đạo\r\nhuyện Thanh Trì",COUNT,"37",',
      'hn-thanhtri,2021,NOMINATED,tt-bcd,"x",COUNT,3,""',
    ].join('\r\n');
    const targets = ok(csv);
    expect(targets.map((t) => t.issuerName)).toEqual([
      'BCĐ "09", huyện',
      'Ban Chỉ đạo\r\nhuyện Thanh Trì',
      'x',
    ]);
    expect(targets[1].value).toBe(37);
    expect(targets[2]).not.toHaveProperty('membersAtStart');
  });

  it('reads shares written the Vietnamese way', () => {
    const row = (value: string) =>
      ok(`${VI_HEADER}\nhn,2025,ADMITTED,hn-tu,Thành ủy,SHARE_OF_MEMBERS,"${value}",200`)[0].value;
    expect(row('7,5')).toBe(7.5);
    expect(row('7.5')).toBe(7.5);
    expect(row('7%')).toBe(7);
    expect(row('7.25 %')).toBe(7.25);
    expect(
      countOf(ok(`${VI_HEADER}\nhn,2025,ADMITTED,hn-tu,Thành ủy,SHARE_OF_MEMBERS,7,130`)[0]),
    ).toBe(10);
  });

  it('accepts a file without the optional column', () => {
    const csv = `don_vi,ky,chi_tieu,co_quan_giao,ten_co_quan_giao,loai,gia_tri\nhn,2025,admitted,hn-tu,Thành ủy,count,4`;
    expect(ok(csv)).toEqual([
      {
        unitId: 'hn',
        period: '2025',
        metric: 'ADMITTED',
        issuerId: 'hn-tu',
        issuerName: 'Thành ủy',
        kind: 'COUNT',
        value: 4,
      },
    ]);
  });

  it('reads a header alone as no targets', () => {
    expect(ok(`${VI_HEADER}\r\n`)).toEqual([]);
  });

  it('lists every bad row by line number, with both languages, and imports nothing', () => {
    const csv = [
      VI_HEADER, // 1
      'hn-thanhtri,2021-H1,ADMITTED,hn-thanhuy,Thành ủy,COUNT,15,', // 2 good
      'hn-thanhtri,2021-H3,ADMITTED,hn-thanhuy,Thành ủy,COUNT,15,', // 3 period
      'hn thanh tri,2021,KET_NAP,hn-thanhuy,,COUNT,1.234,', // 4 unit, metric, name, value
      '', // 5 blank
      'hn-dongda,2024,ADMITTED,dd-quanuy,Quận ủy,SHARE_OF_MEMBERS,7,', // 6 members missing
      'hn-dongda,2024,ADMITTED,dd-quanuy,"Quận ủy', // 7..8: a quoted line break, then too few fields
      'Đống Đa",COUNT,5', //
      'hn-thanhtri,2021-H1,ADMITTED,hn-thanhuy,Thành ủy,COUNT,16,', // 9 duplicate of line 2
      'hn,2025,ADMITTED,hn-tu,=HYPERLINK(1),PERCENT,101,x', // 10 name, kind, members
      'hn,2025,ADMITTED,hn-tu,Thành ủy,SHARE_OF_MEMBERS,100.5,200', // 11 share > 100
    ].join('\r\n');
    const found = errors(csv).map(({ line, field, code }) => [line, field, code]);
    expect(found).toEqual([
      [3, 'ky', 'TARGET_PERIOD_INVALID'],
      [4, 'don_vi', 'TARGET_ID_INVALID'],
      [4, 'chi_tieu', 'TARGET_METRIC_INVALID'],
      [4, 'ten_co_quan_giao', 'TARGET_FIELD_REQUIRED'],
      [4, 'gia_tri', 'TARGET_VALUE_INVALID'],
      [6, 'so_dang_vien_dau_ky', 'TARGET_MEMBERS_REQUIRED'],
      [7, null, 'CSV_COLUMN_COUNT'],
      [9, null, 'TARGET_DUPLICATE'],
      [10, 'ten_co_quan_giao', 'TARGET_NAME_FORMULA'],
      [10, 'loai', 'TARGET_KIND_INVALID'],
      [10, 'so_dang_vien_dau_ky', 'TARGET_MEMBERS_INVALID'],
      [11, 'gia_tri', 'TARGET_VALUE_INVALID'],
    ]);
    for (const error of errors(csv)) {
      expect(error.message).toBeTruthy();
      expect(error.message_en).toBeTruthy();
      expect(error.message).not.toBe(error.message_en);
    }
    expect(errors(csv).find((e) => e.line === 9)?.message_en).toMatch(/line 2/);
  });

  it('names the column as the file spells it', () => {
    const csv = `${EN_HEADER}\nhn,2025,ADMITTED,hn-tu,Thành ủy,COUNT,x,`;
    expect(errors(csv)).toEqual([
      {
        line: 2,
        field: 'value',
        code: 'TARGET_VALUE_INVALID',
        message: expect.stringMatching(/^value: Chỉ tiêu số lượng phải là số nguyên/),
        message_en: expect.stringMatching(/^value: A count target is a whole number/),
      },
    ]);
  });

  it.each([
    ['', 'CSV_EMPTY'],
    ['\uFEFF', 'CSV_EMPTY'],
    ['don_vi,ky,chi_tieu,co_quan_giao,ten_co_quan_giao,loai', 'CSV_MISSING_COLUMN'],
    [`${VI_HEADER},ghi_chu`, 'CSV_UNKNOWN_COLUMN'],
    [`${VI_HEADER},unit_id`, 'CSV_DUPLICATE_COLUMN'],
  ])('refuses the header of %p', (csv, code) => {
    expect(errors(csv)[0]).toMatchObject({ line: 1, code });
  });

  it.each([
    [`${VI_HEADER}\nhn,2025,ADMITTED,hn-tu,"Thành ủy,COUNT,4,`, 2, /never closed/],
    [`${VI_HEADER}\nhn,2025,ADMITTED,hn-tu,"Thành" ủy,COUNT,4,`, 2, /after a closing quote/],
    [
      `${VI_HEADER}\r\n\r\nhn,2025,ADMITTED,hn-tu,"Thành\nủy"x,COUNT,4,`,
      4,
      /after a closing quote/,
    ],
  ])('refuses malformed quoting: %p', (csv, line, message) => {
    const [error] = errors(csv);
    expect(error).toMatchObject({ line, code: 'CSV_MALFORMED' });
    expect(error.message_en).toMatch(message);
  });
});

describe('exporting targets', () => {
  const tricky: QuotaTarget[] = [
    ...THANH_TRI,
    {
      unitId: 'hn-dongda',
      period: 'TERM-2020-2025',
      metric: 'OFFICIAL',
      issuerId: 'dd-bcd',
      issuerName: 'BCĐ "quận", Đống Đa\nkhóa XIII',
      kind: 'SHARE_OF_MEMBERS',
      value: 7.25,
      membersAtStart: 1234,
    },
    {
      unitId: 'hn-dongda',
      period: '2024-Q1',
      metric: 'TRAINED',
      issuerId: 'dd-quanuy',
      issuerName: ' Quận ủy ',
      kind: 'COUNT',
      value: 37,
      membersAtStart: 90,
    },
  ];

  it('writes the import columns with a BOM and CRLF', () => {
    const csv = targetsToCsv(THANH_TRI.slice(0, 1));
    expect(csv).toBe(
      `\uFEFF${VI_HEADER}\r\nhn-thanhtri,2021-H1,ADMITTED,hn-thanhuy,Thành ủy,COUNT,15,\r\n`,
    );
    expect(targetsToCsv([], { header: 'en', bom: false })).toBe(`${EN_HEADER}\r\n`);
  });

  it.each(['vi', 'en'] as const)('round-trips through the import (%s header)', (header) => {
    const parsed = ok(targetsToCsv(tricky, { header }));
    // Names are trimmed on import, as they are by the schema.
    expect(parsed).toEqual(tricky.map((t) => ({ ...t, issuerName: t.issuerName.trim() })));
    expect(ok(targetsToCsv(parsed, { header }))).toEqual(parsed);
  });

  it('keys a target by unit, then period, metric and issuer', () => {
    expect(quotaItemKey(THANH_TRI[1])).toEqual({
      PK: 'QUOTA#hn-thanhtri',
      SK: '2021-H1#ADMITTED#tt-bcd',
    });
  });
});
