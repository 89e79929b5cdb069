import { awsQuotaStore } from '../adapters/dynamodb-quota-store';
import { ROUTES } from '../http/contract/routes';
import { httpApi } from '../http/http-api';
import { quotaReportCsv, quotaReportXlsx, reportFileName } from '../http/quota-report-export';
import { download, json } from '../http/response';
import { on } from '../http/route-binding';
import { XLSX_CONTENT_TYPE } from '../http/xlsx';
import { type QuotaDeps, quotaReport } from '../services/quota-ledger';

const deps: QuotaDeps = { quotas: awsQuotaStore(), now: () => new Date() };

/**
 * GET /reports/quotas?unit=&period=&format=json|csv|xlsx: attainment per issuer and metric, pace,
 * the report sentence and the funnel, for a unit and its children.
 */
export const handler = httpApi(
  on(ROUTES['GET /reports/quotas'], {
    handle: async ({ caller, query }) => {
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
    },
  }),
);
