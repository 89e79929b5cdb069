import type { z } from 'zod';
import { awsDependencies } from '../adapters/aws-dependencies';
import { awsClassStore } from '../adapters/dynamodb-class-store';
import { assertMayOrganiseClasses } from '../domain/access';
import { assertBulkShape, type ClassResultsRequest } from '../domain/bulk';
import { parseOrRefuse } from '../domain/parse';
import { type ClassDefinition } from '../domain/training-class';
import { callerOf } from '../http/caller-of';
import { ROUTES } from '../http/contract/routes';
import { httpRoute } from '../http/http-route';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { bulkAnswer } from '../http/bulk-response';
import { idempotentCommand } from '../http/idempotent-command';
import { jsonBody } from '../http/json-body';
import { json } from '../http/response';
import {
  type ClassDependencies,
  classView,
  createClass,
  enrolCandidates,
  listClasses,
  recordClassResults,
} from '../services/training-classes';

const deps: ClassDependencies = { ...awsDependencies(), classes: awsClassStore() };

const create = idempotentCommand<ClassDefinition & { idempotencyKey: string }>(
  async ({ body: { idempotencyKey, ...definition } }, caller) => {
    const created = await createClass(deps, caller, definition, idempotencyKey);
    return json(201, created, { location: `/classes/${created.id}` });
  },
);
const enrol = idempotentCommand<{ classId: string; candidateIds: string[] }>(
  async ({ key, body }, caller) =>
    bulkAnswer(await enrolCandidates(deps, caller, body.classId, body.candidateIds, key)),
);
const results = idempotentCommand<{ classId: string } & ClassResultsRequest>(
  async ({ key, body: { classId, ...request } }, caller) =>
    bulkAnswer(await recordClassResults(deps, caller, classId, request, key)),
);

type Params = z.infer<(typeof ROUTES)['GET /classes/{id}']['params']>;

/**
 * Awareness classes (lớp bồi dưỡng nhận thức về Đảng):
 *   POST /classes                    a committee opens a class (organiser, dates, capacity, place)
 *   GET  /classes?organiser=         an organiser's classes, latest first
 *   GET  /classes/{id}               the class, its roster and figures ("26/37")
 *   POST /classes/{id}/enrolments    enrol many candidates (bulk, one result per candidate)
 *   POST /classes/{id}/results       the whole class's results (bulk, one result per candidate)
 */
export const handler = httpRoute(async (event, context) => {
  const caller = callerOf(event);
  const id = (): Params['id'] =>
    parseOrRefuse(ROUTES['GET /classes/{id}'].params, event.pathParameters ?? {}, {
      code: 'INVALID_PATH',
    }).id;
  switch (event.routeKey) {
    case 'POST /classes': {
      // A role that may not open classes learns that before anything about its request.
      assertMayOrganiseClasses(caller);
      const idempotencyKey = idempotencyKeyOf(event);
      const body = parseOrRefuse(ROUTES['POST /classes'].body.schema, jsonBody(event), {
        code: 'INVALID_BODY',
      });
      return create(
        { key: `POST /classes ${idempotencyKey}`, body: { ...body, idempotencyKey } },
        caller,
        context,
      );
    }
    case 'POST /classes/{id}/enrolments': {
      const key = idempotencyKeyOf(event);
      const raw = jsonBody(event);
      assertBulkShape(raw, 'candidateIds', (candidateId) => candidateId);
      const body = parseOrRefuse(ROUTES['POST /classes/{id}/enrolments'].body.schema, raw, {
        code: 'INVALID_BODY',
      });
      return enrol(
        { key: `POST /classes/${id()}/enrolments ${key}`, body: { classId: id(), ...body } },
        caller,
        context,
      );
    }
    case 'POST /classes/{id}/results': {
      const key = idempotencyKeyOf(event);
      const raw = jsonBody(event);
      assertBulkShape(raw, 'results', (r) => (r as { candidateId?: unknown })?.candidateId);
      const body = parseOrRefuse(ROUTES['POST /classes/{id}/results'].body.schema, raw, {
        code: 'INVALID_BODY',
      });
      return results(
        { key: `POST /classes/${id()}/results ${key}`, body: { classId: id(), ...body } },
        caller,
        context,
      );
    }
    case 'GET /classes': {
      const query = parseOrRefuse(ROUTES['GET /classes'].query, event.queryStringParameters ?? {}, {
        code: 'INVALID_QUERY',
      });
      return json(200, await listClasses(deps, caller, query));
    }
    default:
      return json(200, await classView(deps, caller, id()));
  }
});
