import * as z from 'zod';
import { ROLES } from '../../domain/roles';
import { accountChangeSchema, accountCreateSchema } from '../../domain/account';
import { nominationSchema } from '../../domain/nomination';
import { unitDefinitionSchema, unitMoveSchema, unitRetirementSchema } from '../../domain/org-admin';
import { quotaTargetSchema } from '../../domain/quota/target';
import { actionRequestSchema } from '../../domain/submission';
import { correctionSchema } from '../../services/correct-candidate';
import { bulkActionsSchema, classEnrolmentSchema, classResultsSchema } from '../../domain/bulk';
import { classDefinitionSchema } from '../../domain/training-class';
import { approvalDecisionRequest } from '../approval-contract';
import { builtOnFirstUse } from '../../domain/built-on-first-use';
import { type ErrorCode } from './error-codes';
import {
  onboardingImportQuery,
  onboardingReportSchema,
  onboardingTemplateQuery,
  onboardingTemplateSchema,
} from './onboarding-schemas';
import { APPROVAL_LINK_INVALID, CANDIDATE_NOT_FOUND } from './path-refusals';
import { defineRoute, type RouteContract, routeKeyOf, routesBuiltOnFirstUse } from './route';
import {
  acceptedActionSchema,
  accountIdParams,
  accountPageSchema,
  accountSchema,
  deliveryPageSchema,
  approvalDecidedSchema,
  approvalDetailsSchema,
  approvalIdParams,
  bulkResponseSchema,
  classIdParams,
  classPageSchema,
  classViewSchema,
  trainingClassSchema,
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
 *   1. Add an entry to ROUTES below with `() => defineRoute({...})` (each route is defined when
 *      first read, functions/http/contract/route.ts): method, path (API Gateway syntax),
 *      operationId, Vietnamese + English summary/description, `auth`, the zod schemas of its
 *      params/query/body (each declared with builtOnFirstUse, here or in the domain, and called
 *      in the entry; never a second copy),
 *      `idempotent: true` for a write (Idempotency-Key), responses per status with their
 *      schemas, and every refusal code it can answer (`errors`, codes from error-codes.ts).
 *   2. Bind it in its function: `export const handler = httpApi(on(ROUTES['GET /tasks'], {
 *      handle: async ({ caller, query }) => ... }))` (functions/http/http-api.ts; a function with
 *      an idempotent route: idempotentHttpApi, functions/http/idempotent-http-api.ts). The contract
 *      middleware reads every request by this entry: path, query and JSON body through their
 *      schemas, Idempotency-Key where `idempotent`, If-Match where `ifMatch`, and the idempotent
 *      replay; the handler gets the values typed by the schemas and calls services.
 *   3. Deploy it in lib/api.ts. test/infra/route-contract.test.ts fails while a deployed route has
 *      no entry here or an entry has no deployed route; every e2e test file validates the
 *      responses its client saw against the generated document (test/e2e/support/contract-check.ts)
 *      and test/e2e/contract.test.ts calls every route for a success and a refusal.
 *   4. Run `npm run docs:client` (client/api-types.ts, the typed client's types; a unit test
 *      fails while they are stale). A new refusal code goes in error-codes.ts (a unit test fails
 *      while a `code: '…'` in functions/ is missing there).
 */

const bi = (vi: string, en: string) => ({ vi, en });

// Codes every route behind the authorizer can answer, and those of every write.
const ANY: readonly ErrorCode[] = ['UNAUTHENTICATED', 'SERVICE_UNAVAILABLE', 'INTERNAL_ERROR'];
const WRITE: readonly ErrorCode[] = [
  ...ANY,
  'CONTENTION',
  'MISSING_IDEMPOTENCY_KEY',
  'INVALID_IDEMPOTENCY_KEY',
  'IDEMPOTENCY_KEY_REUSED',
  'REQUEST_IN_PROGRESS',
  'MISSING_BODY',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_CONTENT_TYPE',
  'INVALID_UTF8',
];
const JSON_WRITE: readonly ErrorCode[] = [...WRITE, 'INVALID_JSON', 'INVALID_BODY'];
/** What the procedure's rules can say about an action (422) — see docs/admission-rules.md. */
const PROCEDURE_RULES: readonly ErrorCode[] = [
  'POLICY_NOT_IN_FORCE',
  'AWARENESS_CERTIFICATE_EXPIRED',
  'AWARENESS_CERTIFICATE_NOT_YET_ISSUED',
  'BACKGROUND_RESULT_INCONSISTENT',
  'BACKGROUND_SUBJECTS_MISSING',
  'DATE_BEFORE_PREVIOUS_STEP',
  'DATE_IN_FUTURE',
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
  // A cell meeting sooner after the day a former member left than the rules allow.
  'READMISSION_TOO_SOON',
  // A sponsoring resolution or a cell meeting dated before the candidate was born.
  'DATE_OF_BIRTH_AFTER_DATE',
  'DATE_INVALID',
  'LUNAR_DATE_INVALID',
  'WORKING_DAYS_COUNT_INVALID',
];

/** A bulk write: one answer per candidate (each candidate's refusal is inside the 200). */
const BULK_WRITE: readonly ErrorCode[] = [...JSON_WRITE, 'BULK_TOO_LARGE', 'DUPLICATE_CANDIDATE'];
const BULK_RESPONSES = {
  200: {
    description: bi('Kết quả từng hồ sơ', 'One result per candidate'),
    schema: bulkResponseSchema,
  },
};

const csvExport = bi('Tệp CSV (format=csv)', 'CSV file (format=csv)');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a report can also be downloaded as (`format=csv|xlsx`), beside its JSON. */
const spreadsheetExports = [
  { contentType: 'text/csv', description: csvExport },
  { contentType: XLSX, description: bi('Tệp Excel (format=xlsx)', 'Excel file (format=xlsx)') },
];

// ----- query schemas the handlers validate with ------------------------------------------------
// Built on first use, as every schema a route names: only the routes a function serves build theirs.

/** A work-queue page (GET /tasks; GET /candidates adds the unit and the stages). */
const taskQuery = builtOnFirstUse(() =>
  z.strictObject({
    overdue: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .meta({
        description:
          'Chỉ các bước đã quá hạn (hạn trước hôm nay) / Only steps past due (due before today)',
      }),
    dueBefore: vietnamDate().optional().meta({
      description: 'Chỉ các bước có hạn trước ngày này / Only steps due before this day',
    }),
    q: z.string().trim().min(1).max(100).optional().meta({
      description:
        'Tìm theo tên, không phân biệt dấu và hoa thường ("Nguyen Van" tìm thấy "Nguyễn Văn") / Name search, accent- and case-insensitive',
    }),
    ...pageQuery(),
  }),
);

const listCandidatesQuery = builtOnFirstUse(() =>
  taskQuery().extend({
    unit: unitIdSchema().optional().meta({
      description:
        "Đơn vị; liệt kê cả các đơn vị trực thuộc (mặc định: đơn vị của người gọi) / Unit; its whole subtree is listed (default: the caller's unit)",
    }),
    stage: z
      .string()
      .refine((v) => v.split(',').every((s) => stageSchema().safeParse(s).success), {
        message: `Bước không hợp lệ, chọn trong: ${stageSchema().options.join(', ')} | Invalid stage, expected some of: ${stageSchema().options.join(', ')}`,
      })
      .transform((v) => [...new Set(v.split(','))] as z.infer<ReturnType<typeof stageSchema>>[])
      .optional()
      .meta({
        description:
          'Một hoặc nhiều bước, cách nhau bởi dấu phẩy / One or more stages, comma-separated',
      }),
  }),
);

const MAX_AUDIT_DAYS = 366;
const MAX_AUDIT_PAGE = 1000;
const auditQuery = builtOnFirstUse(() =>
  z
    .strictObject({
      unit: unitIdSchema(),
      from: vietnamDate(),
      to: vietnamDate(),
      format: z.enum(['json', 'csv']).default('json'),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(MAX_AUDIT_PAGE)
        .default(100)
        .meta({
          description: `Số thao tác mỗi trang (1–${MAX_AUDIT_PAGE}); CSV dài hơn một trang được trả bằng liên kết tải / Events per page (1–${MAX_AUDIT_PAGE}); a CSV longer than one page is answered with a download link`,
        }),
      cursor: pageQuery().cursor,
    })
    .refine((q) => q.format === 'json' || q.cursor === undefined, {
      path: ['cursor'],
      message:
        'CSV là cả khoảng ngày, không phân trang | A CSV export is the whole period: no cursor',
    })
    .refine((q) => q.from <= q.to, {
      path: ['to'],
      message: 'Ngày kết thúc phải sau ngày bắt đầu | "to" must not be before "from"',
    })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_AUDIT_DAYS * 86_400_000, {
      path: ['to'],
      message: `Mỗi lần xuất tối đa ${MAX_AUDIT_DAYS} ngày | At most ${MAX_AUDIT_DAYS} days per export`,
    }),
);

const quotaPeriod = builtOnFirstUse(() =>
  z
    .string()
    .trim()
    .min(1)
    .max(20)
    .meta({ description: 'Kỳ: 2025-Q1, 2025-H1, 2025, TERM-2020-2025 / Period' }),
);
const quotaListQuery = builtOnFirstUse(() =>
  z.strictObject({
    unit: unitIdSchema(),
    period: quotaPeriod().optional(),
  }),
);
const quotaReportQuery = builtOnFirstUse(() =>
  z.strictObject({
    unit: unitIdSchema(),
    period: quotaPeriod(),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  }),
);
const quotaTargetsBody = builtOnFirstUse(() => z.array(quotaTargetSchema()));
/** The action; its expected version in the body or, instead, in If-Match (functions/http/if-match.ts). */
const actionBody = builtOnFirstUse(() =>
  actionRequestSchema().extend({
    expectedVersion: actionRequestSchema().shape.expectedVersion.optional().meta({
      description:
        'Phiên bản đã đọc (bắt buộc nếu không gửi If-Match) / The version read (required without If-Match)',
    }),
  }),
);
const unitOnQuery = builtOnFirstUse(() => z.strictObject({ on: vietnamDate().optional() }));
const listAccountsQuery = builtOnFirstUse(() =>
  z.strictObject({
    unit: unitIdSchema().optional().meta({
      description: "Đơn vị (mặc định: đơn vị của người gọi) / Unit (default: the caller's unit)",
    }),
    role: z.enum(ROLES).optional(),
    ...pageQuery(),
  }),
);
const listClassesQuery = builtOnFirstUse(() =>
  z.strictObject({
    organiser: unitIdSchema().optional(),
    ...pageQuery(),
  }),
);

// ----- the routes ------------------------------------------------------------------------------

export const ROUTES = routesBuiltOnFirstUse({
  'POST /candidates': () =>
    defineRoute({
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
      body: { schema: nominationSchema() },
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
        'UNIT_NOT_FOUND',
        'UNIT_NOT_A_CELL',
        'UNIT_RETIRED',
        'DUPLICATE_NOMINATION',
        'NOMINATION_REFERRED_UPWARD',
        'DATE_OF_BIRTH_IN_FUTURE',
        'DATE_OF_BIRTH_IMPLAUSIBLE',
        'DATE_IN_FUTURE',
        'EDUCATION_BELOW_MINIMUM',
        // A former member who was already readmitted once.
        'READMISSION_ALREADY_USED',
        // Not refusals here: the ID number is checked by the body's schema (INVALID_BODY), age and
        // a readmission too soon only warn at nomination (judged at the cell meeting), a date of birth after today is
        // DATE_OF_BIRTH_IN_FUTURE, and a policy is in force on every day a nomination can be made.
      ],
    }),
  'GET /candidates': () =>
    defineRoute({
      method: 'GET',
      path: '/candidates',
      operationId: 'listCandidates',
      tag: 'candidates',
      summary: bi(
        'Hàng đợi hồ sơ của một đơn vị và các đơn vị trực thuộc',
        "Work queue: a unit's subtree",
      ),
      description: bi(
        'Hồ sơ của đơn vị và mọi đơn vị trực thuộc, lọc theo bước, quá hạn, hạn trước một ngày và tên (không dấu); xếp theo hạn gần nhất, rồi theo thời gian chờ. Phân trang bằng con trỏ, mỗi hồ sơ xuất hiện đúng một lần; không có dữ liệu cá nhân.',
        'The candidates of a unit and all units below it, filtered by stage, overdue, due before a day and name (accent-insensitive); soonest due first, then the longest waiting. Cursor pagination lists each candidate exactly once; no personal data.',
      ),
      auth: 'jwt',
      query: listCandidatesQuery(),
      responses: {
        200: {
          description: bi('Một trang hồ sơ', 'A page of candidates'),
          schema: candidatePageSchema,
        },
      },
      errors: [...ANY, 'ROLE_NOT_ALLOWED', 'INVALID_QUERY', 'INVALID_CURSOR', 'UNIT_NOT_FOUND'],
    }),
  'GET /candidates/{id}': () =>
    defineRoute({
      method: 'GET',
      path: '/candidates/{id}',
      operationId: 'getCandidate',
      tag: 'candidates',
      summary: bi(
        'Một hồ sơ, bước đang chờ và lịch sử',
        'A candidate, its pending step and history',
      ),
      description: bi(
        'ETag là phiên bản của hồ sơ; gửi lại trong If-Match khi thao tác.',
        "The ETag is the candidate's version; send it back as If-Match when acting.",
      ),
      auth: 'jwt',
      params: candidateIdParams(),
      malformedPath: CANDIDATE_NOT_FOUND,
      responses: {
        200: {
          description: bi('Hồ sơ', 'The candidate'),
          schema: candidateSchema,
          headers: ['ETag'],
        },
      },
      errors: [...ANY, 'ROLE_NOT_ALLOWED', 'CANDIDATE_NOT_FOUND'],
    }),
  'GET /candidates/{id}/history': () =>
    defineRoute({
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
      params: candidateIdParams(),
      malformedPath: CANDIDATE_NOT_FOUND,
      responses: { 200: { description: bi('Lịch sử', 'The history'), schema: historySchema } },
      errors: [...ANY, 'ROLE_NOT_ALLOWED', 'CANDIDATE_NOT_FOUND'],
    }),
  'POST /candidates/{id}/actions': () =>
    defineRoute({
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
      params: candidateIdParams(),
      malformedPath: CANDIDATE_NOT_FOUND,
      body: { schema: actionBody() },
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
  'POST /candidates/{id}/corrections': () =>
    defineRoute({
      method: 'POST',
      path: '/candidates/{id}/corrections',
      operationId: 'correctCandidate',
      tag: 'candidates',
      summary: bi('Thu hồi quyết định kết nạp', 'Revoke an admission'),
      description: bi(
        'Quản trị viên thu hồi; các bộ đếm chỉ tiêu được trừ lại kèm lý do. If-Match (tùy chọn): chỉ sửa đúng phiên bản đã đọc.',
        'An administrator revokes; the quota counters are reversed with the reason. If-Match (optional): only the version read is corrected.',
      ),
      auth: 'jwt',
      idempotent: true,
      ifMatch: true,
      params: candidateIdParams(),
      malformedPath: CANDIDATE_NOT_FOUND,
      body: { schema: correctionSchema() },
      responses: {
        200: {
          description: bi('Hồ sơ sau khi sửa', 'The candidate'),
          schema: candidateSchema,
          headers: ['ETag'],
        },
      },
      errors: [
        ...JSON_WRITE,
        'ROLE_NOT_ALLOWED',
        'CANDIDATE_NOT_FOUND',
        'CONCURRENT_UPDATE',
        'CORRECTION_NOT_APPLICABLE',
        'ALREADY_REVOKED',
        'DATE_IN_FUTURE',
        'INVALID_HEADER',
        'VERSION_CONFLICT',
      ],
    }),
  'GET /audit': () =>
    defineRoute({
      method: 'GET',
      path: '/audit',
      operationId: 'exportAudit',
      tag: 'audit',
      summary: bi('Xuất nhật ký thao tác', 'Export the audit trail'),
      description: bi(
        'Mọi thao tác trong cây đơn vị trong một khoảng ngày (tối đa 366 ngày). JSON: từng trang (limit, cursor = nextCursor của trang trước), theo tháng, rồi thao tác của chính đơn vị theo thời gian, rồi từng đơn vị cấp dưới. CSV: cả khoảng ngày; vừa một trang thì trả ngay, dài hơn thì ghi ra tệp và trả liên kết tải có hạn 15 phút.',
        "Every command in a unit's subtree over a period (at most 366 days). JSON: page by page (limit, cursor = the previous page's nextCursor), month by month, the unit's own events by time, then each unit below it. CSV: the whole period; answered inline when it fits in one page, otherwise written to a file and answered with a download link valid for 15 minutes.",
      ),
      auth: 'jwt',
      query: auditQuery(),
      responses: {
        200: {
          description: bi('Nhật ký', 'The audit trail'),
          schema: auditSchema,
          alternatives: [{ contentType: 'text/csv', description: csvExport }],
          headers: ['Content-Disposition'],
        },
      },
      errors: [
        ...ANY,
        'ROLE_NOT_ALLOWED',
        'INVALID_QUERY',
        'INVALID_CURSOR',
        'UNIT_NOT_FOUND',
        'AUDIT_EXPORT_TOO_LARGE',
      ],
    }),
  'PUT /quotas': () =>
    defineRoute({
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
      body: { schema: quotaTargetsBody() },
      responses: { 200: { description: bi('Đã ghi', 'Written'), schema: quotaWriteSchema } },
      errors: [
        ...JSON_WRITE,
        'ROLE_NOT_ALLOWED',
        'UNIT_NOT_FOUND',
        'TARGET_DUPLICATE',
        'QUOTA_IMPORT_TOO_LARGE',
      ],
    }),
  'GET /quotas': () =>
    defineRoute({
      method: 'GET',
      path: '/quotas',
      operationId: 'listQuotaTargets',
      tag: 'quotas',
      summary: bi('Chỉ tiêu của một đơn vị', "A unit's targets"),
      description: bi('Theo kỳ nếu có.', 'For a period if given.'),
      auth: 'jwt',
      query: quotaListQuery(),
      responses: {
        200: { description: bi('Chỉ tiêu', 'The targets'), schema: quotaTargetsSchema },
      },
      errors: [...ANY, 'INVALID_QUERY', 'UNIT_NOT_FOUND'],
    }),
  'POST /quotas/import': () =>
    defineRoute({
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
  'GET /quotas/export': () =>
    defineRoute({
      method: 'GET',
      path: '/quotas/export',
      operationId: 'exportQuotaTargets',
      tag: 'quotas',
      summary: bi('Xuất chỉ tiêu ra CSV', 'Export targets as CSV'),
      description: bi('Của đơn vị và các đơn vị con.', 'Of the unit and its children.'),
      auth: 'jwt',
      query: quotaListQuery(),
      responses: {
        200: {
          description: bi('Tệp CSV', 'CSV file'),
          contentType: 'text/csv',
          headers: ['Content-Disposition'],
        },
      },
      errors: [...ANY, 'INVALID_QUERY', 'UNIT_NOT_FOUND'],
    }),
  'GET /reports/quotas': () =>
    defineRoute({
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
      query: quotaReportQuery(),
      responses: {
        200: {
          description: bi('Báo cáo', 'The report'),
          schema: quotaReportSchema,
          alternatives: spreadsheetExports,
          headers: ['Content-Disposition'],
        },
      },
      errors: [...ANY, 'INVALID_QUERY', 'UNIT_NOT_FOUND'],
    }),
  'GET /onboarding/template': () =>
    defineRoute({
      method: 'GET',
      path: '/onboarding/template',
      operationId: 'onboardingTemplate',
      tag: 'onboarding',
      summary: bi('Tải mẫu nhập hồ sơ đang xử lý', 'Download the template of files in progress'),
      description: bi(
        'Các cột (tiếng Việt, tiếng Anh, [mã cột]) sinh từ bảng quy trình, một dòng ví dụ, các bước và cột mỗi bước cần; JSON, CSV hoặc XLSX.',
        'The columns (Vietnamese, English, [column key]) derived from the pipeline table, one example row, the stages and the columns each needs; JSON, CSV or XLSX.',
      ),
      auth: 'jwt',
      query: onboardingTemplateQuery(),
      responses: {
        200: {
          description: bi('Mẫu nhập', 'The template'),
          schema: onboardingTemplateSchema,
          alternatives: spreadsheetExports,
          headers: ['Content-Disposition'],
        },
      },
      errors: [...ANY, 'ROLE_NOT_ALLOWED', 'INVALID_QUERY'],
    }),
  'POST /onboarding/imports': () =>
    defineRoute({
      method: 'POST',
      path: '/onboarding/imports',
      operationId: 'importFilesInProgress',
      tag: 'onboarding',
      summary: bi(
        'Nhập hồ sơ đang xử lý và đảng viên đã kết nạp',
        'Import files in progress and members admitted before adoption',
      ),
      description: bi(
        'Tệp CSV hoặc XLSX theo mẫu, tối đa 100 dòng. Mỗi dòng được kiểm tra theo đúng quy định như thao tác của cán bộ và trả lời APPLIED, SKIPPED (đã nhập trước đó) hoặc REFUSED kèm lỗi chuẩn. Hồ sơ bắt đầu quy trình ở bước của nó; đảng viên dự bị được hẹn ngày hết 12 tháng dự bị.',
        "A CSV or XLSX file after the template, at most 100 rows. Each row is checked by the same rules as an officer's action and answers APPLIED, SKIPPED (imported before) or REFUSED with the standard error. Each file starts its workflow at its stage; a probationary member is woken at the end of the 12 months.",
      ),
      auth: 'jwt',
      idempotent: true,
      query: onboardingImportQuery(),
      body: {
        schema: z.string().meta({ description: 'CSV' }),
        contentType: 'text/csv',
        alternatives: [
          {
            contentType: XLSX,
            description: bi('Tệp Excel (trang tính đầu tiên)', 'Excel file (first worksheet)'),
          },
        ],
      },
      responses: {
        200: {
          description: bi('Kết quả từng dòng', 'One answer per row'),
          schema: onboardingReportSchema,
        },
      },
      errors: [
        // A CSV that is not UTF-8 is IMPORT_FILE_NOT_UTF8 (with how to save it), not INVALID_UTF8.
        ...WRITE.filter((code) => code !== 'INVALID_UTF8'),
        'ROLE_NOT_ALLOWED',
        'INVALID_QUERY',
        'CSV_MALFORMED',
        'IMPORT_FILE_MALFORMED',
        'IMPORT_FILE_NOT_UTF8',
        'IMPORT_EMPTY',
        'IMPORT_UNKNOWN_COLUMN',
        'IMPORT_MISSING_COLUMN',
        'IMPORT_TOO_MANY_ROWS',
      ],
    }),
  'POST /units': () =>
    defineRoute({
      method: 'POST',
      path: '/units',
      operationId: 'createUnit',
      tag: 'units',
      summary: bi('Tạo đơn vị', 'Create a unit'),
      description: bi('Dưới một đơn vị cấp trên, từ một ngày.', 'Under a parent, from a date.'),
      auth: 'jwt',
      idempotent: true,
      body: { schema: unitDefinitionSchema() },
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
  'POST /units/import': () =>
    defineRoute({
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
        schema: z.array(unitDefinitionSchema()),
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
  'GET /units/{id}': () =>
    defineRoute({
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
      params: unitIdParams(),
      query: unitOnQuery(),
      responses: {
        200: { description: bi('Đơn vị', 'The unit'), schema: unitSchema, headers: ['ETag'] },
      },
      errors: [...ANY, 'INVALID_PATH', 'INVALID_QUERY', 'UNIT_NOT_FOUND'],
    }),
  'POST /units/{id}/moves': () =>
    defineRoute({
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
      params: unitIdParams(),
      body: { schema: unitMoveSchema() },
      responses: { 200: { description: bi('Đã chuyển', 'Moved'), schema: unitMovedSchema } },
      errors: [
        ...JSON_WRITE,
        'INVALID_PATH',
        'ROLE_NOT_ALLOWED',
        'UNIT_NOT_FOUND',
        'UNIT_MOVE_CYCLE',
        'UNIT_MOVE_CROSSES_LEDGER_LEVEL',
        'UNIT_MOVE_IN_FUTURE',
        'UNIT_LEVEL_NOT_ALLOWED',
        'UNIT_LATER_VERSION_EXISTS',
        'UNIT_RETIRED',
      ],
    }),
  'POST /units/{id}/retirement': () =>
    defineRoute({
      method: 'POST',
      path: '/units/{id}/retirement',
      operationId: 'retireUnit',
      tag: 'units',
      summary: bi('Giải thể đơn vị', 'Retire a unit'),
      description: bi('Từ một ngày.', 'From a date.'),
      auth: 'jwt',
      idempotent: true,
      params: unitIdParams(),
      body: { schema: unitRetirementSchema() },
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
  'GET /approvals/{approvalId}': () =>
    defineRoute({
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
      params: approvalIdParams(),
      malformedPath: 'page',
      responses: {
        200: { description: bi('Trang HTML', 'HTML page'), contentType: 'text/html' },
      },
      errors: ['INTERNAL_ERROR'],
    }),
  'GET /approvals/{approvalId}/details': () =>
    defineRoute({
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
      params: approvalIdParams(),
      malformedPath: APPROVAL_LINK_INVALID,
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
  'POST /approvals/{approvalId}/decision': () =>
    defineRoute({
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
      params: approvalIdParams(),
      malformedPath: APPROVAL_LINK_INVALID,
      body: { schema: approvalDecisionRequest() },
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
  'GET /tasks': () =>
    defineRoute({
      method: 'GET',
      path: '/tasks',
      operationId: 'listTasks',
      tag: 'work queues',
      summary: bi('Việc đang chờ tôi', 'What waits for me'),
      description: bi(
        'Các hồ sơ trong đơn vị của người gọi và các đơn vị trực thuộc đang chờ ở bước mà vai trò của người gọi phải làm (cán bộ chi bộ: các bước của chi bộ; cán bộ đảng ủy: thẩm tra, đảng ủy xét; người có thẩm quyền: quyết định kết nạp); hạn gần nhất trước, rồi chờ lâu nhất.',
        "The candidates of the caller's subtree waiting at a stage the caller's roles act on (cell officer: the cell's steps; committee officer: verification, grassroots vote; approver: the decision); soonest due first, then the longest waiting.",
      ),
      auth: 'jwt',
      query: taskQuery(),
      responses: {
        200: { description: bi('Một trang việc', 'A page of tasks'), schema: candidatePageSchema },
      },
      errors: [...ANY, 'ROLE_NOT_ALLOWED', 'INVALID_QUERY', 'INVALID_CURSOR'],
    }),
  'POST /candidates/bulk-actions': () =>
    defineRoute({
      method: 'POST',
      path: '/candidates/bulk-actions',
      operationId: 'bulkActions',
      tag: 'candidates',
      summary: bi('Một thao tác cho nhiều hồ sơ', 'One action on each of many candidates'),
      description: bi(
        'Tối đa 100 hồ sơ. Mỗi hồ sơ đi qua đúng đường của POST /candidates/{id}/actions (một giao dịch có điều kiện); kết quả từng hồ sơ: APPLIED, REFUSED (kèm lỗi chuẩn) hoặc SKIPPED (đã có đúng nội dung đó). Gửi lại cùng Idempotency-Key nhận lại câu trả lời đầu, không ghi hai lần; sau sự cố, gửi lại để hoàn tất.',
        'At most 100 candidates. Each goes through the path of POST /candidates/{id}/actions (one conditional transaction); each answers APPLIED, REFUSED (with the standard error) or SKIPPED (already recorded). A replay with the same Idempotency-Key returns the first response and writes nothing twice; after a failure, replay to complete.',
      ),
      auth: 'jwt',
      idempotent: true,
      body: { schema: bulkActionsSchema() },
      responses: BULK_RESPONSES,
      errors: BULK_WRITE,
    }),
  'POST /classes': () =>
    defineRoute({
      method: 'POST',
      path: '/classes',
      operationId: 'createClass',
      tag: 'awareness classes',
      summary: bi('Mở lớp bồi dưỡng nhận thức về Đảng', 'Open a Party awareness class'),
      description: bi(
        'Cán bộ đảng ủy hoặc quản trị viên mở lớp cho quần chúng của đơn vị tổ chức và các đơn vị trực thuộc.',
        "A committee officer or an administrator opens a class for the candidates of the organiser's subtree.",
      ),
      auth: 'jwt',
      idempotent: true,
      body: { schema: classDefinitionSchema() },
      responses: {
        201: {
          description: bi('Lớp đã mở', 'The class'),
          schema: trainingClassSchema,
          headers: ['Location'],
        },
      },
      errors: [...JSON_WRITE, 'ROLE_NOT_ALLOWED', 'UNIT_NOT_FOUND'],
    }),
  'GET /classes': () =>
    defineRoute({
      method: 'GET',
      path: '/classes',
      operationId: 'listClasses',
      tag: 'awareness classes',
      summary: bi('Các lớp của một đơn vị tổ chức', "An organiser's classes"),
      description: bi(
        'Mới nhất trước; mặc định là đơn vị của người gọi.',
        "Latest first; default: the caller's unit.",
      ),
      auth: 'jwt',
      query: listClassesQuery(),
      responses: {
        200: { description: bi('Một trang lớp', 'A page of classes'), schema: classPageSchema },
      },
      errors: [...ANY, 'ROLE_NOT_ALLOWED', 'INVALID_QUERY', 'INVALID_CURSOR', 'UNIT_NOT_FOUND'],
    }),
  'GET /classes/{id}': () =>
    defineRoute({
      method: 'GET',
      path: '/classes/{id}',
      operationId: 'getClass',
      tag: 'awareness classes',
      summary: bi('Một lớp, danh sách học viên và số liệu', 'A class, its roster and figures'),
      description: bi(
        'Số liệu cho báo cáo: đạt/ghi danh ("26/37"), không đạt, vắng, chưa có kết quả.',
        'Figures for reports: passed/enrolled ("26/37"), failed, absent, awaiting a result.',
      ),
      auth: 'jwt',
      params: classIdParams(),
      responses: {
        200: { description: bi('Lớp', 'The class'), schema: classViewSchema },
      },
      errors: [...ANY, 'ROLE_NOT_ALLOWED', 'INVALID_PATH', 'CLASS_NOT_FOUND'],
    }),
  'POST /classes/{id}/enrolments': () =>
    defineRoute({
      method: 'POST',
      path: '/classes/{id}/enrolments',
      operationId: 'enrolInClass',
      tag: 'awareness classes',
      summary: bi('Ghi danh nhiều quần chúng vào lớp', 'Enrol many candidates in the class'),
      description: bi(
        'Mỗi hồ sơ: thao tác enrolInClass với ngày của lớp và một chỗ trong lớp, cùng một giao dịch (hết chỗ: CLASS_FULL). Tối đa 100; kết quả từng hồ sơ như POST /candidates/bulk-actions.',
        "Each candidate: the enrolInClass action with the class's dates and a seat, in one transaction (no seat left: CLASS_FULL). At most 100; one result per candidate as in POST /candidates/bulk-actions.",
      ),
      auth: 'jwt',
      idempotent: true,
      params: classIdParams(),
      body: { schema: classEnrolmentSchema() },
      responses: BULK_RESPONSES,
      errors: [...BULK_WRITE, 'INVALID_PATH', 'ROLE_NOT_ALLOWED', 'CLASS_NOT_FOUND'],
    }),
  'POST /classes/{id}/results': () =>
    defineRoute({
      method: 'POST',
      path: '/classes/{id}/results',
      operationId: 'recordClassResults',
      tag: 'awareness classes',
      summary: bi('Ghi kết quả cả lớp', "Record the whole class's results"),
      description: bi(
        'Đạt (kèm số giấy chứng nhận CN-NTVĐ và ngày cấp, mặc định ngày kết thúc lớp), không đạt, vắng. Mỗi hồ sơ: thao tác recordClassResult qua đúng đường của một thao tác đơn lẻ; quy trình của từng người đi tiếp (đạt: sang bước đơn; không đạt/vắng: học lại).',
        "Passed (with the CN-NTVĐ certificate number and issue date, default the class's last day), failed, absent. Each candidate: the recordClassResult action through the single-action path; each workflow moves on (passed: to the application; failed/absent: a retake).",
      ),
      auth: 'jwt',
      idempotent: true,
      params: classIdParams(),
      body: { schema: classResultsSchema() },
      responses: BULK_RESPONSES,
      errors: [...BULK_WRITE, 'INVALID_PATH', 'ROLE_NOT_ALLOWED', 'CLASS_NOT_FOUND'],
    }),
  'POST /accounts': () =>
    defineRoute({
      method: 'POST',
      path: '/accounts',
      operationId: 'createAccount',
      tag: 'accounts',
      summary: bi(
        'Tạo tài khoản cán bộ (gửi thư mời)',
        'Create an officer account (invitation e-mail)',
      ),
      description: bi(
        'Quản trị viên tạo tài khoản trong phạm vi đơn vị mình: Cognito gửi thư mời kèm mật khẩu tạm thời; danh bạ ghi vai trò và đơn vị cùng sự kiện nhật ký. Không được cấp vai trò cao hơn vai trò của mình.',
        "An administrator creates an account inside their subtree: Cognito e-mails the invitation with a temporary password; the directory records the roles and unit with the audit event. No role above the administrator's own may be granted.",
      ),
      auth: 'jwt',
      idempotent: true,
      body: { schema: accountCreateSchema() },
      responses: {
        201: {
          description: bi('Tài khoản đã tạo', 'The account was created'),
          schema: accountSchema,
        },
      },
      errors: [
        ...JSON_WRITE,
        'ROLE_NOT_ALLOWED',
        'ROLE_ABOVE_OWN',
        'UNIT_NOT_FOUND',
        'UNIT_RETIRED',
        'ACCOUNT_EMAIL_TAKEN',
        'ACCOUNT_USERNAME_TAKEN',
        'CONCURRENT_UPDATE',
      ],
    }),
  'GET /accounts': () =>
    defineRoute({
      method: 'GET',
      path: '/accounts',
      operationId: 'listAccounts',
      tag: 'accounts',
      summary: bi('Tài khoản của một đơn vị, theo vai trò', "A unit's accounts, by role"),
      description: bi(
        'Mọi tài khoản của đơn vị (kể cả đã khóa); với role: những người đang giữ vai trò đó. Phân trang bằng con trỏ.',
        'Every account of the unit (disabled included); with role: the enabled holders of that role. Cursor pagination.',
      ),
      auth: 'jwt',
      query: listAccountsQuery(),
      responses: {
        200: {
          description: bi('Một trang tài khoản', 'A page of accounts'),
          schema: accountPageSchema,
        },
      },
      errors: [
        ...ANY,
        'ROLE_NOT_ALLOWED',
        'INVALID_QUERY',
        'INVALID_CURSOR',
        'UNIT_NOT_FOUND',
        'UNIT_RETIRED',
      ],
    }),
  'GET /accounts/{id}': () =>
    defineRoute({
      method: 'GET',
      path: '/accounts/{id}',
      operationId: 'getAccount',
      tag: 'accounts',
      summary: bi('Một tài khoản và nhật ký thay đổi', 'An account and its audit trail'),
      description: bi(
        'Ngoài phạm vi quản lý: 404 như tài khoản không tồn tại.',
        'Outside the subtree: 404, as for a missing account.',
      ),
      auth: 'jwt',
      params: accountIdParams(),
      responses: { 200: { description: bi('Tài khoản', 'The account'), schema: accountSchema } },
      errors: [...ANY, 'ROLE_NOT_ALLOWED', 'INVALID_PATH', 'ACCOUNT_NOT_FOUND'],
    }),
  'PATCH /accounts/{id}': () =>
    defineRoute({
      method: 'PATCH',
      path: '/accounts/{id}',
      operationId: 'changeAccount',
      tag: 'accounts',
      summary: bi(
        'Đổi vai trò, chuyển đơn vị, khóa hoặc mở lại tài khoản',
        'Change roles, move, disable or re-enable an account',
      ),
      description: bi(
        'Mỗi thay đổi là một sự kiện nhật ký. Không khóa, hạ quyền hay chuyển người quyết định cuối cùng của đơn vị khi còn hồ sơ chờ đơn vị quyết định, trừ khi chỉ định người thay thế (replacementUserId): người đó nhận các hồ sơ đang chờ, mỗi hồ sơ một liên kết phê duyệt.',
        'Every change is an audit event. The last approver of a unit cannot be disabled, demoted or moved while files await its decision, unless a replacement is named (replacementUserId): they receive the pending files, each with an approval link.',
      ),
      auth: 'jwt',
      idempotent: true,
      params: accountIdParams(),
      body: { schema: accountChangeSchema() },
      responses: {
        200: { description: bi('Tài khoản sau thay đổi', 'The account'), schema: accountSchema },
      },
      errors: [
        ...JSON_WRITE,
        'INVALID_PATH',
        'ROLE_NOT_ALLOWED',
        'ROLE_ABOVE_OWN',
        'ACCOUNT_NOT_FOUND',
        'ACCOUNT_SELF_CHANGE',
        'UNIT_NOT_FOUND',
        'UNIT_RETIRED',
        'LAST_APPROVER',
        'REPLACEMENT_INVALID',
        'CONCURRENT_UPDATE',
      ],
    }),
  'GET /me/deliveries': () =>
    defineRoute({
      method: 'GET',
      path: '/me/deliveries',
      operationId: 'myDeliveries',
      tag: 'accounts',
      summary: bi('Những gì đã gửi cho tôi, và khi nào', 'What was sent to me, and when'),
      description: bi(
        'Các thư đã gửi cho người đang đăng nhập (mới nhất trước): loại, tiêu đề, hồ sơ, liên kết, thời điểm, trạng thái.',
        'The messages sent to the signed-in person, newest first: kind, subject, candidate, link, time, status.',
      ),
      auth: 'jwt',
      query: z.strictObject({ ...pageQuery() }),
      responses: {
        200: {
          description: bi('Một trang thư đã gửi', 'A page of deliveries'),
          schema: deliveryPageSchema,
        },
      },
      errors: [...ANY, 'INVALID_QUERY', 'INVALID_CURSOR'],
    }),
  'GET /openapi.json': () =>
    defineRoute({
      method: 'GET',
      path: '/openapi.json',
      operationId: 'openApiDocument',
      tag: 'docs',
      summary: bi('Tài liệu OpenAPI 3.1 của API', "The API's OpenAPI 3.1 document"),
      description: bi(
        'Sinh từ sổ đăng ký hợp đồng đường dẫn (cùng lược đồ zod kiểm tra yêu cầu).',
        'Generated from the route contract registry (the zod schemas that validate requests).',
      ),
      auth: 'none',
      responses: {
        200: {
          description: bi('Tài liệu OpenAPI', 'The OpenAPI document'),
          schema: () =>
            z.looseObject({
              openapi: z.string(),
              info: z.looseObject({ title: z.string(), version: z.string() }),
              paths: z.record(z.string(), z.looseObject({})),
            }),
        },
      },
      errors: ['INTERNAL_ERROR'],
    }),
  'GET /docs': () =>
    defineRoute({
      method: 'GET',
      path: '/docs',
      operationId: 'apiDocsPage',
      tag: 'docs',
      summary: bi('Trang tài liệu API', 'The API documentation page'),
      description: bi(
        'Trang HTML tự chứa, dựng từ tài liệu OpenAPI.',
        'A self-contained HTML page rendered from the OpenAPI document.',
      ),
      auth: 'none',
      responses: { 200: { description: bi('Trang HTML', 'HTML page'), contentType: 'text/html' } },
      errors: ['INTERNAL_ERROR'],
    }),
} satisfies Record<string, () => RouteContract>);

/** The registry as a list, each checked to sit under its own key. */
export function allRoutes(): RouteContract[] {
  return Object.entries(ROUTES).map(([key, route]: [string, RouteContract]) => {
    if (routeKeyOf(route) !== key) throw new Error(`${key} declares ${routeKeyOf(route)}`);
    return route;
  });
}
