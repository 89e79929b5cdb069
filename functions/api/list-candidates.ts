import { awsCandidateStore } from '../adapters/aws-dependencies';
import { assertMayReadCandidates, isInScope } from '../domain/access';
import { parseOrRefuse } from '../domain/parse';
import { refuse } from '../domain/refusal';
import { callerOf } from '../http/caller-of';
import { ROUTES } from '../http/contract/routes';
import { httpRoute } from '../http/http-route';
import { json } from '../http/response';

const store = awsCandidateStore();

/** GET /candidates?unit=&stage=&limit=&cursor=: one page of a unit's candidates. */
export const handler = httpRoute(async (event) => {
  const caller = callerOf(event);
  assertMayReadCandidates(caller);
  const query = parseOrRefuse(ROUTES['GET /candidates'].query, event.queryStringParameters ?? {}, {
    code: 'INVALID_QUERY',
  });
  const unit = await store.getUnit(query.unit, new Date().toISOString().slice(0, 10));
  if (!unit || !isInScope(caller, unit.path)) {
    refuse('not-found', {
      code: 'UNIT_NOT_FOUND',
      message: `Không tìm thấy đơn vị ${query.unit}`,
      message_en: `Unit ${query.unit} not found`,
      field: 'unit',
    });
  }
  const page = await store.listCandidates({
    unitId: query.unit,
    stage: query.stage,
    limit: query.limit,
    cursor: query.cursor,
  });
  return json(200, page);
});
