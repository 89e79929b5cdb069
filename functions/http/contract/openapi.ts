import * as z from 'zod';
import { ERROR_CODES, type ErrorCode } from './error-codes';
import {
  type Bilingual,
  type ResponseContract,
  type ResponseHeader,
  type RouteContract,
} from './route';
import { allRoutes } from './routes';
import { errorSchema, gatewayErrorSchema } from './schemas';

/** A JSON Schema / OpenAPI object: plain JSON. */
type Json = Record<string, unknown>;

const OPENAPI_VERSION = '3.1.0';

const text = (t: Bilingual) => `${t.vi} / ${t.en}`;

/**
 * Schemas with a zod `.meta({ id })` (Candidate, Stage, …) become shared components; the document
 * being built collects them here. The same id must describe the same JSON in requests and
 * responses, else the generator stops (two shapes under one name would mislead clients).
 */
let components: Record<string, Json> = {};

function hoist(defs: Record<string, Json> | undefined) {
  for (const [id, def] of Object.entries(defs ?? {})) {
    const known = components[id];
    if (known && JSON.stringify(known) !== JSON.stringify(def)) {
      throw new Error(`Schema ${id} has two shapes (request and response?): give each its own id`);
    }
    components[id] = def;
  }
}

/**
 * JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) of a zod schema. Requests are described
 * as the client sends them (`io: 'input'`: defaults optional, coerced query strings), responses as
 * the handler produces them (`io: 'output'`).
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    // `payload: z.unknown()` and the like: any JSON.
    unrepresentable: 'any',
  }) as Json;
  // The dialect is the document's (OpenAPI 3.1 = 2020-12), not repeated in every schema.
  delete generated.$schema;
  const { $defs, ...rest } = generated;
  const shared = JSON.parse(
    JSON.stringify({ rest, $defs }).replaceAll('"#/$defs/', '"#/components/schemas/'),
  ) as { rest: Json; $defs?: Record<string, Json> };
  hoist(shared.$defs);
  return shared.rest;
}

/** One OpenAPI parameter per property of an object schema (path or query). */
function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, Json>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: propertySchema,
    };
  });
}

const HEADER_COMPONENTS: Record<ResponseHeader, Json> = {
  ETag: {
    description: text({
      vi: 'Phiên bản của tài nguyên (gửi lại trong If-Match)',
      en: 'Version of the resource (send it back in If-Match)',
    }),
    schema: { type: 'string' },
  },
  Location: {
    description: text({ vi: 'Đường dẫn của tài nguyên', en: 'Path of the resource' }),
    schema: { type: 'string' },
  },
  'Content-Disposition': {
    description: text({ vi: 'Tên tệp tải về', en: 'Download file name' }),
    schema: { type: 'string' },
  },
  'Retry-After': {
    description: text({ vi: 'Số giây chờ trước khi thử lại', en: 'Seconds to wait' }),
    schema: { type: 'string' },
  },
};

function successResponse(response: ResponseContract): Json {
  const content: Json = {};
  if (response.schema) {
    content[response.contentType ?? 'application/json'] = {
      schema: jsonSchema(response.schema(), 'output'),
    };
  } else if (response.contentType) {
    content[response.contentType] = { schema: { type: 'string' } };
  }
  for (const alternative of response.alternatives ?? []) {
    content[alternative.contentType] = {
      schema: { type: 'string', description: text(alternative.description) },
    };
  }
  return {
    description: text(response.description),
    ...(response.headers?.length
      ? {
          headers: Object.fromEntries(
            response.headers.map((h) => [h, { $ref: `#/components/headers/${h}` }]),
          ),
        }
      : {}),
    ...(Object.keys(content).length ? { content } : {}),
  };
}

/** The route's refusals by status: the one error shape, its `code` limited to the listed codes. */
function errorResponses(route: RouteContract): Record<string, Json> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of route.errors) {
    for (const status of ERROR_CODES[code].statuses) {
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
  }
  const responses: Record<string, Json> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const lines = codes.map((c) => `- \`${c}\`: ${ERROR_CODES[c].vi} / ${ERROR_CODES[c].en}`);
    const refusal = {
      allOf: [
        { $ref: '#/components/schemas/Error' },
        { type: 'object', properties: { code: { enum: codes } } },
      ],
    };
    // The JWT authorizer answers a missing or invalid token itself, before any handler.
    const schema =
      status === 401 && route.auth === 'jwt'
        ? { oneOf: [refusal, { $ref: '#/components/schemas/GatewayError' }] }
        : refusal;
    responses[String(status)] = {
      description: [text(STATUS_TEXT[status] ?? { vi: 'Lỗi', en: 'Error' }), ...lines].join('\n'),
      ...(status === 503
        ? { headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } }
        : {}),
      content: { 'application/json': { schema } },
      'x-error-codes': codes,
    };
  }
  return responses;
}

const STATUS_TEXT: Record<number, Bilingual> = {
  400: { vi: 'Yêu cầu sai dạng', en: 'Malformed request' },
  401: { vi: 'Chưa đăng nhập', en: 'Not authenticated' },
  403: { vi: 'Không được phép', en: 'Forbidden' },
  404: { vi: 'Không tìm thấy', en: 'Not found' },
  409: { vi: 'Xung đột trạng thái', en: 'Conflict' },
  412: { vi: 'Phiên bản If-Match đã cũ', en: 'If-Match version is stale' },
  413: { vi: 'Nội dung quá lớn', en: 'Payload too large' },
  422: { vi: 'Quy định không cho phép', en: 'A rule forbids it' },
  500: { vi: 'Lỗi hệ thống', en: 'Internal error' },
  503: { vi: 'Tạm thời không phục vụ; thử lại', en: 'Unavailable; retry' },
};

function requestBody(route: RouteContract): Json | undefined {
  if (!route.body) return undefined;
  const main = route.body.contentType ?? 'application/json';
  const content: Json = { [main]: { schema: jsonSchema(route.body.schema, 'input') } };
  for (const alternative of route.body.alternatives ?? []) {
    content[alternative.contentType] = {
      schema: { type: 'string', description: text(alternative.description) },
    };
  }
  return { required: true, content };
}

function operation(route: RouteContract): Json {
  const headers = [
    ...(route.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
    ...(route.ifMatch ? [{ $ref: '#/components/parameters/IfMatch' }] : []),
  ];
  const body = requestBody(route);
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: text(route.summary),
    description: `${route.description.vi}\n\n${route.description.en}`,
    'x-summary-vi': route.summary.vi,
    'x-summary-en': route.summary.en,
    security: route.auth === 'jwt' ? [{ officerJwt: [] }] : [],
    parameters: [
      ...parametersOf(route.params, 'path'),
      ...parametersOf(route.query, 'query'),
      ...headers,
    ],
    ...(body ? { requestBody: body } : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(route.responses).map(([status, r]) => [status, successResponse(r!)]),
      ),
      ...errorResponses(route),
    },
  };
}

let cached: Json | undefined;

/** The OpenAPI 3.1 document of the officers' API, generated from the route contract registry. */
export function openApiDocument(): Json {
  if (cached) return cached;
  components = {};
  const paths: Record<string, Json> = {};
  for (const route of allRoutes()) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  }
  cached = {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'API kết nạp đảng viên / Party admission API',
      version: '1.0.0',
      description: CONVENTIONS,
    },
    tags: tagsOf(allRoutes()),
    paths,
    components: {
      schemas: {
        Error: jsonSchema(errorSchema(), 'output'),
        GatewayError: jsonSchema(gatewayErrorSchema(), 'output'),
        ...components,
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: text({
            vi: 'Mã duy nhất cho mỗi thao tác (ví dụ UUID): gửi lại cùng mã trả về kết quả đầu tiên; cùng mã với nội dung khác bị từ chối (IDEMPOTENCY_KEY_REUSED)',
            en: 'One unique value per command (e.g. a UUID): a replay with the same key returns the first response; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED)',
          }),
          schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$' },
        },
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: false,
          description: text({
            vi: 'ETag của lần đọc (phiên bản); nếu đã cũ: 412 VERSION_CONFLICT. Thay cho expectedVersion',
            en: 'The ETag of the read (the version); when stale: 412 VERSION_CONFLICT. Instead of expectedVersion',
          }),
          schema: { type: 'string', pattern: '^(W/)?"[0-9]+"$' },
        },
      },
      headers: HEADER_COMPONENTS,
      securitySchemes: {
        officerJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: text({
            vi: 'Mã JWT của cán bộ (Cognito; chạy cục bộ: npm run token)',
            en: "An officer's JWT (Cognito; locally: npm run token)",
          }),
        },
      },
    },
  };
  return cached;
}

/** Every tag the routes use, described (a route's new tag still gets a section of the docs). */
function tagsOf(routes: RouteContract[]): { name: string; description: string }[] {
  const used = new Set(routes.map((r) => r.tag));
  const known = TAGS.filter((t) => used.has(t.name));
  const other = [...used].filter((name) => !TAGS.some((t) => t.name === name));
  return [...known, ...other.map((name) => ({ name, description: name }))];
}

const TAGS = [
  { name: 'candidates', description: 'Hồ sơ kết nạp / Admission files' },
  { name: 'work queues', description: 'Hàng đợi công việc / Work queues' },
  { name: 'awareness classes', description: 'Lớp bồi dưỡng nhận thức về Đảng / Awareness classes' },
  { name: 'approvals', description: 'Liên kết phê duyệt / Approval links' },
  { name: 'units', description: 'Cây tổ chức / Organisation tree' },
  { name: 'quotas', description: 'Chỉ tiêu và báo cáo / Quotas and reports' },
  { name: 'accounts', description: 'Tài khoản và thư đã gửi / Accounts and deliveries' },
  { name: 'audit', description: 'Nhật ký / Audit' },
  { name: 'onboarding', description: 'Nhập hồ sơ đang xử lý / Onboarding files in progress' },
  { name: 'docs', description: 'Tài liệu API / API documentation' },
];

const CONVENTIONS = [
  'Quy ước chung / Conventions:',
  '- Xác thực: `Authorization: Bearer <JWT>` của cán bộ trên mọi đường dẫn trừ trang phê duyệt và tài liệu. / Authentication: an officer JWT on every route except the approval page and the docs.',
  '- Ghi: mọi thao tác ghi cần `Idempotency-Key`; gửi lại trả kết quả đầu tiên; cùng mã, nội dung khác: 422 `IDEMPOTENCY_KEY_REUSED`. / Writes: every write needs `Idempotency-Key`; a replay returns the first response; the same key with another body: 422 `IDEMPOTENCY_KEY_REUSED`.',
  '- Phiên bản: đọc một tài nguyên trả `ETag`; thao tác gửi `If-Match` (hoặc `expectedVersion`); đã cũ: 412/409 `VERSION_CONFLICT`. / Versions: single reads answer an `ETag`; writes send `If-Match` (or `expectedVersion`); stale: 412/409 `VERSION_CONFLICT`.',
  '- Phân trang: `limit` và `cursor` (giá trị `nextCursor` trước, không tự tạo); thứ tự ổn định; hết trang khi không có `nextCursor`. / Pagination: `limit` and `cursor` (the previous `nextCursor`, opaque); stable order; the last page has no `nextCursor`.',
  '- Lỗi: một dạng duy nhất `{code, message, message_en, field?, details?}` (components/schemas/Error). / Errors: one shape `{code, message, message_en, field?, details?}`.',
  '- Ngày: `YYYY-MM-DD` là ngày theo lịch Việt Nam (Asia/Ho_Chi_Minh), kể cả hạn; thời điểm là ISO 8601 UTC. / Dates: `YYYY-MM-DD` is a Vietnam calendar day (Asia/Ho_Chi_Minh), deadlines included; instants are ISO 8601 UTC.',
].join('\n');
