import { awsDependencies } from '../adapters/aws-dependencies';
import { awsClassStore } from '../adapters/dynamodb-class-store';
import { assertMayOrganiseClasses } from '../domain/access';
import { assertBulkShape } from '../domain/bulk';
import { bulkAnswer } from '../http/bulk-response';
import { ROUTES } from '../http/contract/routes';
import { idempotentHttpApi } from '../http/idempotent-http-api';
import { json } from '../http/response';
import { on } from '../http/route-binding';
import {
  type ClassDependencies,
  classView,
  createClass,
  enrolCandidates,
  listClasses,
  recordClassResults,
} from '../services/training-classes';

const deps: ClassDependencies = { ...awsDependencies(), classes: awsClassStore() };

/**
 * Awareness classes (lớp bồi dưỡng nhận thức về Đảng):
 *   POST /classes                    a committee opens a class (organiser, dates, capacity, place)
 *   GET  /classes?organiser=         an organiser's classes, latest first
 *   GET  /classes/{id}               the class, its roster and figures ("26/37")
 *   POST /classes/{id}/enrolments    enrol many candidates (bulk, one result per candidate)
 *   POST /classes/{id}/results       the whole class's results (bulk, one result per candidate)
 */
export const handler = idempotentHttpApi(
  on(ROUTES['POST /classes'], {
    // A role that may not open classes learns that before anything about its request.
    authorize: assertMayOrganiseClasses,
    handle: async ({ caller, body, idempotencyKey }) => {
      const created = await createClass(deps, caller, body, idempotencyKey);
      return json(201, created, { location: `/classes/${created.id}` });
    },
  }),
  on(ROUTES['GET /classes'], {
    handle: async ({ caller, query }) => json(200, await listClasses(deps, caller, query)),
  }),
  on(ROUTES['GET /classes/{id}'], {
    handle: async ({ caller, path: { id } }) => json(200, await classView(deps, caller, id)),
  }),
  on(ROUTES['POST /classes/{id}/enrolments'], {
    checkBody: (raw) => assertBulkShape(raw, 'candidateIds', (candidateId) => candidateId),
    handle: async ({ caller, path: { id }, body, commandKey }) =>
      bulkAnswer(await enrolCandidates(deps, caller, id, body.candidateIds, commandKey)),
  }),
  on(ROUTES['POST /classes/{id}/results'], {
    checkBody: (raw) =>
      assertBulkShape(raw, 'results', (r) => (r as { candidateId?: unknown })?.candidateId),
    handle: async ({ caller, path: { id }, body, commandKey }) =>
      bulkAnswer(await recordClassResults(deps, caller, id, body, commandKey)),
  }),
);
