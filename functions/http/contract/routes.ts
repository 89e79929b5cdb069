import { z } from 'zod';
import { nominationSchema } from '../../domain/nomination';
import { unitDefinitionSchema, unitMoveSchema, unitRetirementSchema } from '../../domain/org-admin';
import { quotaTargetSchema } from '../../domain/quota/target';
import { actionRequestSchema } from '../../domain/submission';
import { correctionSchema } from '../../services/correct-candidate';
import { approvalDecisionRequest } from '../approval-contract';
import { ErrorCode } from './error-codes';
import { defineRoute, RouteContract, routeKeyOf } from './route';
import {
  acceptedActionSchema,
  approvalDecidedSchema,
  approvalDetailsSchema,
  approvalIdParams,
  auditSchema,
  candidateIdParams,
  candidatePageSchema,
  candidateSchema,
  historySchema,
  pageQuery,
  quotaReportSchema,
  quotaTargetsSchema,
  quotaWriteSchema,
  stageSchema,
  unitIdParams,
  unitIdSchema,
  unitImportSchema,
  unitMovedSchema,
  unitSchema,
  vietnamDate,
} from './schemas';

/*
 * THE ROUTE CONTRACT REGISTRY — the officers' API as documented (OpenAPI at GET /openapi.json,
 * readable at GET /docs). lib/api.ts deploys routes; this module says what each one means.
 *
 * To add a route:
 *   1. Add an entry to ROUTES below with `defineRoute({...})`: method, path (API Gateway syntax),
 *      operationId, Vietnamese + English summary/description, `auth`, the zod schemas of its
 *      params/query/body (export them from here or from the domain; never a second copy),
 *      `idempotent: true` for a write (Idempotency-Key), responses per status with their
 *      schemas, and every refusal code it can answer (`errors`, codes from error-codes.ts).
 *   2. In the handler, parse with the same schemas: `const route = ROUTES['GET /tasks'];
 *      parseOrRefuse(route.query, event.queryStringParameters ?? {}, { code: 'INVALID_QUERY' })`.
 *   3. Deploy it in lib/api.ts. test/infra/route-contract.test.ts fails while a deployed route has
 *      no entry here or an entry has no deployed route; the e2e contract test validates the
 *      responses against the generated document.
 */

const bi = (vi: string, en: string) => ({ vi, en });

// Codes every route behind the authorizer can answer, and those of every write.
const ANY: readonly ErrorCode[] = ['UNAUTHENTICATED', 'SERVICE_UNAVAILABLE', 'INTERNAL_ERROR'];
const WRITE: readonly ErrorCode[] = [
  ...ANY,
  'MISSING_IDEMPOTENCY_KEY',
  'INVALID_IDEMPOTENCY_KEY',
  'IDEMPOTENCY_KEY_REUSED',
  'REQUEST_IN_PROGRESS',
  'MISSING_BODY',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_CONTENT_TYPE',
];
const JSON_WRITE: readonly ErrorCode[] = [...WRITE, 'INVALID_JSON', 'INVALID_BODY'];
/** What the procedure's rules can say about an action (422) — see ADMISSION-RULES.md. */
const PROCEDURE_RULES: readonly ErrorCode[] = [
  'POLICY_NOT_IN_FORCE',
  'AWARENESS_CERTIFICATE_EXPIRED',
  'AWARENESS_CERTIFICATE_NOT_YET_ISSUED',
  'BACKGROUND_RESULT_INCONSISTENT',
  'BACKGROUND_SUBJECTS_MISSING',
  'DATE_BEFORE_PREVIOUS_STEP',
  'DOSSIER_STALE',
  'CEREMONY_BEFORE_DECISION',
  'CEREMONY_LATE',
  'DECISION_DEADLINE_ALREADY_EXTENDED',
  'DECISION_DEADLINE_UNKNOWN',
  'RECOGNITION_BEFORE_PROBATION_END',
  'DOCUMENT_AFTER_MEETING',
  'SPONSORS_COMBINATION_INVALID',
  'SPONSORS_SAME_MEMBER',
  'SPONSOR_NOT_OFFICIAL_MEMBER',
  'SPONSOR_TOGETHER_TOO_SHORT',
  'SPONSOR_TRADE_UNION_NOT_MEMBER',
  'SPONSOR_YOUTH_UNION_NOT_MEMBER',
  'SPONSOR_YOUTH_UNION_OVER_AGE',
  'VOTE_RECORD_INCONSISTENT',
  'AGE_BELOW_MINIMUM',
  'AGE_ABOVE_MAXIMUM',
  'AGE_CONSENT_NOT_PRIOR',
  'DATE_INVALID',
  'LUNAR_DATE_INVALID',
  'WORKING_DAYS_COUNT_INVALID',
];

const csvExport = bi('Tệp CSV (format=csv)', 'CSV file (format=csv)');

// ----- query schemas the handlers validate with ------------------------------------------------

export const listCandidatesQuery = z.strictObject({
  unit: unitIdSchema,
  stage: stageSchema.optional(),
  ...pageQuery,
});

const MAX_AUDIT_DAYS = 366;
export const auditQuery = z
  .strictObject({
    unit: unitIdSchema,
    from: vietnamDate,
    to: vietnamDate,
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => q.from <= q.to, {
    path: ['to'],
    message: 'Ngày kết thúc phải sau ngày bắt đầu | "to" must not be before "from"',
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_AUDIT_DAYS * 86_400_000, {
    path: ['to'],
    message: `Mỗi lần xuất tối đa ${MAX_AUDIT_DAYS} ngày | At most ${MAX_AUDIT_DAYS} days per export`,
  });

const quotaPeriod = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .meta({ description: 'Kỳ: 2025-Q1, 2025-H1, 2025, TERM-2020-2025 / Period' });
export const quotaListQuery = z.strictObject({
  unit: unitIdSchema,
  period: quotaPeriod.optional(),
});
export const quotaReportQuery = z.strictObject({
  unit: unitIdSchema,
  period: quotaPeriod,
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export const quotaTargetsBody = z.array(quotaTargetSchema);
export const unitOnQuery = z.strictObject({ on: vietnamDate.optional() });

// ----- the routes ------------------------------------------------------------------------------

export const ROUTES = {
  'POST /candidates': defineRoute({
    method: 'POST',
    path: '/candidates',
    operationId: 'nominate',
    tag: 'candidates',
    summary: bi('Chi bộ đề nghị một quần chúng ưu tú', 'A cell nominates an outstanding person'),
    description: bi(
      'Tạo hồ sơ ở bước đầu tiên và khởi động quy trình. Số CCCD chỉ lưu dạng che và dấu vân tay có khóa; một người chỉ có một hồ sơ đang mở.',
      'Creates the file at the first stage and starts the workflow. The ID number is kept masked and as a keyed fingerprint; one open file per person.',
    ),
    auth: 'jwt',
    idempotent: true,
    body: { schema: nominationSchema },
    responses: {
      201: {
        description: bi('Hồ sơ đã tạo', 'The candidate was created'),
        schema: candidateSchema,
        headers: ['Location'],
      },
    },
    errors: [
      ...JSON_WRITE,
      'ROLE_NOT_ALLOWED',
      'INVALID_NATIONAL_ID',
      'UNIT_NOT_FOUND',
      'UNIT_NOT_A_CELL',
      'UNIT_RETIRED',
      'DUPLICATE_NOMINATION',
      'EDUCATION_BELOW_MINIMUM',
      'AGE_BELOW_MINIMUM',
      'AGE_ABOVE_MAXIMUM',
      'AGE_CONSENT_NOT_PRIOR',
      'DATE_OF_BIRTH_AFTER_DATE',
      'POLICY_NOT_IN_FORCE',
      'READMISSION_ALREADY_USED',
      'READMISSION_TOO_SOON',
    ],
  }),
  'GET /candidates': defineRoute({
    method: 'GET',
    path: '/candidates',
    operationId: 'listCandidates',
    tag: 'candidates',
    summary: bi('Danh sách hồ sơ của một đơn vị', "One page of a unit's candidates"),
    description: bi(
      'Phân trang bằng con trỏ, thứ tự ổn định; không có dữ liệu cá nhân.',
      'Cursor pagination in a stable order; no personal data.',
    ),
    auth: 'jwt',
    query: listCandidatesQuery,
    responses: {
      200: {
        description: bi('Một trang hồ sơ', 'A page of candidates'),
        schema: candidatePageSchema,
      },
    },
    errors: [...ANY, 'ROLE_NOT_ALLOWED', 'INVALID_QUERY', 'INVALID_CURSOR', 'UNIT_NOT_FOUND'],
  }),
  'GET /candidates/{id}': defineRoute({
    method: 'GET',
    path: '/candidates/{id}',
    operationId: 'getCandidate',
    tag: 'candidates',
    summary: bi('Một hồ sơ, bước đang chờ và lịch sử', 'A candidate, its pending step and history'),
    description: bi(
      'ETag là phiên bản của hồ sơ; gửi lại trong If-Match khi thao tác.',
      "The ETag is the candidate's version; send it back as If-Match when acting.",
    ),
    auth: 'jwt',
    params: candidateIdParams,
    responses: {
      200: {
        description: bi('Hồ sơ', 'The candidate'),
        schema: candidateSchema,
        headers: ['ETag'],
      },
    },
    errors: [...ANY, 'CANDIDATE_NOT_FOUND'],
  }),
  'GET /candidates/{id}/history': defineRoute({
    method: 'GET',
    path: '/candidates/{id}/history',
    operationId: 'getHistory',
    tag: 'candidates',
    summary: bi('Lịch sử hồ sơ', "A candidate's history"),
    description: bi(
      'Ai đã làm gì, khi nào, với vai trò nào và từ đâu.',
      'Who did what, when, in which role and from where.',
    ),
    auth: 'jwt',
    params: candidateIdParams,
    responses: { 200: { description: bi('Lịch sử', 'The history'), schema: historySchema } },
    errors: [...ANY, 'CANDIDATE_NOT_FOUND'],
  }),
  'POST /candidates/{id}/actions': defineRoute({
    method: 'POST',
    path: '/candidates/{id}/actions',
    operationId: 'submitAction',
    tag: 'candidates',
    summary: bi('Thực hiện thao tác ở bước đang chờ', 'Act on the pending step'),
    description: bi(
      'Quy trình áp dụng thao tác đã nhận; hồ sơ đổi phiên bản khi xong. Phiên bản mong đợi: expectedVersion trong nội dung hoặc tiêu đề If-Match.',
      'The workflow applies the accepted action; the version moves when done. Expected version: expectedVersion in the body or the If-Match header.',
    ),
    auth: 'jwt',
    idempotent: true,
    ifMatch: true,
    params: candidateIdParams,
    body: { schema: actionRequestSchema },
    responses: {
      202: {
        description: bi('Thao tác đã nhận', 'The action was accepted'),
        schema: acceptedActionSchema,
        headers: ['Location'],
      },
    },
    errors: [
      ...JSON_WRITE,
      'INVALID_HEADER',
      'INVALID_PAYLOAD',
      'UNKNOWN_ACTION',
      'ROLE_NOT_ALLOWED',
      'SEPARATION_OF_DUTIES',
      'CANDIDATE_NOT_FOUND',
      'VERSION_CONFLICT',
      'CONCURRENT_UPDATE',
      'STEP_ALREADY_DECIDED',
      'ACTION_NOT_ALLOWED_AT_STAGE',
      ...PROCEDURE_RULES,
    ],
  }),
  'POST /candidates/{id}/corrections': defineRoute({
    method: 'POST',
    path: '/candidates/{id}/corrections',
    operationId: 'correctCandidate',
    tag: 'candidates',
    summary: bi('Thu hồi quyết định kết nạp', 'Revoke an admission'),
    description: bi(
      'Quản trị viên thu hồi; các bộ đếm chỉ tiêu được trừ lại kèm lý do.',
      'An administrator revokes; the quota counters are reversed with the reason.',
    ),
    auth: 'jwt',
    idempotent: true,
    params: candidateIdParams,
    body: { schema: correctionSchema },
    responses: {
      200: { description: bi('Hồ sơ sau khi sửa', 'The candidate'), schema: candidateSchema },
    },
    errors: [
      ...JSON_WRITE,
      'ROLE_NOT_ALLOWED',
      'CANDIDATE_NOT_FOUND',
      'CONCURRENT_UPDATE',
      'ACTION_NOT_ALLOWED_AT_STAGE',
    ],
  }),
  'GET /audit': defineRoute({
    method: 'GET',
    path: '/audit',
    operationId: 'exportAudit',
    tag: 'audit',
    summary: bi('Xuất nhật ký thao tác', 'Export the audit trail'),
    description: bi(
      'Mọi thao tác trong cây đơn vị trong một khoảng ngày (tối đa 366 ngày), JSON hoặc CSV.',
      "Every command in a unit's subtree over a period (at most 366 days), JSON or CSV.",
    ),
    auth: 'jwt',
    query: auditQuery,
    responses: {
      200: {
        description: bi('Nhật ký', 'The audit trail'),
        schema: auditSchema,
        alternatives: [{ contentType: 'text/csv', description: csvExport }],
        headers: ['Content-Disposition'],
      },
    },
    errors: [...ANY, 'ROLE_NOT_ALLOWED', 'INVALID_QUERY', 'UNIT_NOT_FOUND'],
  }),
  'PUT /quotas': defineRoute({
    method: 'PUT',
    path: '/quotas',
    operationId: 'saveQuotaTargets',
    tag: 'quotas',
    summary: bi(
      'Ghi chỉ tiêu (tối đa 100, tất cả hoặc không)',
      'Write targets (≤ 100, all or none)',
    ),
    description: bi('Quản trị viên nhập chỉ tiêu kết nạp.', 'An administrator enters targets.'),
    auth: 'jwt',
    idempotent: true,
    body: { schema: quotaTargetsBody },
    responses: { 200: { description: bi('Đã ghi', 'Written'), schema: quotaWriteSchema } },
    errors: [
      ...JSON_WRITE,
      'ROLE_NOT_ALLOWED',
      'UNIT_NOT_FOUND',
      'TARGET_DUPLICATE',
      'QUOTA_IMPORT_TOO_LARGE',
    ],
  }),
  'GET /quotas': defineRoute({
    method: 'GET',
    path: '/quotas',
    operationId: 'listQuotaTargets',
    tag: 'quotas',
    summary: bi('Chỉ tiêu của một đơn vị', "A unit's targets"),
    description: bi('Theo kỳ nếu có.', 'For a period if given.'),
    auth: 'jwt',
    query: quotaListQuery,
    responses: { 200: { description: bi('Chỉ tiêu', 'The targets'), schema: quotaTargetsSchema } },
    errors: [...ANY, 'INVALID_QUERY', 'UNIT_NOT_FOUND'],
  }),
  'POST /quotas/import': defineRoute({
    method: 'POST',
    path: '/quotas/import',
    operationId: 'importQuotaTargets',
    tag: 'quotas',
    summary: bi('Nhập chỉ tiêu từ tệp CSV', 'Import targets from CSV'),
    description: bi(
      'Tất cả các dòng hoặc không dòng nào; lỗi theo số dòng.',
      'All rows or none; errors by line.',
    ),
    auth: 'jwt',
    idempotent: true,
    body: { schema: z.string().meta({ description: 'CSV' }), contentType: 'text/csv' },
    responses: { 200: { description: bi('Đã nhập', 'Imported'), schema: quotaWriteSchema } },
    errors: [
      ...WRITE,
      'ROLE_NOT_ALLOWED',
      'INVALID_CSV',
      'CSV_MALFORMED',
      'INVALID_BODY',
      'UNIT_NOT_FOUND',
      'TARGET_DUPLICATE',
      'QUOTA_IMPORT_TOO_LARGE',
    ],
  }),
  'GET /quotas/export': defineRoute({
    method: 'GET',
    path: '/quotas/export',
    operationId: 'exportQuotaTargets',
    tag: 'quotas',
    summary: bi('Xuất chỉ tiêu ra CSV', 'Export targets as CSV'),
    description: bi('Của đơn vị và các đơn vị con.', 'Of the unit and its children.'),
    auth: 'jwt',
    query: quotaListQuery,
    responses: {
      200: {
        description: bi('Tệp CSV', 'CSV file'),
        contentType: 'text/csv',
        headers: ['Content-Disposition'],
      },
    },
    errors: [...ANY, 'INVALID_QUERY', 'UNIT_NOT_FOUND'],
  }),
  'GET /reports/quotas': defineRoute({
    method: 'GET',
    path: '/reports/quotas',
    operationId: 'quotaReport',
    tag: 'quotas',
    summary: bi('Báo cáo thực hiện chỉ tiêu', 'Quota attainment report'),
    description: bi(
      'Theo đơn vị cấp trên giao và chỉ số, tiến độ, câu báo cáo, phễu; JSON, CSV hoặc XLSX.',
      'Per issuer and metric, pace, the report sentence and the funnel; JSON, CSV or XLSX.',
    ),
    auth: 'jwt',
    query: quotaReportQuery,
    responses: {
      200: {
        description: bi('Báo cáo', 'The report'),
        schema: quotaReportSchema,
        alternatives: [
          { contentType: 'text/csv', description: csvExport },
          {
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            description: bi('Tệp Excel (format=xlsx)', 'Excel file (format=xlsx)'),
          },
        ],
        headers: ['Content-Disposition'],
      },
    },
    errors: [...ANY, 'INVALID_QUERY', 'UNIT_NOT_FOUND'],
  }),
  'POST /units': defineRoute({
    method: 'POST',
    path: '/units',
    operationId: 'createUnit',
    tag: 'units',
    summary: bi('Tạo đơn vị', 'Create a unit'),
    description: bi('Dưới một đơn vị cấp trên, từ một ngày.', 'Under a parent, from a date.'),
    auth: 'jwt',
    idempotent: true,
    body: { schema: unitDefinitionSchema },
    responses: { 201: { description: bi('Đơn vị', 'The unit'), schema: unitSchema } },
    errors: [
      ...JSON_WRITE,
      'ROLE_NOT_ALLOWED',
      'UNIT_NOT_FOUND',
      'UNIT_EXISTS',
      'UNIT_LATER_VERSION_EXISTS',
      'UNIT_LEVEL_NOT_ALLOWED',
      'UNIT_PARENT_REQUIRED',
      'UNIT_RETIRED',
    ],
  }),
  'POST /units/import': defineRoute({
    method: 'POST',
    path: '/units/import',
    operationId: 'importUnits',
    tag: 'units',
    summary: bi('Nhập cây đơn vị', 'Import units'),
    description: bi(
      'Danh sách JSON hoặc tệp CSV; tất cả hoặc không; lỗi theo dòng.',
      'A JSON list or a CSV file; all or none; errors by line.',
    ),
    auth: 'jwt',
    idempotent: true,
    body: {
      schema: z.array(unitDefinitionSchema),
      alternatives: [{ contentType: 'text/csv', description: bi('Tệp CSV', 'CSV file') }],
    },
    responses: { 200: { description: bi('Đã nhập', 'Imported'), schema: unitImportSchema } },
    errors: [
      ...JSON_WRITE,
      'ROLE_NOT_ALLOWED',
      'INVALID_UNIT_IMPORT',
      'CSV_MALFORMED',
      'UNIT_IMPORT_TOO_LARGE',
      'UNIT_NOT_FOUND',
      'UNIT_EXISTS',
      'UNIT_LEVEL_NOT_ALLOWED',
      'UNIT_PARENT_REQUIRED',
    ],
  }),
  'GET /units/{id}': defineRoute({
    method: 'GET',
    path: '/units/{id}',
    operationId: 'getUnit',
    tag: 'units',
    summary: bi('Một đơn vị vào một ngày', 'A unit on a day'),
    description: bi(
      'Phiên bản có hiệu lực ngày `on` (mặc định hôm nay).',
      'The version in force on `on` (default today).',
    ),
    auth: 'jwt',
    params: unitIdParams,
    query: unitOnQuery,
    responses: {
      200: { description: bi('Đơn vị', 'The unit'), schema: unitSchema, headers: ['ETag'] },
    },
    errors: [...ANY, 'INVALID_PATH', 'INVALID_QUERY', 'UNIT_NOT_FOUND'],
  }),
  'POST /units/{id}/moves': defineRoute({
    method: 'POST',
    path: '/units/{id}/moves',
    operationId: 'moveUnit',
    tag: 'units',
    summary: bi('Chuyển đơn vị sang cấp trên mới', 'Move a unit to a new parent'),
    description: bi(
      'Từ một ngày; đường dẫn của đơn vị con và hồ sơ đang mở đi theo.',
      'From a date; the paths of descendants and open files follow.',
    ),
    auth: 'jwt',
    idempotent: true,
    params: unitIdParams,
    body: { schema: unitMoveSchema },
    responses: { 200: { description: bi('Đã chuyển', 'Moved'), schema: unitMovedSchema } },
    errors: [
      ...JSON_WRITE,
      'INVALID_PATH',
      'ROLE_NOT_ALLOWED',
      'UNIT_NOT_FOUND',
      'UNIT_MOVE_CYCLE',
      'UNIT_MOVE_IN_FUTURE',
      'UNIT_LEVEL_NOT_ALLOWED',
      'UNIT_LATER_VERSION_EXISTS',
      'UNIT_RETIRED',
    ],
  }),
  'POST /units/{id}/retirement': defineRoute({
    method: 'POST',
    path: '/units/{id}/retirement',
    operationId: 'retireUnit',
    tag: 'units',
    summary: bi('Giải thể đơn vị', 'Retire a unit'),
    description: bi('Từ một ngày.', 'From a date.'),
    auth: 'jwt',
    idempotent: true,
    params: unitIdParams,
    body: { schema: unitRetirementSchema },
    responses: { 200: { description: bi('Đã giải thể', 'Retired'), schema: unitSchema } },
    errors: [
      ...JSON_WRITE,
      'INVALID_PATH',
      'ROLE_NOT_ALLOWED',
      'UNIT_NOT_FOUND',
      'UNIT_HAS_CHILDREN',
      'UNIT_HAS_OPEN_FILES',
      'UNIT_LATER_VERSION_EXISTS',
      'UNIT_RETIRED',
    ],
  }),
  'GET /approvals/{approvalId}': defineRoute({
    method: 'GET',
    path: '/approvals/{approvalId}',
    operationId: 'approvalPage',
    tag: 'approvals',
    summary: bi('Trang phê duyệt (không cần đăng nhập)', 'The approval page (public)'),
    description: bi(
      'Trang tĩnh không chứa dữ liệu; kịch bản của trang gọi hai đường dẫn dưới đây bằng mã JWT của người phê duyệt.',
      "A static page without data; its script calls the two routes below with the approver's JWT.",
    ),
    auth: 'none',
    params: approvalIdParams,
    responses: {
      200: { description: bi('Trang HTML', 'HTML page'), contentType: 'text/html' },
    },
    errors: ['INTERNAL_ERROR'],
  }),
  'GET /approvals/{approvalId}/details': defineRoute({
    method: 'GET',
    path: '/approvals/{approvalId}/details',
    operationId: 'approvalDetails',
    tag: 'approvals',
    summary: bi('Nội dung cần phê duyệt', 'What the approver decides on'),
    description: bi(
      'Tóm tắt hồ sơ, tài liệu, biểu quyết, hạn; hoặc quyết định đã ghi.',
      'Dossier summary, documents, votes, deadline; or the decision recorded.',
    ),
    auth: 'jwt',
    params: approvalIdParams,
    responses: {
      200: { description: bi('Chi tiết', 'The details'), schema: approvalDetailsSchema },
    },
    errors: [
      ...ANY,
      'APPROVAL_LINK_INVALID',
      'APPROVAL_LINK_OTHER_USER',
      'APPROVAL_LINK_EXPIRED',
      'CANDIDATE_NOT_FOUND',
    ],
  }),
  'POST /approvals/{approvalId}/decision': defineRoute({
    method: 'POST',
    path: '/approvals/{approvalId}/decision',
    operationId: 'decideApproval',
    tag: 'approvals',
    summary: bi('Quyết định qua liên kết phê duyệt', 'Decide through the approval link'),
    description: bi(
      'Ghi một lần; lần bấm thứ hai trả 409 kèm details.decision.',
      'Recorded once; a second click answers 409 with details.decision.',
    ),
    auth: 'jwt',
    idempotent: true,
    params: approvalIdParams,
    body: { schema: approvalDecisionRequest },
    responses: { 200: { description: bi('Đã ghi', 'Recorded'), schema: approvalDecidedSchema } },
    errors: [
      ...JSON_WRITE,
      'APPROVAL_LINK_INVALID',
      'APPROVAL_LINK_OTHER_USER',
      'APPROVAL_LINK_EXPIRED',
      'APPROVAL_ALREADY_DECIDED',
      'APPROVAL_STEP_NOT_PENDING',
      'CANDIDATE_NOT_FOUND',
      'VERSION_CONFLICT',
      'CONCURRENT_UPDATE',
      'STEP_ALREADY_DECIDED',
      'ROLE_NOT_ALLOWED',
      'SEPARATION_OF_DUTIES',
      'INVALID_PAYLOAD',
      ...PROCEDURE_RULES,
    ],
  }),
} satisfies Record<string, RouteContract>;

export type RouteKeyOf = keyof typeof ROUTES;

/** The registry as a list, each checked to sit under its own key. */
export function allRoutes(): RouteContract[] {
  return Object.entries(ROUTES).map(([key, route]: [string, RouteContract]) => {
    if (routeKeyOf(route) !== key) throw new Error(`${key} declares ${routeKeyOf(route)}`);
    return route;
  });
}
