import * as z from 'zod';
import { IMPORTABLE_STAGES } from '../../domain/onboarding/importable-stages';
import { builtOnFirstUse } from '../../domain/built-on-first-use';

const bi = (vi: string, en: string) => `${vi} / ${en}`;

export const onboardingTemplateQuery = builtOnFirstUse(() =>
  z.strictObject({
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  }),
);

export const onboardingImportQuery = builtOnFirstUse(() =>
  z.strictObject({
    /** Recorded on every imported event with the file's SHA-256. */
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      // No path separators or control characters: it is shown back in history and exports.
      // eslint-disable-next-line no-control-regex
      .regex(/^[^\\/\u0000-\u001f]+$/)
      .optional()
      .meta({ description: bi('Tên tệp, ghi vào lịch sử', 'The file name, kept in history') }),
  }),
);

const columnSchema = builtOnFirstUse(() =>
  z.looseObject({
    key: z.string(),
    header: z.string(),
    group: z.string(),
    label: z.string(),
    labelEn: z.string(),
    type: z.enum(['date', 'text', 'integer', 'boolean']),
    required: z.boolean(),
    values: z.array(z.string()).optional(),
  }),
);

export const onboardingTemplateSchema = builtOnFirstUse(() =>
  z
    .looseObject({
      columns: z.array(columnSchema()),
      example: z.record(z.string(), z.string()),
      stages: z.array(
        z.looseObject({
          stage: z.enum(IMPORTABLE_STAGES),
          label: z.string(),
          labelEn: z.string(),
          stagesBehind: z.array(z.string()),
          requiredColumns: z.array(z.string()),
        }),
      ),
      patterns: z.array(z.string()),
    })
    .meta({
      id: 'OnboardingTemplate',
      description: bi('Mẫu nhập hồ sơ đang xử lý', 'The template of files in progress'),
    }),
);

export const onboardingReportSchema = builtOnFirstUse(() =>
  z
    .looseObject({
      fileName: z.string(),
      sha256: z.string(),
      rows: z.int(),
      applied: z.int(),
      skipped: z.int(),
      refused: z.int(),
      results: z.array(
        z.looseObject({
          row: z.int(),
          status: z.enum(['APPLIED', 'SKIPPED', 'REFUSED']),
          candidateId: z.string().optional(),
          stage: z.enum(IMPORTABLE_STAGES).optional(),
          error: z
            .looseObject({
              code: z.string(),
              message: z.string(),
              message_en: z.string(),
              field: z.string().optional(),
              status: z.int(),
            })
            .optional(),
        }),
      ),
    })
    .meta({
      id: 'OnboardingReport',
      description: bi('Kết quả nhập từng dòng', 'The answer of each row'),
    }),
);
