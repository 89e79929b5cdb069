import { awsCandidateStore } from '../adapters/aws-candidate-store';
import { awsExportFilesOnFirstUse } from '../adapters/aws-export-files-on-first-use';
import { assertMayExportAudit } from '../domain/access';
import { ROUTES } from '../http/contract/routes';
import { httpApi } from '../http/http-api';
import { download, json } from '../http/response';
import { on } from '../http/route-binding';
import { auditCsv } from '../http/audit-csv';
import { auditFile, auditPage, type AuditExportDeps } from '../services/audit-export';

const deps: AuditExportDeps = { trail: awsCandidateStore(), files: awsExportFilesOnFirstUse() };
const CSV = { contentType: 'text/csv; charset=utf-8', extension: 'csv', render: auditCsv };

/**
 * GET /audit?unit=&from=&to=&format=json|csv&limit=&cursor=: every command in a unit's subtree
 * over a period — who (user, name, role, unit), when, what, the idempotency key, source IP and
 * user agent. JSON is paged; CSV is the whole period, inline up to one page, else a download link.
 */
export const handler = httpApi(
  on(ROUTES['GET /audit'], {
    authorize: assertMayExportAudit,
    handle: async ({ caller, query }) => {
      const period = { unit: query.unit, from: query.from, to: query.to };
      if (query.format === 'json') {
        const page = await auditPage(deps, caller, {
          ...period,
          limit: query.limit,
          cursor: query.cursor,
        });
        return json(200, { ...period, ...page });
      }
      const file = await auditFile(deps, caller, { ...period, limit: query.limit }, CSV);
      if (file.kind === 'inline') {
        return download(CSV.contentType, file.body, { filename: file.filename });
      }
      return json(200, {
        ...period,
        format: query.format,
        count: file.count,
        filename: file.filename,
        download: file.link,
      });
    },
  }),
);
