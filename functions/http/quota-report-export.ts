import type { QuotaReport } from '../domain/quota/report';
import { type Cell, type Sheet, writeXlsx } from './xlsx';

/**
 * The quota report as tables for the six-month and yearly reviews: one row per unit, metric and
 * issuer (a metric without a target gets one row with empty target columns), then the funnel.
 * CSV (UTF-8 with BOM, CRLF, Vietnamese headers) and XLSX (two sheets) carry the same rows.
 */

const STATUS_VI: Record<string, string> = {
  ON_TRACK: 'Đúng tiến độ',
  BEHIND: 'Chậm tiến độ',
  DONE: 'Hoàn thành',
  NO_TARGET: 'Không có chỉ tiêu',
};

const QUOTA_COLUMNS = [
  'don_vi',
  'ten_don_vi',
  'ky',
  'chi_tieu',
  'ten_chi_tieu',
  'co_quan_giao',
  'ten_co_quan_giao',
  'dat_duoc',
  'chi_tieu_giao',
  'ty_le_phan_tram',
  'tien_do_du_kien',
  'trang_thai',
  'cau_bao_cao',
  'sentence_en',
] as const;

const FUNNEL_COLUMNS = [
  'don_vi',
  'ten_don_vi',
  'giai_doan',
  'ten_giai_doan',
  'dang_xu_ly',
  'qua_han',
] as const;

function quotaRows(report: QuotaReport): Cell[][] {
  const rows: Cell[][] = [];
  for (const unit of report.units) {
    for (const metric of unit.metrics) {
      const base = [unit.unitId, unit.name, report.period, metric.metric, metric.label];
      const tail = [metric.sentence.vi, metric.sentence.en];
      if (metric.targets.length === 0) {
        rows.push([...base, '', '', metric.achieved, '', '', '', STATUS_VI.NO_TARGET, ...tail]);
      }
      for (const t of metric.targets) {
        rows.push([
          ...base,
          t.issuerId,
          t.issuerName,
          metric.achieved,
          t.target,
          t.percent ?? '',
          t.expectedByNow,
          STATUS_VI[t.status] ?? t.status,
          ...tail,
        ]);
      }
    }
  }
  return rows;
}

function funnelRows(report: QuotaReport): Cell[][] {
  return report.units.flatMap((unit) =>
    unit.funnel.map((row) => [
      unit.unitId,
      unit.name,
      row.stage,
      row.label,
      row.count,
      row.overdue,
    ]),
  );
}

export function csvField(value: Cell): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A text cell a spreadsheet would run as a formula is prefixed with an apostrophe.
  const inert = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

export function quotaReportCsv(report: QuotaReport): string {
  const lines = [
    QUOTA_COLUMNS.join(','),
    ...quotaRows(report).map((r) => r.map(csvField).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function quotaReportXlsx(report: QuotaReport): Buffer {
  const sheets: Sheet[] = [
    { name: 'Chi tieu', rows: [[...QUOTA_COLUMNS], ...quotaRows(report)] },
    { name: 'Pheu', rows: [[...FUNNEL_COLUMNS], ...funnelRows(report)] },
  ];
  return writeXlsx(sheets);
}

export function reportFileName(report: QuotaReport, extension: string): string {
  return `bao-cao-chi-tieu-${report.unitId}-${report.period}.${extension}`;
}
