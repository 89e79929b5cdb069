import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { awsOrgStore } from '../adapters/dynamodb-org-store';
import {
  type unitDefinitionSchema,
  type unitMoveSchema,
  type unitRetirementSchema,
  unitRowsFromCsv,
} from '../domain/org-admin';
import { assertMayAdministerUnits } from '../domain/access';
import { parseOrRefuse } from '../domain/parse';
import { refuse } from '../domain/refusal';
import { callerOf } from '../http/caller-of';
import { ROUTES } from '../http/contract/routes';
import { contentETag } from '../http/etag';
import { httpRoute } from '../http/http-route';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { idempotentCommand } from '../http/idempotent-command';
import { bodyText, jsonBody } from '../http/json-body';
import { json } from '../http/response';
import {
  createUnit,
  getUnitOn,
  importUnits,
  moveUnit,
  type OrgDeps,
  retireUnit,
} from '../services/org-units';

const deps: OrgDeps = { org: awsOrgStore(), now: () => new Date() };

const create = idempotentCommand<z.infer<typeof unitDefinitionSchema>>(async ({ body }, caller) =>
  json(201, await createUnit(deps, caller, body)),
);
const move = idempotentCommand<{ id: string } & z.infer<typeof unitMoveSchema>>(
  async ({ body: { id, ...m } }, caller) => json(200, await moveUnit(deps, caller, id, m)),
);
const retire = idempotentCommand<{ id: string } & z.infer<typeof unitRetirementSchema>>(
  async ({ body: { id, ...r } }, caller) => json(200, await retireUnit(deps, caller, id, r)),
);
const importAll = idempotentCommand<{ rows: { line: number; row: unknown }[] }>(
  async ({ body }, caller) => json(200, await importUnits(deps, caller, body.rows)),
);

/** Import rows from a CSV file (text/csv) or a JSON list; each keeps its line for errors. */
function importRows(event: APIGatewayProxyEventV2): { line: number; row: unknown }[] {
  const contentType = event.headers?.['content-type'] ?? '';
  if (/^(text\/csv|application\/csv)\b/i.test(contentType)) return unitRowsFromCsv(bodyText(event));
  const body = jsonBody(event);
  if (!Array.isArray(body)) {
    return refuse('invalid', {
      code: 'INVALID_BODY',
      message: 'Nội dung phải là danh sách đơn vị (JSON) hoặc tệp CSV',
      message_en: 'The body must be a JSON list of units or a CSV file',
      field: 'body',
    });
  }
  return body.map((row, i) => ({ line: i + 1, row }));
}

/**
 * The organisation tree (administrators write inside their subtree, officers read):
 *   POST /units                     create a unit under a parent, from a date
 *   POST /units/import              CSV (text/csv) or JSON list, all rows or none, errors by line
 *   POST /units/{id}/moves          new parent from a date (descendants' paths follow)
 *   POST /units/{id}/retirement     abolished from a date
 *   GET  /units/{id}?on=YYYY-MM-DD  the version in force that day (default: today)
 */
export const handler = httpRoute(async (event, context) => {
  const caller = callerOf(event);
  // A role that may not change the tree learns that before anything about its request.
  if (event.requestContext.http.method !== 'GET') assertMayAdministerUnits(caller);
  const id = () =>
    parseOrRefuse(ROUTES['GET /units/{id}'].params, event.pathParameters ?? {}, {
      code: 'INVALID_PATH',
    }).id;
  switch (event.routeKey) {
    case 'POST /units': {
      const key = idempotencyKeyOf(event);
      const body = parseOrRefuse(ROUTES['POST /units'].body.schema, jsonBody(event), {
        code: 'INVALID_BODY',
      });
      return create({ key: `POST /units ${key}`, body }, caller, context);
    }
    case 'POST /units/import': {
      const key = idempotencyKeyOf(event);
      return importAll(
        { key: `POST /units/import ${key}`, body: { rows: importRows(event) } },
        caller,
        context,
      );
    }
    case 'POST /units/{id}/moves': {
      const key = idempotencyKeyOf(event);
      const body = parseOrRefuse(ROUTES['POST /units/{id}/moves'].body.schema, jsonBody(event), {
        code: 'INVALID_BODY',
      });
      return move(
        { key: `POST /units/${id()}/moves ${key}`, body: { id: id(), ...body } },
        caller,
        context,
      );
    }
    case 'POST /units/{id}/retirement': {
      const key = idempotencyKeyOf(event);
      const body = parseOrRefuse(
        ROUTES['POST /units/{id}/retirement'].body.schema,
        jsonBody(event),
        { code: 'INVALID_BODY' },
      );
      return retire(
        { key: `POST /units/${id()}/retirement ${key}`, body: { id: id(), ...body } },
        caller,
        context,
      );
    }
    default: {
      const query = parseOrRefuse(
        ROUTES['GET /units/{id}'].query,
        event.queryStringParameters ?? {},
        {
          code: 'INVALID_QUERY',
        },
      );
      const unit = await getUnitOn(deps, caller, id(), query.on);
      return json(200, unit, { etag: contentETag(unit) });
    }
  }
});
