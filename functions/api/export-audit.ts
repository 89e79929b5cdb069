import { awsCandidateStore } from '../adapters/aws-candidate-store';
import { type AuditEvent } from '../adapters/candidate-store';
import { assertMayExportAudit, isInScope } from '../domain/access';
import { unitNotFound } from '../domain/unit-not-found';
import { ROUTES } from '../http/contract/routes';
import { httpApi } from '../http/http-api';
import { download, json } from '../http/response';
import { on } from '../http/route-binding';
import { auditCsv } from '../http/audit-csv';

const store = awsCandidateStore();

/**
 * GET /audit?unit=&from=&to=&format=json|csv: every command in a unit's subtree over a period —
 * who (user, name, role, unit), when, what, the idempotency key, source IP and user agent.
 */
export const handler = httpApi(
  on(ROUTES['GET /audit'], {
    authorize: assertMayExportAudit,
    handle: async ({ caller, query }) => {
      const unit = await store.getUnit(query.unit, query.to);
      if (!unit || !isInScope(caller, unit.path)) unitNotFound(query.unit, 'unit');
      const events: AuditEvent[] = [];
      for await (const e of store.listAuditEvents({
        unitId: query.unit,
        from: query.from,
        to: query.to,
      })) {
        events.push(e);
      }
      if (query.format === 'csv') {
        return download('text/csv; charset=utf-8', auditCsv(events), {
          filename: `audit-${query.unit}-${query.from}-${query.to}.csv`,
        });
      }
      return json(200, { unit: query.unit, from: query.from, to: query.to, items: events });
    },
  }),
);
