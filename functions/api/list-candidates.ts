import { z } from 'zod';
import { awsCandidateStore } from '../adapters/aws-dependencies';
import { assertMayReadCandidates, isInScope } from '../domain/access';
import { parseOrRefuse } from '../domain/parse';
import { HUMAN_STAGE_IDS, TERMINAL_STAGE_IDS } from '../domain/pipeline';
import { refuse } from '../domain/refusal';
import { callerOf } from '../http/caller-of';
import { httpRoute } from '../http/http-route';
import { json } from '../http/response';

const store = awsCandidateStore();

const listQuery = z.strictObject({
  unit: z.string().trim().min(1).max(64),
  stage: z.enum([...HUMAN_STAGE_IDS, ...TERMINAL_STAGE_IDS]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2048).optional(),
});

/** GET /candidates?unit=&stage=&limit=&cursor=: one page of a unit's candidates. */
export const handler = httpRoute(async (event) => {
  const caller = callerOf(event);
  assertMayReadCandidates(caller);
  const query = parseOrRefuse(listQuery, event.queryStringParameters ?? {}, {
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
