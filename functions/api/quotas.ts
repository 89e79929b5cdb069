import { awsQuotaStore } from '../adapters/dynamodb-quota-store';
import { assertMayManageQuotas } from '../domain/access';
import { ROUTES } from '../http/contract/routes';
import { csvBody } from '../http/csv-body';
import { idempotentHttpApi } from '../http/idempotent-http-api';
import { download, json } from '../http/response';
import { on } from '../http/route-binding';
import {
  assertTargetCountWithinLimit,
  exportTargetsCsv,
  importTargetsCsv,
  listTargets,
  type QuotaDeps,
  saveTargets,
} from '../services/quota-ledger';

const deps: QuotaDeps = { quotas: awsQuotaStore(), now: () => new Date() };

/**
 * The quota ledger (administrators write, officers read):
 *   PUT  /quotas                       JSON list of targets, one transaction (≤ 100)
 *   GET  /quotas?unit=&period=         a unit's targets
 *   POST /quotas/import                CSV (text/csv), all rows or none, errors by line
 *   GET  /quotas/export?unit=&period=  CSV of the unit's and its children's targets
 */
export const handler = idempotentHttpApi(
  on(ROUTES['PUT /quotas'], {
    // A role that may not enter targets learns that before anything about its request.
    authorize: assertMayManageQuotas,
    // The same clear refusal as a large import, before validating rows nobody will write.
    checkBody: (raw) => {
      if (Array.isArray(raw)) assertTargetCountWithinLimit(raw.length);
    },
    handle: async ({ caller, body }) => json(200, await saveTargets(deps, caller, body)),
  }),
  on(ROUTES['POST /quotas/import'], {
    authorize: assertMayManageQuotas,
    readBody: csvBody,
    handle: async ({ caller, body }) => json(200, await importTargetsCsv(deps, caller, body)),
  }),
  on(ROUTES['GET /quotas/export'], {
    handle: async ({ caller, query }) =>
      download('text/csv; charset=utf-8', await exportTargetsCsv(deps, caller, query), {
        filename: `chi-tieu-${query.unit}${query.period ? `-${query.period}` : ''}.csv`,
      }),
  }),
  on(ROUTES['GET /quotas'], {
    handle: async ({ caller, query }) => {
      const items = await listTargets(deps, caller, query);
      return json(200, { unit: query.unit, period: query.period, items });
    },
  }),
);
