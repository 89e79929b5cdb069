import { awsQuotaStore } from '../adapters/dynamodb-quota-store';
import { parseOrRefuse } from '../domain/parse';
import { callerOf } from '../http/caller-of';
import { ROUTES } from '../http/contract/routes';
import { httpRoute } from '../http/http-route';
import { quotaReportCsv, quotaReportXlsx, reportFileName } from '../http/quota-report-export';
import { download, json } from '../http/response';
import { XLSX_CONTENT_TYPE } from '../http/xlsx';
import { type QuotaDeps, quotaReport } from '../services/quota-ledger';

const deps: QuotaDeps = { quotas: awsQuotaStore(), now: () => new Date() };

/**
 * GET /reports/quotas?unit=&period=&format=json|csv|xlsx: attainment per issuer and metric, pace,
 * the report sentence and the funnel, for a unit and its children.
 */
export const handler = httpRoute(async (event) => {
  const caller = callerOf(event);
  const query = parseOrRefuse(
    ROUTES['GET /reports/quotas'].query,
    event.queryStringParameters ?? {},
    {
      code: 'INVALID_QUERY',
    },
  );
  const report = await quotaReport(deps, caller, query);
  if (query.format === 'csv') {
    return download('text/csv; charset=utf-8', quotaReportCsv(report), {
      filename: reportFileName(report, 'csv'),
    });
  }
  if (query.format === 'xlsx') {
    return download(XLSX_CONTENT_TYPE, quotaReportXlsx(report).toString('base64'), {
      filename: reportFileName(report, 'xlsx'),
      base64: true,
    });
  }
  return json(200, report);
});
