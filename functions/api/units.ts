import { awsOrgStore } from '../adapters/dynamodb-org-store';
import { assertMayAdministerUnits } from '../domain/access';
import { ROUTES } from '../http/contract/routes';
import { contentETag } from '../http/etag';
import { idempotentHttpApi } from '../http/idempotent-http-api';
import { json } from '../http/response';
import { on } from '../http/route-binding';
import { unitImportRows } from '../http/unit-import-body';
import {
  createUnit,
  getUnitOn,
  importUnits,
  moveUnit,
  type OrgDeps,
  retireUnit,
} from '../services/org-units';

const deps: OrgDeps = { org: awsOrgStore(), now: () => new Date() };

// A role that may not change the tree learns that before anything about its request.
const authorize = assertMayAdministerUnits;

/**
 * The organisation tree (administrators write inside their subtree, officers read):
 *   POST /units                     create a unit under a parent, from a date
 *   POST /units/import              CSV (text/csv) or JSON list, all rows or none, errors by line
 *   POST /units/{id}/moves          new parent from a date (descendants' paths follow)
 *   POST /units/{id}/retirement     abolished from a date
 *   GET  /units/{id}?on=YYYY-MM-DD  the version in force that day (default: today)
 */
export const handler = idempotentHttpApi(
  on(ROUTES['POST /units'], {
    authorize,
    handle: async ({ caller, body }) => json(201, await createUnit(deps, caller, body)),
  }),
  on(ROUTES['POST /units/import'], {
    authorize,
    readBody: unitImportRows,
    handle: async ({ caller, body }) => json(200, await importUnits(deps, caller, body)),
  }),
  on(ROUTES['POST /units/{id}/moves'], {
    authorize,
    handle: async ({ caller, path: { id }, body }) =>
      json(200, await moveUnit(deps, caller, id, body)),
  }),
  on(ROUTES['POST /units/{id}/retirement'], {
    authorize,
    handle: async ({ caller, path: { id }, body }) =>
      json(200, await retireUnit(deps, caller, id, body)),
  }),
  on(ROUTES['GET /units/{id}'], {
    handle: async ({ caller, path: { id }, query }) => {
      const unit = await getUnitOn(deps, caller, id, query.on);
      return json(200, unit, { etag: contentETag(unit) });
    },
  }),
);
