import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { awsQuotaStore, MAX_TARGETS_PER_WRITE } from '../adapters/dynamodb-quota-store';
import { assertMayManageQuotas } from '../domain/access';
import { parseOrRefuse } from '../domain/parse';
import { type QuotaTarget } from '../domain/quota/target';
import { refuse } from '../domain/refusal';
import { callerOf } from '../http/caller-of';
import { ROUTES } from '../http/contract/routes';
import { httpRoute } from '../http/http-route';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { idempotentCommand } from '../http/idempotent-command';
import { bodyText, jsonBody } from '../http/json-body';
import { download, json } from '../http/response';
import {
  exportTargetsCsv,
  importTargetsCsv,
  listTargets,
  type QuotaDeps,
  saveTargets,
} from '../services/quota-ledger';

const deps: QuotaDeps = { quotas: awsQuotaStore(), now: () => new Date() };

const save = idempotentCommand<{ targets: QuotaTarget[] }>(async ({ body }, caller) =>
  json(200, await saveTargets(deps, caller, body.targets)),
);
const importCsv = idempotentCommand<{ csv: string }>(async ({ body }, caller) =>
  json(200, await importTargetsCsv(deps, caller, body.csv)),
);

function csvBody(event: APIGatewayProxyEventV2): string {
  const raw = bodyText(event);
  if (!raw.trim()) {
    refuse('invalid', {
      code: 'MISSING_BODY',
      message: 'Thiếu nội dung tệp CSV',
      message_en: 'The request has no CSV body',
      field: 'body',
    });
  }
  const contentType = event.headers?.['content-type'] ?? '';
  if (!/^(text\/csv|text\/plain|application\/csv)\b/i.test(contentType)) {
    refuse('invalid', {
      code: 'UNSUPPORTED_CONTENT_TYPE',
      message: 'Nội dung phải là text/csv',
      message_en: 'The body must be text/csv',
      field: 'content-type',
    });
  }
  return raw;
}

/**
 * The quota ledger (administrators write, officers read):
 *   PUT  /quotas                       JSON list of targets, one transaction (≤ 100)
 *   GET  /quotas?unit=&period=         a unit's targets
 *   POST /quotas/import                CSV (text/csv), all rows or none, errors by line
 *   GET  /quotas/export?unit=&period=  CSV of the unit's and its children's targets
 */
export const handler = httpRoute(async (event, context) => {
  const caller = callerOf(event);
  // A role that may not enter targets learns that before anything about its request.
  if (event.requestContext.http.method !== 'GET') assertMayManageQuotas(caller);
  switch (event.routeKey) {
    case 'PUT /quotas': {
      const key = idempotencyKeyOf(event);
      const body = jsonBody(event);
      if (Array.isArray(body) && body.length > MAX_TARGETS_PER_WRITE) {
        // The same clear refusal as a large import, before validating rows nobody will write.
        await saveTargets(deps, caller, body as never);
      }
      const targets = parseOrRefuse(ROUTES['PUT /quotas'].body.schema, body, {
        code: 'INVALID_BODY',
      });
      return save({ key: `PUT /quotas ${key}`, body: { targets } }, caller, context);
    }
    case 'POST /quotas/import': {
      const key = idempotencyKeyOf(event);
      return importCsv(
        { key: `POST /quotas/import ${key}`, body: { csv: csvBody(event) } },
        caller,
        context,
      );
    }
    case 'GET /quotas/export': {
      const query = parseOrRefuse(
        ROUTES['GET /quotas/export'].query,
        event.queryStringParameters ?? {},
        {
          code: 'INVALID_QUERY',
        },
      );
      return download('text/csv; charset=utf-8', await exportTargetsCsv(deps, caller, query), {
        filename: `chi-tieu-${query.unit}${query.period ? `-${query.period}` : ''}.csv`,
      });
    }
    default: {
      const query = parseOrRefuse(ROUTES['GET /quotas'].query, event.queryStringParameters ?? {}, {
        code: 'INVALID_QUERY',
      });
      const items = await listTargets(deps, caller, query);
      return json(200, { unit: query.unit, period: query.period, items });
    }
  }
});
