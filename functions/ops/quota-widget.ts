import { awsQuotaStore } from '../adapters/dynamodb-quota-store';
import { currentPeriods, vietnamToday } from '../domain/quota/report';
import { escapeHtml, renderQuotaWidget } from '../http/quota-dashboard';
import { parsedHandler } from '../observability/lambda-handler';
import { type QuotaDeps, quotaReport } from '../services/quota-ledger';
import { type CustomWidgetEvent, customWidgetEvent } from './inputs';

const deps: QuotaDeps = { quotas: awsQuotaStore(), now: () => new Date() };

const DOCS = `## Quota table (chỉ tiêu)
Renders the per-unit quota table, the pace and the funnel of one unit and its children.
Params: \`unit\` (default: the first top-level unit), \`period\` (default: the current year),
e.g. \`{"unit": "hn", "period": "2025-H1"}\`.`;

/**
 * CloudWatch custom widget: returns the HTML of the per-unit quota table — the very renderer
 * (`renderQuotaWidget`) the local runtime's /dashboard uses.
 */
export const handler = parsedHandler(customWidgetEvent, async (event): Promise<string> => {
  if (event.describe) return DOCS;
  const params = { ...event.widgetContext?.params, ...pick(event) };
  const today = vietnamToday(deps.now());
  const period = params.period ?? currentPeriods(today).year;
  const unit = params.unit ?? (await deps.quotas.childrenOf(undefined))[0]?.id;
  if (!unit) return '<p>Chưa có đơn vị nào / no units yet</p>';
  try {
    return renderQuotaWidget(await quotaReport(deps, undefined, { unit, period, today }));
  } catch (error) {
    return `<p>Không lập được báo cáo / report failed: ${escapeHtml((error as Error).message)}</p>`;
  }
});

function pick(event: CustomWidgetEvent): { unit?: string; period?: string } {
  return {
    ...(event.unit ? { unit: event.unit } : {}),
    ...(event.period ? { period: event.period } : {}),
  };
}
