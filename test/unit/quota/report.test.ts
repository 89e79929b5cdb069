import { crc32 } from 'zlib';
import { buildQuotaReport, type UnitQuotaData } from '../../../functions/domain/quota/report';
import {
  funnelOf,
  funnelWindowStart,
  type GaugeCount,
  isOverdue,
  type StageGauges,
} from '../../../functions/domain/quota/funnel';

import { type QuotaTarget } from '../../../functions/domain/quota/target';
import { renderDashboardPage, renderQuotaWidget } from '../../../functions/http/quota-dashboard';
import { quotaReportCsv, quotaReportXlsx } from '../../../functions/http/quota-report-export';
import { crc32 as ownCrc32, writeXlsx } from '../../../functions/http/xlsx';
import { sheetRows, unzip } from '../../support/unzip';

/** Every bucket (all entry months) in the shape a report reads: the totals summed, all kept. */
function stageGaugesOf(buckets: readonly GaugeCount[]): StageGauges {
  const totals: Record<string, number> = {};
  for (const b of buckets) totals[b.stage] = (totals[b.stage] ?? 0) + b.count;
  return { totals, recent: buckets };
}

const target = (t: Partial<QuotaTarget>): QuotaTarget => ({
  unitId: 'tt',
  period: '2025',
  metric: 'ADMITTED',
  issuerId: 'hn-thanhuy',
  issuerName: 'Thành ủy',
  kind: 'COUNT',
  value: 15,
  ...t,
});

const unit = (
  id: string,
  admitted: number,
  targets: QuotaTarget[],
  extra: Partial<UnitQuotaData> = {},
): UnitQuotaData => ({
  unit: { id, name: `Đơn vị ${id}`, level: 'CELL' },
  targets,
  counters: { ADMITTED: [{ month: '2025-03', count: admitted }] },
  gauges: stageGaugesOf([]),
  ...extra,
});

function percentOf(achieved: number, value: number): number | null {
  const report = buildQuotaReport({
    period: '2025',
    today: '2025-12-31',
    units: [unit('tt', achieved, [target({ value })])],
  });
  return report.units[0].metrics.find((m) => m.metric === 'ADMITTED')!.targets[0].percent;
}

describe('report maths', () => {
  it.each([
    [9, 15, 60],
    [9, 25, 36],
    [6, 17, 35],
    [6, 5, 120],
    [0, 0, null],
  ])('%i of %i → %s %%', (achieved, value, percent) => {
    expect(percentOf(achieved, value)).toBe(percent);
  });

  it('writes the field sentence with both issuers, the first one heading it', () => {
    const report = buildQuotaReport({
      period: '2025',
      today: '2025-07-01',
      units: [
        unit('tt', 9, [
          target({ value: 15 }),
          target({ issuerId: 'bcd-huyen', issuerName: 'BCĐ huyện', value: 25 }),
        ]),
      ],
    });
    const admitted = report.units[0].metrics.find((m) => m.metric === 'ADMITTED')!;
    expect(admitted.sentence.vi).toBe(
      'đã phát triển 09/15 đảng viên mới, đạt 60% chỉ tiêu Thành ủy giao (9/25, đạt 36% chỉ tiêu BCĐ huyện giao)',
    );
    // 1 July 2025: 182 of 365 days gone; ⌊15 × 182/365⌋ = 7 expected, 9 achieved.
    expect(admitted.targets[0]).toMatchObject({ expectedByNow: 7, status: 'ON_TRACK' });
    expect(admitted.targets[1]).toMatchObject({ expectedByNow: 12, status: 'BEHIND' });
    expect(report.units[0].status).toBe('BEHIND');
    expect(report.elapsed).toEqual({ num: 182, den: 365, percent: 50 });
  });

  it('counts a share-of-members target up, and shows a count alone without a target', () => {
    const report = buildQuotaReport({
      period: '2025',
      today: '2025-12-31',
      units: [
        unit('tt', 9, [target({ kind: 'SHARE_OF_MEMBERS', value: 7, membersAtStart: 130 })], {
          counters: {
            ADMITTED: [{ month: '2025-03', count: 9 }],
            TRAINED: [
              { month: '2024-12', count: 4 },
              { month: '2025-01', count: 26 },
            ],
          },
        }),
      ],
    });
    const [nominated, trained, admitted] = report.units[0].metrics;
    expect(admitted.targets[0]).toMatchObject({ target: 10, percent: 90 });
    expect(trained.achieved).toBe(26); // December 2024 is outside the period
    expect(trained.sentence.vi).toBe('lớp bồi dưỡng nhận thức về Đảng đạt 26 học viên');
    expect(nominated.sentence.vi).toBe('đã giới thiệu 00 quần chúng ưu tú');
  });
});

describe('funnel from stage gauges', () => {
  it('counts candidates per stage and the overdue ones by whole months', () => {
    const gauges = [
      { stage: 'NOMINATED', month: '2025-05', count: 2 },
      { stage: 'NOMINATED', month: '2025-06', count: 3 },
      { stage: 'CEREMONY', month: '2025-04', count: 1 },
    ];
    const funnel = funnelOf(stageGaugesOf(gauges), '2025-07-15');
    expect(funnel.find((r) => r.stage === 'NOMINATED')).toMatchObject({ count: 5, overdue: 2 });
    expect(funnel.find((r) => r.stage === 'CEREMONY')).toMatchObject({ count: 1, overdue: 1 });
    // Nine admission stages, then the three of recognition after probation.
    expect(funnel.map((r) => r.stage).slice(9)).toEqual([
      'RECOGNITION_CELL_REVIEW',
      'RECOGNITION_GRASSROOTS',
      'RECOGNITION_DECISION',
    ]);
    expect(funnel).toHaveLength(12);
    expect(isOverdue('CEREMONY', '2025-04', '2025-06')).toBe(false);
  });

  it('needs only the stage totals and the buckets of the last months, however old the ledger', () => {
    // Every bucket since 2019, and the same funnel from the totals and the window alone.
    const buckets = [
      { stage: 'ADMISSION_DECISION', month: '2019-01', count: 3 },
      { stage: 'ADMISSION_DECISION', month: '2025-03', count: 2 },
      { stage: 'ADMISSION_DECISION', month: '2025-04', count: 4 },
      { stage: 'ADMISSION_DECISION', month: '2025-07', count: 1 },
      { stage: 'NOMINATED', month: '2024-12', count: 5 },
      { stage: 'NOMINATED', month: '2025-06', count: 6 },
      // Entered after "today" (a report asked for an earlier day): never overdue.
      { stage: 'NOMINATED', month: '2025-09', count: 7 },
    ];
    const today = '2025-07-15';
    expect(funnelWindowStart(today)).toBe('2025-04');
    const windowed = {
      totals: stageGaugesOf(buckets).totals,
      recent: buckets.filter((b) => b.month >= funnelWindowStart(today)),
    };
    const rows = (f: ReturnType<typeof funnelOf>) =>
      f.filter((r) => r.count).map((r) => [r.stage, r.count, r.overdue]);
    expect(rows(funnelOf(windowed, today))).toEqual(rows(funnelOf(stageGaugesOf(buckets), today)));
    expect(rows(funnelOf(windowed, today))).toEqual([
      ['NOMINATED', 18, 5],
      ['ADMISSION_DECISION', 10, 5],
    ]);
    expect(funnelWindowStart('2025-02-01')).toBe('2024-11');
  });
});

describe('exports', () => {
  const report = buildQuotaReport({
    period: '2025-H1',
    today: '2025-06-30',
    units: [
      unit('tt', 9, [target({ period: '2025-H1' })], {
        gauges: stageGaugesOf([{ stage: 'SPONSORSHIP', month: '2025-06', count: 4 }]),
      }),
      unit('=cmd', 1, []),
    ],
  });

  it('writes CSV with a BOM, Vietnamese headers and inert text', () => {
    const csv = quotaReportCsv(report);
    expect(csv.startsWith('\uFEFFdon_vi,ten_don_vi,ky,chi_tieu')).toBe(true);
    expect(csv).toContain(
      'tt,Đơn vị tt,2025-H1,ADMITTED,Đảng viên mới được kết nạp,hn-thanhuy,Thành ủy,9,15,60,',
    );
    expect(csv).toContain("'=cmd");
  });

  it('writes an XLSX workbook that unzips and parses back to the same rows', () => {
    const files = unzip(quotaReportXlsx(report));
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(files.get('xl/workbook.xml')!.toString()).toContain(
      '<sheet name="Chi tieu" sheetId="1" r:id="rId1"/>',
    );
    const rows = sheetRows(files.get('xl/worksheets/sheet1.xml')!.toString());
    expect(rows[0].slice(0, 4)).toEqual(['don_vi', 'ten_don_vi', 'ky', 'chi_tieu']);
    const admitted = rows.find((r) => r[0] === 'tt' && r[3] === 'ADMITTED')!;
    expect(admitted.slice(7, 10)).toEqual(['9', '15', '60']);
    expect(admitted[12]).toBe('đã kết nạp 09/15 đảng viên mới, đạt 60% chỉ tiêu Thành ủy giao');
    const funnel = sheetRows(files.get('xl/worksheets/sheet2.xml')!.toString());
    expect(funnel).toContainEqual([
      'tt',
      'Đơn vị tt',
      'SPONSORSHIP',
      'Giới thiệu và nhận xét',
      '4',
      '0',
    ]);
  });

  it('computes the zip CRC-32 like zlib', () => {
    const data = Buffer.from('Đảng viên mới');
    expect(ownCrc32(data)).toBe(crc32(data));
    expect(() => writeXlsx([])).toThrow(RangeError);
  });

  it('renders the widget and the page from one renderer, without scripts', () => {
    const widget = renderQuotaWidget(report);
    expect(widget).toContain('đã kết nạp 09/15 đảng viên mới, đạt 60% chỉ tiêu Thành ủy giao');
    expect(widget).toContain('<svg');
    expect(widget).toContain('=cmd');
    const page = renderDashboardPage(report, {
      units: [{ id: 'tt', name: 'TT', depth: 0 }],
      periods: ['2025'],
    });
    expect(page).toContain(widget);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('<option value="2025-H1" selected>');
  });
});
