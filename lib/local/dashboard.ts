/**
 * The local quota dashboard, served beside the API like the inbox:
 *
 *   GET /dashboard?unit=hn&period=2025-H1
 *
 * The quota table, the chart and the funnel are `renderQuotaWidget` — the same renderer the
 * CloudWatch custom widget function returns — wrapped in a page with a unit and period filter.
 * Local only and read only (figures, no personal data), like the inbox it needs no token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbQuotaStore } from '../../functions/adapters/dynamodb-quota-store';
import { currentPeriods, vietnamToday } from '../../functions/domain/quota/report';
import { escapeHtml, renderDashboardPage } from '../../functions/http/quota-dashboard';
import { quotaReport, unitTree } from '../../functions/services/quota-ledger';

export type DashboardHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const HEADERS = {
  // No script at all; inline styles only.
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Content-Type': 'text/html; charset=utf-8',
};

export function createDashboardHandler(options: {
  documents: DynamoDBDocumentClient;
  tableName: string;
  now?: () => Date;
}): DashboardHandler {
  const quotas = new DynamoDbQuotaStore(options.documents, options.tableName);
  const now = options.now ?? (() => new Date());
  const deps = { quotas, now };
  const send = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { ...HEADERS, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.replace(/\/+$/, '') !== '/dashboard') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, '<p>Chỉ hỗ trợ GET / only GET</p>');
      return true;
    }
    void (async () => {
      const today = vietnamToday(now());
      const { year, half, quarter } = currentPeriods(today);
      const units = await unitTree(quotas);
      const unit = url.searchParams.get('unit')?.trim() || units[0]?.id;
      const period = url.searchParams.get('period')?.trim() || year;
      if (!unit) return send(res, 200, '<p>Chưa có đơn vị nào / no units yet</p>');
      const report = await quotaReport(deps, undefined, { unit, period, today });
      const y = Number(year);
      const periods = [
        year,
        half,
        quarter,
        `${y}-H1`,
        `${y}-H2`,
        `${y - 1}`,
        `TERM-${y - (y % 5)}-${y - (y % 5) + 5}`,
      ].filter((p, i, all) => all.indexOf(p) === i);
      send(res, 200, renderDashboardPage(report, { units, periods }));
    })().catch((error: Error) => {
      const status = error.name === 'Refusal' ? 400 : 500;
      if (!res.headersSent) {
        send(
          res,
          status,
          `<p>Không lập được báo cáo / report failed: ${escapeHtml(error.message)}</p>`,
        );
      }
    });
    return true;
  };
}
