import { useEffect, useState } from 'preact/hooks';
import { download, idempotencyKey, refusalOf, type Refusal } from '../api';
import { Bi, Loading, PageHeading, RefusalMessage, Status, Field, Section } from '../components/ui';
import { formatDay, vietnamDay } from '../format/dates';
import { hasRole, useSession } from '../session-context';
import { Table } from '../components/table';

interface MetricReport {
  metric: string;
  label: string;
  labelEn: string;
  achieved: number;
  targets: { issuerName: string; target: number; percent?: number; status: string }[];
  sentence: { vi: string; en: string };
}
interface UnitReport {
  unitId: string;
  name: string;
  requested: boolean;
  status: string;
  metrics: MetricReport[];
}
interface QuotaReport {
  unitId: string;
  period: string;
  range: { from: string; to: string };
  today: string;
  units: UnitReport[];
}

/**
 * The quota report (GET /reports/quotas): the report sentence for each metric, a bar chart of
 * what was achieved against the target, each child unit's standing, CSV and XLSX downloads, and
 * for administrators the targets import (POST /quotas/import, a CSV file).
 */
export function Quotas() {
  const { api, officer, config, token } = useSession();
  const [query, setQuery] = useState({
    unit: officer.unitId,
    period: vietnamDay(Date.now()).slice(0, 4),
  });
  const [report, setReport] = useState<QuotaReport>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [imported, setImported] = useState<{ vi: string; en: string }>();
  const [importRefusal, setImportRefusal] = useState<Refusal>();

  const load = async () => {
    const { data, error, response } = await api.GET('/reports/quotas', {
      params: { query: { unit: query.unit, period: query.period } },
    });
    if (!data) return setRefusal(refusalOf(error, response));
    setRefusal(undefined);
    setReport(data as unknown as QuotaReport);
  };
  useEffect(() => void load(), [query]);

  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    setQuery({ unit: String(form.get('unit')).trim(), period: String(form.get('period')).trim() });
  };
  const fetchFile = async (path: string, name: string) =>
    setRefusal(await download(config, token, path, name));
  const search = new URLSearchParams(query).toString();

  const importTargets = async (event: Event) => {
    event.preventDefault();
    const file = (event.target as HTMLFormElement).querySelector<HTMLInputElement>(
      'input[type=file]',
    )!.files?.[0];
    if (!file) return;
    const { data, error, response } = await api.POST('/quotas/import', {
      params: { header: { 'Idempotency-Key': idempotencyKey() } },
      headers: { 'content-type': 'text/csv' },
      body: await file.text(),
      bodySerializer: (body: unknown) => body as string,
    });
    if (!data) {
      setImported(undefined);
      return setImportRefusal(refusalOf(error, response));
    }
    setImportRefusal(undefined);
    setImported({
      vi: `Đã nhập ${data.count} chỉ tiêu.`,
      en: `Imported ${data.count} targets.`,
    });
    await load();
  };

  const own = report?.units.find((u) => u.requested) ?? report?.units[0];
  return (
    <>
      <PageHeading vi="Báo cáo thực hiện chỉ tiêu" en="Quota report" />
      <form class="filters" onSubmit={submit}>
        <Field htmlFor="quota-unit" vi="Mã đơn vị" en="Unit id">
          <input id="quota-unit" name="unit" type="text" value={query.unit} required />
        </Field>
        <Field
          htmlFor="quota-period"
          vi="Kỳ (2025, 2025-H1, 2025-Q1)"
          en="Period (2025, 2025-H1, 2025-Q1)"
        >
          <input id="quota-period" name="period" type="text" value={query.period} required />
        </Field>
        <button type="submit">
          <Bi vi="Xem" en="Show" />
        </button>
      </form>
      <RefusalMessage refusal={refusal} />
      {!report && !refusal && <Loading />}
      {report && own && (
        <>
          <p class="muted">
            <Bi
              vi={`${own.name}, kỳ ${report.period}: từ ${formatDay(report.range.from)} đến ${formatDay(report.range.to)}`}
              en={`${own.name}, period ${report.period}: ${formatDay(report.range.from)} to ${formatDay(report.range.to)}`}
            />
          </p>
          <Section id="sentences" vi="Kết quả" en="Attainment">
            <ul class="sentences" data-testid="report-sentences">
              {own.metrics.map((m) => (
                <li key={m.metric} data-metric={m.metric}>
                  <span lang="vi">{m.sentence.vi}</span>
                  <br />
                  <span class="en" lang="en">
                    {m.sentence.en}
                  </span>
                </li>
              ))}
            </ul>
            <AttainmentChart unit={own} />
          </Section>
          {report.units.length > 1 && <ChildUnits units={report.units.filter((u) => u !== own)} />}
          <Section id="downloads" vi="Tải về" en="Download">
            <div class="toolbar">
              {[
                {
                  path: `/reports/quotas?${search}&format=csv`,
                  file: 'bao-cao.csv',
                  vi: 'Báo cáo CSV',
                  en: 'Report CSV',
                },
                {
                  path: `/reports/quotas?${search}&format=xlsx`,
                  file: 'bao-cao.xlsx',
                  vi: 'Báo cáo Excel (XLSX)',
                  en: 'Report XLSX',
                },
                {
                  path: `/quotas/export?${search}`,
                  file: 'chi-tieu.csv',
                  vi: 'Chỉ tiêu CSV',
                  en: 'Targets CSV',
                },
              ].map(({ path, file, vi, en }) => (
                <button
                  key={file}
                  type="button"
                  class="secondary"
                  onClick={() => void fetchFile(path, file)}
                >
                  <Bi vi={vi} en={en} />
                </button>
              ))}
            </div>
          </Section>
        </>
      )}
      {hasRole(officer, 'admin') && (
        <Section id="import" vi="Nhập chỉ tiêu" en="Import targets">
          <p class="muted">
            <Bi
              vi="Tệp CSV UTF-8, cột: don_vi, ky, chi_tieu, co_quan_giao, ten_co_quan_giao, loai, gia_tri. Tất cả các dòng hoặc không dòng nào."
              en="UTF-8 CSV, columns: unit_id, period, metric, issuer_id, issuer_name, kind, value. All rows or none."
            />
          </p>
          <form class="filters" onSubmit={importTargets}>
            <Field htmlFor="quota-file" vi="Tệp chỉ tiêu" en="Targets file">
              <input id="quota-file" name="file" type="file" accept=".csv,text/csv" required />
            </Field>
            <button type="submit" data-testid="import-submit">
              <Bi vi="Nhập" en="Import" />
            </button>
          </form>
          <Status>{imported && <Bi {...imported} />}</Status>
          <RefusalMessage refusal={importRefusal} />
        </Section>
      )}
    </>
  );
}

/**
 * Achieved against target for each metric, as horizontal bars. The SVG is one image with a
 * text alternative; the same figures are in the sentences above it.
 */
function AttainmentChart({ unit }: { unit: UnitReport }) {
  const rows = unit.metrics.map((m) => ({
    label: m.label,
    achieved: m.achieved,
    target: m.targets.reduce((sum, t) => sum + t.target, 0),
  }));
  const max = Math.max(1, ...rows.flatMap((r) => [r.achieved, r.target]));
  const width = 360;
  const rowHeight = 44;
  const description = rows
    .map((r) => `${r.label}: ${r.achieved}${r.target ? `/${r.target}` : ''}`)
    .join('; ');
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width + 80} ${rows.length * rowHeight + 10}`}
        role="img"
        aria-labelledby="chart-title chart-desc"
        data-testid="quota-chart"
      >
        <title id="chart-title">Đã đạt so với chỉ tiêu / Achieved against target</title>
        <desc id="chart-desc">{description}</desc>
        {rows.map((r, i) => {
          const y = i * rowHeight + 4;
          return (
            <g key={r.label}>
              <text x="0" y={y + 14} class="chart-label">
                {r.label}
              </text>
              {r.target > 0 && (
                <rect
                  x="0"
                  y={y + 20}
                  width={(r.target / max) * width}
                  height="16"
                  class="chart-target"
                />
              )}
              <rect
                x="0"
                y={y + 20}
                width={(r.achieved / max) * width}
                height="16"
                class="chart-achieved"
              />
              <text
                x={(Math.max(r.achieved, r.target) / max) * width + 6}
                y={y + 33}
                class="chart-value"
              >
                {r.target ? `${r.achieved}/${r.target}` : r.achieved}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="legend achieved" aria-hidden="true" /> <Bi vi="Đã đạt" en="Achieved" />{' '}
        <span class="legend target" aria-hidden="true" /> <Bi vi="Chỉ tiêu" en="Target" />
      </figcaption>
    </figure>
  );
}

const STATUS_LABELS: Record<string, { vi: string; en: string }> = {
  ON_TRACK: { vi: 'Đúng tiến độ', en: 'On track' },
  BEHIND: { vi: 'Chậm tiến độ', en: 'Behind' },
  NO_TARGET: { vi: 'Chưa giao chỉ tiêu', en: 'No target' },
};

function ChildUnits({ units }: { units: UnitReport[] }) {
  return (
    <Section id="children" vi="Các đơn vị trực thuộc" en="Units below">
      <Table
        columns={[
          { vi: 'Đơn vị', en: 'Unit' },
          { vi: 'Tình hình', en: 'Status' },
          { vi: 'Kết nạp', en: 'Admitted' },
        ]}
      >
        {units.map((u) => {
          const admitted = u.metrics.find((m) => m.metric === 'ADMITTED');
          const target = admitted?.targets.reduce((s, t) => s + t.target, 0) ?? 0;
          return (
            <tr key={u.unitId}>
              <th scope="row">{u.name}</th>
              <td>
                <Bi {...(STATUS_LABELS[u.status] ?? { vi: u.status, en: u.status })} />
              </td>
              <td>{admitted ? `${admitted.achieved}${target ? `/${target}` : ''}` : '—'}</td>
            </tr>
          );
        })}
      </Table>
    </Section>
  );
}
