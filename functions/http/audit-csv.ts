import { type AuditEvent } from '../adapters/candidate-store';

const COLUMNS: [string, (e: AuditEvent) => unknown][] = [
  ['thoi_diem/at', (e) => e.at],
  ['ho_so/candidate', (e) => e.candidateId],
  ['so_thu_tu/seq', (e) => e.seq],
  ['thao_tac/action', (e) => e.action ?? e.type],
  ['tu_buoc/from_stage', (e) => e.fromStage],
  ['den_buoc/to_stage', (e) => e.toStage],
  ['ket_qua/outcome', (e) => e.outcome],
  ['nguoi_thuc_hien/user', (e) => e.actor?.userId],
  ['ho_ten/name', (e) => e.actor?.name],
  ['vai_tro/role', (e) => e.actor?.role],
  ['don_vi/unit', (e) => e.actor?.unitId],
  ['idempotency_key', (e) => e.idempotencyKey],
  ['dia_chi_ip/source_ip', (e) => e.actor?.sourceIp],
  ['trinh_duyet/user_agent', (e) => e.actor?.userAgent],
];

function cell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  // Quote everything that could break a row; neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a BOM, so that spreadsheet programs show Vietnamese correctly. */
export function auditCsv(events: AuditEvent[]): string {
  const lines = [
    COLUMNS.map(([name]) => name),
    ...events.map((e) => COLUMNS.map(([, get]) => get(e))),
  ];
  return `\ufeff${lines.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
