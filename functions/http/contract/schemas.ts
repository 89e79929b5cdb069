import * as z from 'zod';
import { NOMINATION_SOURCES } from '../../domain/candidate';
import { HUMAN_STAGE_IDS, TERMINAL_STAGE_IDS } from '../../domain/pipeline';
import { ROLES } from '../../domain/roles';
import { builtOnFirstUse } from '../../domain/built-on-first-use';

/**
 * The pieces routes share: path parameters, pagination, dates and the response bodies. Requests
 * are strict (an unknown field is refused); responses are open objects: a client must ignore
 * fields it does not know, so the API can add one without breaking anybody.
 */

const bi = (vi: string, en: string) => `${vi} / ${en}`;

// ----- request parts ---------------------------------------------------------------------------
// Built on first use: a function builds those of the routes it serves (contract/route.ts).

export const unitIdSchema = builtOnFirstUse(() =>
  z
    .string()
    .trim()
    .min(1)
    .max(64)
    .meta({ description: bi('Mã đơn vị', 'Unit id') }),
);

/** A calendar day (YYYY-MM-DD) as it reads in Vietnam (Asia/Ho_Chi_Minh), not a UTC instant. */
export const vietnamDate = builtOnFirstUse(() =>
  z.iso.date().meta({
    description: bi('Ngày (YYYY-MM-DD, lịch Việt Nam)', 'Date (YYYY-MM-DD, Vietnam calendar)'),
  }),
);

export const stageSchema = builtOnFirstUse(() =>
  z.enum([...HUMAN_STAGE_IDS, ...TERMINAL_STAGE_IDS]).meta({
    id: 'Stage',
    description: bi('Bước của quy trình kết nạp', 'Stage of the admission procedure'),
  }),
);

/** Cursor pagination: `limit` items per page, `cursor` = the previous page's `nextCursor`. */
export const pageQuery = builtOnFirstUse(() => ({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(25)
    .meta({ description: bi('Số mục mỗi trang (1–100)', 'Items per page (1–100)') }),
  cursor: z
    .string()
    .min(1)
    .max(2048)
    .optional()
    .meta({
      description: bi(
        'Giá trị nextCursor của trang trước (không tự tạo)',
        "The previous page's nextCursor (opaque)",
      ),
    }),
}));

export const candidateIdParams = builtOnFirstUse(() =>
  z.strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .meta({ description: bi('Mã hồ sơ', 'Candidate id') }),
  }),
);

export const approvalIdParams = builtOnFirstUse(() =>
  z.strictObject({
    approvalId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,1024}$/)
      .meta({ description: bi('Mã phê duyệt đã ký (trong liên kết)', 'Signed approval id') }),
  }),
);

export const unitIdParams = builtOnFirstUse(() => z.strictObject({ id: unitIdSchema() }));

// ----- the one error shape ---------------------------------------------------------------------

export const errorSchema = builtOnFirstUse(() =>
  z
    .object({
      code: z
        .string()
        .regex(/^[A-Z][A-Z0-9_]*$/)
        .meta({ description: bi('Mã lỗi ổn định', 'Stable error code') }),
      message: z.string().meta({ description: bi('Thông điệp tiếng Việt', 'Vietnamese message') }),
      message_en: z.string().meta({ description: bi('Thông điệp tiếng Anh', 'English message') }),
      field: z
        .string()
        .optional()
        .meta({ description: bi('Trường gây lỗi', 'The field at fault') }),
      details: z
        .record(z.string(), z.unknown())
        .optional()
        .meta({ description: bi('Chi tiết máy đọc được', 'Machine-readable details') }),
    })
    .meta({
      description: bi(
        'Dạng lỗi duy nhất của API: mã, thông điệp tiếng Việt và tiếng Anh, trường gây lỗi',
        "The API's one error shape: code, Vietnamese and English message, field at fault",
      ),
    }),
);

/** What API Gateway itself answers when the JWT authorizer rejects a token (before any handler). */
export const gatewayErrorSchema = builtOnFirstUse(() =>
  z.object({ message: z.string() }).meta({
    description: bi(
      'Lỗi của cổng API khi mã JWT thiếu hoặc sai',
      'The gateway’s answer to a missing or invalid JWT',
    ),
  }),
);

// ----- responses -------------------------------------------------------------------------------
// Each built on first use (functions/domain/built-on-first-use.ts): only the OpenAPI document reads the answers'
// schemas, and building them all would cost every function's cold start.

const isoInstant = builtOnFirstUse(() =>
  z.string().meta({ description: bi('Thời điểm ISO 8601', 'ISO 8601 instant') }),
);

const actorSchema = builtOnFirstUse(() =>
  z
    .looseObject({
      userId: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      unitId: z.string(),
    })
    .meta({ id: 'Actor', description: bi('Người thực hiện', 'Who acted') }),
);

const candidateSummarySchema = builtOnFirstUse(() =>
  z
    .looseObject({
      id: z.string(),
      fullName: z.string(),
      unitId: z.string(),
      stage: stageSchema(),
      version: z.int(),
      createdAt: isoInstant(),
      stageEnteredAt: isoInstant(),
      dueOn: vietnamDate().optional().meta({
        description: 'Hạn của bước hiện tại / When the current step is due',
      }),
      escalationLevel: z.int().optional().meta({
        description:
          'Bước quá hạn đã được báo lên bao nhiêu cấp (0: mới nhắc) / Levels an overdue step was escalated (0: reminded only)',
      }),
      overdue: z.boolean().meta({
        description: 'Đã quá hạn (hạn trước hôm nay) / Past due (due before today)',
      }),
    })
    .meta({
      id: 'CandidateSummary',
      description: bi('Hồ sơ trong danh sách', 'A candidate in a listing'),
    }),
);

export const candidatePageSchema = builtOnFirstUse(() =>
  z
    .looseObject({
      items: z.array(candidateSummarySchema()),
      nextCursor: z
        .string()
        .optional()
        .meta({
          description: bi('Con trỏ trang sau (không có: hết)', 'Next page cursor (absent: last)'),
        }),
    })
    .meta({ id: 'CandidatePage', description: bi('Một trang hồ sơ', 'A page of candidates') }),
);

const historyEventSchema = builtOnFirstUse(() =>
  z
    .looseObject({
      candidateId: z.string(),
      seq: z.int(),
      at: isoInstant(),
      type: z.enum(['NOMINATED', 'TRANSITION', 'CORRECTION', 'REMINDER', 'ESCALATION']),
      fromStage: stageSchema().optional(),
      toStage: stageSchema(),
      action: z.string().optional(),
      outcome: z.string().optional(),
      policyVersion: z.string().optional(),
      actor: actorSchema().optional(),
      notice: z
        .looseObject({
          index: z.int(),
          escalationLevel: z.int(),
          recipient: z.looseObject({ role: z.enum(ROLES), unitId: z.string() }),
          dueOn: vietnamDate(),
        })
        .optional()
        .meta({
          description: bi(
            'Nhắc việc/báo cáo lên cấp trên về bước quá hạn: ai được báo, hạn nào',
            'Reminder/escalation of an overdue step: who was told, about which due date',
          ),
        }),
    })
    .meta({ id: 'HistoryEvent', description: bi('Sự kiện lịch sử', 'A history event') }),
);

export const candidateSchema = builtOnFirstUse(() =>
  z
    .looseObject({
      id: z.string(),
      fullName: z.string(),
      nominationSource: z.enum(NOMINATION_SOURCES),
      unitId: z.string(),
      unitPath: z.array(z.string()),
      stage: stageSchema(),
      stageLabel: z.string(),
      stageLabelEn: z.string(),
      version: z.int().meta({
        description: bi(
          'Phiên bản; gửi lại trong expectedVersion hoặc If-Match',
          'Version; send it back as expectedVersion or If-Match',
        ),
      }),
      status: z.enum(['AWAITING_ACTION', 'PROCESSING', 'CLOSED']),
      createdAt: isoInstant(),
      updatedAt: isoInstant(),
      stageEnteredAt: isoInstant(),
      awaiting: z
        .looseObject({
          stage: stageSchema(),
          since: isoInstant(),
          actions: z.array(
            z.looseObject({ action: z.string(), label: z.string(), labelEn: z.string() }),
          ),
        })
        .optional(),
      documents: z.array(z.looseObject({})),
      missingDocuments: z.array(z.string()),
      deadline: z
        .looseObject({
          stage: stageSchema(),
          from: vietnamDate(),
          dueOn: vietnamDate(),
          workingDays: z.int(),
          policyVersion: z.string(),
          overdueNoticesSent: z.int(),
          escalationLevel: z.int(),
          lastNoticeAt: isoInstant().optional(),
        })
        .optional()
        .meta({
          description: bi(
            'Thời hạn của bước đang chờ (ngày làm việc) và mức báo cáo lên cấp trên khi quá hạn',
            'Due date of the step it waits at (working days) and how far an overdue step escalated',
          ),
        }),
      pendingAction: z
        .looseObject({ action: z.string(), toStage: stageSchema(), submittedAt: isoInstant() })
        .optional(),
      history: z.array(historyEventSchema()).optional(),
    })
    .meta({ id: 'Candidate', description: bi('Hồ sơ kết nạp', 'An admission file') }),
);

export const historySchema = builtOnFirstUse(() =>
  z.looseObject({
    candidateId: z.string(),
    items: z.array(historyEventSchema()),
  }),
);

export const acceptedActionSchema = builtOnFirstUse(() =>
  z.looseObject({
    status: z.literal('ACCEPTED'),
    candidateId: z.string(),
    submissionId: z.string(),
    action: z.string(),
    fromStage: stageSchema(),
    toStage: stageSchema(),
  }),
);

const auditPageSchema = builtOnFirstUse(() =>
  z
    .looseObject({
      unit: z.string(),
      from: vietnamDate(),
      to: vietnamDate(),
      items: z.array(historyEventSchema().extend({ unitPath: z.array(z.string()) })),
      nextCursor: z
        .string()
        .optional()
        .meta({
          description: bi('Con trỏ trang sau (không có: hết)', 'Next page cursor (absent: last)'),
        }),
    })
    .meta({
      id: 'AuditPage',
      description: bi('Một trang nhật ký (format=json)', 'A page of the audit trail (format=json)'),
    }),
);

const auditExportLinkSchema = builtOnFirstUse(() =>
  z
    .looseObject({
      unit: z.string(),
      from: vietnamDate(),
      to: vietnamDate(),
      format: z.enum(['csv']),
      count: z.int().meta({ description: bi('Số thao tác trong tệp', 'Events in the file') }),
      filename: z.string(),
      download: z.looseObject({
        url: z.url().meta({
          description: bi(
            'Liên kết tải tệp (đã ký, không cần token)',
            'Signed download link (no token needed)',
          ),
        }),
        expiresAt: isoInstant().meta({
          description: bi('Liên kết hết hạn lúc', 'The link expires at'),
        }),
      }),
    })
    .meta({
      id: 'AuditExportLink',
      description: bi(
        'Tệp lớn hơn một trang: đã ghi và trả liên kết tải',
        'A file larger than one page: written, answered with a download link',
      ),
    }),
);

export const auditSchema = builtOnFirstUse(() =>
  z.union([auditPageSchema(), auditExportLinkSchema()]),
);

export const quotaWriteSchema = builtOnFirstUse(() =>
  z.looseObject({ importId: z.string(), count: z.int() }),
);

export const quotaTargetsSchema = builtOnFirstUse(() =>
  z.looseObject({
    unit: z.string(),
    period: z.string().optional(),
    items: z.array(z.looseObject({ unitId: z.string(), period: z.string(), metric: z.string() })),
  }),
);

export const quotaReportSchema = builtOnFirstUse(() =>
  z.looseObject({
    unitId: z.string(),
    period: z.string(),
    range: z.looseObject({ from: vietnamDate(), to: vietnamDate() }),
    today: vietnamDate(),
    units: z.array(z.looseObject({ unitId: z.string(), name: z.string() })),
  }),
);

export const unitSchema = builtOnFirstUse(() =>
  z
    .looseObject({
      id: z.string(),
      name: z.string(),
      level: z.string(),
      parentId: z.string().optional(),
      path: z.array(z.string()),
      effectiveFrom: vietnamDate(),
      retiredOn: vietnamDate().optional(),
    })
    .meta({ id: 'Unit', description: bi('Đơn vị', 'A unit') }),
);

export const unitMovedSchema = builtOnFirstUse(() =>
  z.looseObject({
    unit: unitSchema(),
    unitsRepathed: z.int(),
    candidatesUpdated: z.int(),
  }),
);

export const unitImportSchema = builtOnFirstUse(() => z.looseObject({ count: z.int() }));

export const approvalDetailsSchema = builtOnFirstUse(() =>
  z.looseObject({
    candidate: z.looseObject({ id: z.string(), fullName: z.string(), unitId: z.string() }),
    stage: stageSchema(),
    stageLabel: z.string(),
    stageLabelEn: z.string(),
    linkExpiresAt: isoInstant(),
    dossier: z.looseObject({}),
    documents: z.array(z.looseObject({ code: z.string(), present: z.boolean() })),
    decision: z.looseObject({ decision: z.string(), decidedAt: isoInstant() }).optional(),
  }),
);

export const approvalDecidedSchema = builtOnFirstUse(() =>
  z.looseObject({
    decision: z.looseObject({
      decision: z.enum(['APPROVE', 'REJECT', 'REQUEST_INFO']),
      decidedAt: isoInstant(),
    }),
    candidateId: z.string(),
    resultingVersion: z.int(),
  }),
);

// ----- work queues, awareness classes, bulk actions --------------------------------------------

export const classIdParams = builtOnFirstUse(() =>
  z.strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .meta({ description: bi('Mã lớp bồi dưỡng', 'Awareness class id') }),
  }),
);

export const trainingClassSchema = builtOnFirstUse(() =>
  z.looseObject({
    id: z.string(),
    name: z.string(),
    organiserUnitId: z.string(),
    organiserPath: z.array(z.string()),
    startsOn: vietnamDate(),
    endsOn: vietnamDate(),
    capacity: z.int(),
    location: z.string(),
    enrolled: z.int().meta({ description: bi('Số đã ghi danh', 'Seats taken') }),
    createdAt: isoInstant(),
  }),
);

export const classPageSchema = builtOnFirstUse(() =>
  z.looseObject({
    items: z.array(trainingClassSchema()),
    nextCursor: z.string().optional(),
  }),
);

const classResult = builtOnFirstUse(() => z.enum(['PASSED', 'FAILED', 'ABSENT']));

export const classViewSchema = builtOnFirstUse(() =>
  trainingClassSchema().extend({
    status: z.enum(['PLANNED', 'IN_PROGRESS', 'ENDED', 'RESULTS_RECORDED']),
    figures: z.looseObject({
      enrolled: z.int(),
      passed: z.int(),
      failed: z.int(),
      absent: z.int(),
      awaitingResult: z.int(),
      passedOfEnrolled: z.string().meta({
        description: bi('Đạt/ghi danh, như báo cáo viết ("26/37")', 'Passed/enrolled ("26/37")'),
      }),
    }),
    seats: z.array(
      z.looseObject({
        candidateId: z.string(),
        fullName: z.string(),
        unitId: z.string(),
        enrolledAt: isoInstant(),
        result: classResult().optional(),
        certificateNumber: z.string().optional(),
        issuedOn: vietnamDate().optional(),
      }),
    ),
  }),
);

const refusalBody = builtOnFirstUse(() =>
  z.looseObject({
    code: z.string(),
    message: z.string(),
    message_en: z.string(),
    field: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
);

export const bulkResponseSchema = builtOnFirstUse(() =>
  z.looseObject({
    results: z.array(
      z.discriminatedUnion('status', [
        z.looseObject({
          candidateId: z.string(),
          status: z.literal('APPLIED'),
          accepted: z.looseObject({
            candidateId: z.string(),
            submissionId: z.string(),
            action: z.string(),
            fromStage: stageSchema(),
            outcome: z.string(),
            toStage: stageSchema(),
            resultingVersion: z.int(),
          }),
        }),
        z.looseObject({
          candidateId: z.string(),
          status: z.literal('REFUSED'),
          httpStatus: z
            .int()
            .meta({ description: bi('Mã HTTP nếu gửi riêng', 'The status it would have alone') }),
          error: refusalBody(),
        }),
        z.looseObject({
          candidateId: z.string(),
          status: z.literal('SKIPPED'),
          reason: refusalBody(),
        }),
      ]),
    ),
    summary: z.looseObject({
      total: z.int(),
      applied: z.int(),
      refused: z.int(),
      skipped: z.int(),
    }),
  }),
);

export const accountIdParams = builtOnFirstUse(() =>
  z.strictObject({
    id: z
      .string()
      .trim()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z0-9_-]+$/)
      .meta({ description: bi('Mã tài khoản (sub)', 'Account id (sub)') }),
  }),
);

export const accountSchema = builtOnFirstUse(() =>
  z
    .looseObject({
      userId: z.string(),
      username: z.string(),
      email: z.string(),
      name: z.string(),
      unitId: z.string(),
      roles: z.array(z.enum(ROLES)),
      enabled: z.boolean(),
      digest: z.boolean(),
      version: z.int(),
      history: z.array(z.looseObject({ type: z.string(), at: isoInstant() })).optional(),
    })
    .meta({ id: 'Account', description: bi('Tài khoản cán bộ', 'An officer account') }),
);

export const accountPageSchema = builtOnFirstUse(() =>
  z.looseObject({
    unit: z.string(),
    items: z.array(accountSchema()),
    nextCursor: z.string().optional(),
  }),
);

export const deliveryPageSchema = builtOnFirstUse(() =>
  z.looseObject({
    items: z.array(
      z.looseObject({
        deliveryId: z.string(),
        sentAt: isoInstant(),
        channel: z.literal('EMAIL'),
        kind: z.string(),
        subject: z.string(),
        status: z.enum(['SENT', 'SUPPRESSED']),
        link: z.string().optional(),
        candidateId: z.string().optional(),
      }),
    ),
    nextCursor: z.string().optional(),
  }),
);
