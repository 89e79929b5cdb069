import type { QuotaReport, UnitReport } from '../domain/quota/report';
import { escapeHtml } from '../domain/escape-html';
export { escapeHtml };

/**
 * The one renderer of the quota dashboard: the CloudWatch custom widget returns
 * `renderQuotaWidget(report)` and the local runtime's `/dashboard` wraps the very same fragment in
 * a page with a filter form. Vietnamese first, English in grey. No script, no external resource:
 * the chart is inline SVG generated here.
 */

const STATUS: Record<string, { vi: string; en: string; color: string }> = {
  ON_TRACK: { vi: 'Đúng tiến độ', en: 'on track', color: '#1b7f3b' },
  DONE: { vi: 'Hoàn thành', en: 'done', color: '#1b5e9f' },
  BEHIND: { vi: 'Chậm tiến độ', en: 'behind', color: '#b3261e' },
  NO_TARGET: { vi: 'Chưa giao chỉ tiêu', en: 'no target', color: '#666' },
};

const DASHBOARD_STYLE = `.qd{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f1f1f;font-size:14px}
.qd table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
.qd th,.qd td{border:1px solid #d0d0d0;padding:.3rem .5rem;text-align:left;vertical-align:top}
.qd th{background:#f3f3f3}.qd td.n{text-align:right;font-variant-numeric:tabular-nums}
.qd .en{color:#666;font-size:.85em}.qd .st{font-weight:600}
.qd tr.req td{background:#fffbe6}.qd h2{font-size:1.1rem;margin:1rem 0 .3rem}
.qd .meta{color:#444}.qd svg{max-width:100%;height:auto}`;

function status(code: string): string {
  const s = STATUS[code] ?? { vi: code, en: code, color: '#666' };
  return `<span class="st" style="color:${s.color}">${escapeHtml(s.vi)}</span> <span class="en">${escapeHtml(s.en)}</span>`;
}

function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function quotaTable(report: QuotaReport): string {
  const rows = report.units.flatMap((unit) =>
    unit.metrics.flatMap((metric) => {
      const targets = metric.targets.length ? metric.targets : [undefined];
      return targets.map((t, i) => {
        const unitCell =
          i === 0
            ? `<td rowspan="${targets.length}">${escapeHtml(unit.name)}<br><span class="en">${escapeHtml(unit.unitId)}</span></td>`
            : '';
        const metricCell =
          i === 0
            ? `<td rowspan="${targets.length}">${escapeHtml(metric.label)}<br><span class="en">${escapeHtml(metric.labelEn)}</span></td>`
            : '';
        const sentenceCell =
          i === 0
            ? `<td rowspan="${targets.length}">${escapeHtml(metric.sentence.vi)}<br><span class="en">${escapeHtml(metric.sentence.en)}</span></td>`
            : '';
        return `<tr${unit.requested ? ' class="req"' : ''}>${unitCell}${metricCell}<td>${t ? escapeHtml(t.issuerName) : '—'}</td><td class="n">${metric.achieved}</td><td class="n">${t ? t.target : '—'}</td><td class="n">${t?.percent === null || !t ? '—' : `${t.percent}%`}</td><td class="n">${t ? t.expectedByNow : '—'}</td><td>${status(t ? t.status : 'NO_TARGET')}</td>${sentenceCell}</tr>`;
      });
    }),
  );
  return `<table>
<thead><tr><th>Đơn vị <span class="en">unit</span></th><th>Chỉ tiêu <span class="en">metric</span></th><th>Cơ quan giao <span class="en">issuer</span></th><th>Đạt <span class="en">achieved</span></th><th>Giao <span class="en">target</span></th><th>Tỷ lệ <span class="en">%</span></th><th>Theo tiến độ <span class="en">pace</span></th><th>Đánh giá <span class="en">status</span></th><th>Câu báo cáo <span class="en">report sentence</span></th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}

function funnelTable(units: readonly UnitReport[]): string {
  const stages = units[0]?.funnel ?? [];
  const head = stages
    .map((s) => `<th title="${escapeHtml(s.labelEn)}">${escapeHtml(s.label)}</th>`)
    .join('');
  const rows = units
    .map(
      (u) =>
        `<tr${u.requested ? ' class="req"' : ''}><td>${escapeHtml(u.name)}</td>${u.funnel
          .map(
            (s) =>
              `<td class="n">${s.count}${s.overdue ? ` <span style="color:#b3261e">(${s.overdue} quá hạn)</span>` : ''}</td>`,
          )
          .join('')}<td class="n">${u.inProgress}</td><td class="n">${u.overdue}</td></tr>`,
    )
    .join('\n');
  return `<table>
<thead><tr><th>Đơn vị <span class="en">unit</span></th>${head}<th>Đang xử lý <span class="en">in progress</span></th><th>Quá hạn <span class="en">overdue</span></th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

/** Bars: each unit's attainment of its first ADMITTED target, and the expected pace as a line. */
function attainmentChart(report: QuotaReport): string {
  const bars = report.units.map((u) => {
    const admitted = u.metrics.find((m) => m.metric === 'ADMITTED');
    const t = admitted?.targets.find((x) => x.percent !== null);
    return { name: u.name, percent: t?.percent ?? null, status: t?.status ?? 'NO_TARGET' };
  });
  const rowHeight = 28;
  const left = 260;
  const width = 760;
  const scaleMax = Math.max(100, ...bars.map((b) => b.percent ?? 0));
  const x = (p: number) => left + ((width - left - 60) * p) / scaleMax;
  const height = 40 + bars.length * rowHeight + 24;
  const pace = report.elapsed.percent;
  const shapes = bars
    .map((b, i) => {
      const y = 30 + i * rowHeight;
      const label = b.name.length > 38 ? `${b.name.slice(0, 37)}…` : b.name;
      const color = (STATUS[b.status] ?? STATUS.NO_TARGET).color;
      const bar =
        b.percent === null
          ? `<text x="${left + 4}" y="${y + 17}" fill="#666">chưa giao chỉ tiêu</text>`
          : `<rect x="${left}" y="${y + 4}" width="${Math.max(1, x(b.percent) - left).toFixed(1)}" height="${rowHeight - 10}" fill="${color}"/><text x="${(x(b.percent) + 4).toFixed(1)}" y="${y + 17}">${b.percent}%</text>`;
      return `<text x="${left - 6}" y="${y + 17}" text-anchor="end">${escapeHtml(label)}</text>${bar}`;
    })
    .join('');
  const paceX = x(pace).toFixed(1);
  const hundredX = x(100).toFixed(1);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Tỷ lệ đạt chỉ tiêu kết nạp theo đơn vị" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui,sans-serif" font-size="13">
<text x="0" y="16" font-weight="600">Kết nạp đảng viên: % chỉ tiêu (vạch đứt: tiến độ dự kiến ${pace}%)</text>
${shapes}
<line x1="${paceX}" y1="26" x2="${paceX}" y2="${height - 20}" stroke="#444" stroke-dasharray="4 3"/>
<line x1="${hundredX}" y1="26" x2="${hundredX}" y2="${height - 20}" stroke="#1b7f3b"/>
<text x="${hundredX}" y="${height - 6}" text-anchor="middle" fill="#1b7f3b">100%</text>
${pace === 100 ? '' : `<text x="${paceX}" y="${height - 6}" text-anchor="middle">${pace}%</text>`}
</svg>`;
}

/** The HTML fragment: what the CloudWatch custom widget shows and the local page embeds. */
export function renderQuotaWidget(report: QuotaReport): string {
  const requested = report.units.find((u) => u.requested);
  return `<div class="qd"><style>${DASHBOARD_STYLE}</style>
<p class="meta">${escapeHtml(requested?.name ?? report.unitId)} · kỳ <strong>${escapeHtml(report.period)}</strong> (${vnDate(report.range.from)}–${vnDate(report.range.to)}) · đã qua ${report.elapsed.num}/${report.elapsed.den} ngày (${report.elapsed.percent}%) · số liệu đến ngày ${vnDate(report.today)}</p>
<h2>Chỉ tiêu <span class="en">Quota attainment</span></h2>
${quotaTable(report)}
<h2>Biểu đồ <span class="en">Chart</span></h2>
${attainmentChart(report)}
<h2>Phễu kết nạp <span class="en">Funnel: candidates at each stage</span></h2>
${funnelTable(report.units)}
</div>`;
}

export interface DashboardChoices {
  units: readonly { id: string; name: string; depth: number }[];
  periods: readonly string[];
}

/** The whole local page: filter form (unit, period) and the widget fragment. */
export function renderDashboardPage(report: QuotaReport, choices: DashboardChoices): string {
  const unitOptions = choices.units
    .map(
      (u) =>
        `<option value="${escapeHtml(u.id)}"${u.id === report.unitId ? ' selected' : ''}>${'\u00a0\u00a0'.repeat(u.depth)}${escapeHtml(u.name)}</option>`,
    )
    .join('');
  const periods = choices.periods.includes(report.period)
    ? choices.periods
    : [report.period, ...choices.periods];
  const periodOptions = periods
    .map(
      (p) =>
        `<option value="${escapeHtml(p)}"${p === report.period ? ' selected' : ''}>${escapeHtml(p)}</option>`,
    )
    .join('');
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>Bảng theo dõi chỉ tiêu kết nạp — ${escapeHtml(report.unitId)} ${escapeHtml(report.period)}</title>
<style>body{margin:1.5rem auto;max-width:78rem;padding:0 1rem}form{font-family:system-ui,sans-serif;margin:.5rem 0 1rem}select,button{font-size:1rem;margin-right:.5rem}h1{font-family:system-ui,sans-serif;font-size:1.4rem}</style></head>
<body>
<h1>Bảng theo dõi chỉ tiêu phát triển đảng viên <span style="color:#666;font-size:.8em">/ Admission quota dashboard</span></h1>
<form method="get" action="/dashboard">
<label>Đơn vị <select name="unit">${unitOptions}</select></label>
<label>Kỳ <select name="period">${periodOptions}</select></label>
<button type="submit">Xem</button>
</form>
${renderQuotaWidget(report)}
</body>
</html>
`;
}
