import { z } from 'zod';
import { awsCandidateStore } from '../adapters/aws-dependencies';
import { AuditEvent } from '../adapters/candidate-store';
import { assertMayExportAudit, isInScope } from '../domain/access';
import { parseOrRefuse } from '../domain/parse';
import { refuse } from '../domain/refusal';
import { callerOf } from '../http/caller-of';
import { httpRoute } from '../http/http-route';
import { json } from '../http/response';
import { auditCsv } from '../http/audit-csv';

const store = awsCandidateStore();

const MAX_DAYS = 366;

const auditQuery = z
  .strictObject({
    unit: z.string().trim().min(1).max(64),
    from: z.iso.date(),
    to: z.iso.date(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => q.from <= q.to, {
    path: ['to'],
    message: 'Ngày kết thúc phải sau ngày bắt đầu | "to" must not be before "from"',
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_DAYS * 86_400_000, {
    path: ['to'],
    message: `Mỗi lần xuất tối đa ${MAX_DAYS} ngày | At most ${MAX_DAYS} days per export`,
  });

/**
 * GET /audit?unit=&from=&to=&format=json|csv: every command in a unit's subtree over a period —
 * who (user, name, role, unit), when, what, the idempotency key, source IP and user agent.
 */
export const handler = httpRoute(async (event) => {
  const caller = callerOf(event);
  assertMayExportAudit(caller);
  const query = parseOrRefuse(auditQuery, event.queryStringParameters ?? {}, {
    code: 'INVALID_QUERY',
  });
  const unit = await store.getUnit(query.unit, query.to);
  if (!unit || !isInScope(caller, unit.path)) {
    refuse('not-found', {
      code: 'UNIT_NOT_FOUND',
      message: `Không tìm thấy đơn vị ${query.unit}`,
      message_en: `Unit ${query.unit} not found`,
      field: 'unit',
    });
  }
  const events: AuditEvent[] = [];
  for await (const e of store.listAuditEvents({
    unitId: query.unit,
    from: query.from,
    to: query.to,
  })) {
    events.push(e);
  }
  if (query.format === 'csv') {
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-${query.unit}-${query.from}-${query.to}.csv"`,
      },
      body: auditCsv(events),
    };
  }
  return json(200, { unit: query.unit, from: query.from, to: query.to, items: events });
});
