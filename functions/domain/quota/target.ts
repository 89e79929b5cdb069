import { builtOnFirstUse } from '../built-on-first-use';
import * as z from 'zod';
import { shareBasisPoints, targetCount } from './attainment';
import { QUOTA_METRICS } from './metric';
import { isPeriodId } from './period';

/**
 * A quota target (chỉ tiêu): what one issuer (the city committee, the district steering
 * committee, …) asks of one unit for one period and one metric. Several issuers may set targets
 * for the same unit, period and metric; a report shows attainment against each.
 *
 * Stored as `QUOTA#<unitId>` / `<period>#<metric>#<issuerId>` (docs/architecture.md, "Table design").
 */

/** Ids that are safe inside `#`-separated keys. */
export const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** A cell starting like this is a formula to a spreadsheet: refused so that exports are inert. */
const FORMULA_START = /^[=+\-@]/;

export const TARGET_KINDS = ['COUNT', 'SHARE_OF_MEMBERS'] as const;

const id = builtOnFirstUse(() =>
  z.string().regex(ID_PATTERN, {
    message:
      'Mã chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới (tối đa 64 ký tự) | Ids are letters, digits, ".", "-", "_" (at most 64)',
  }),
);

export const quotaTargetSchema = builtOnFirstUse(() =>
  z
    .strictObject({
      unitId: id(),
      period: z.string().refine(isPeriodId, {
        message:
          'Kỳ không hợp lệ (2025-Q1, 2025-H1, 2025, TERM-2020-2025) | Invalid period (2025-Q1, 2025-H1, 2025, TERM-2020-2025)',
      }),
      metric: z.enum(QUOTA_METRICS),
      issuerId: id(),
      issuerName: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .refine((name) => !FORMULA_START.test(name), {
          message:
            'Tên không được bắt đầu bằng =, +, -, @ | A name cannot start with =, +, -, @ (spreadsheet formula)',
        }),
      kind: z.enum(TARGET_KINDS),
      /** A count for `COUNT`; a percentage (≤ 2 decimals, ≤ 100) of members for a share. */
      value: z.number().min(0).max(1_000_000),
      /** Members at the start of the period; required for a share target. */
      membersAtStart: z.int().min(0).max(10_000_000).optional(),
    })
    .superRefine((t, ctx) => {
      if (t.kind === 'COUNT' && !Number.isInteger(t.value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: 'Chỉ tiêu số lượng phải là số nguyên | A count target must be a whole number',
        });
      }
      if (t.kind === 'SHARE_OF_MEMBERS') {
        try {
          shareBasisPoints(t.value);
        } catch {
          ctx.addIssue({
            code: 'custom',
            path: ['value'],
            message:
              'Tỷ lệ phải từ 0 đến 100, tối đa 2 chữ số thập phân | A share is 0 to 100 with at most 2 decimals',
          });
        }
        if (t.membersAtStart === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['membersAtStart'],
            message:
              'Chỉ tiêu theo tỷ lệ cần số đảng viên đầu kỳ | A share target needs the members at the start',
          });
        }
      }
    }),
);

export type QuotaTarget = z.infer<ReturnType<typeof quotaTargetSchema>>;

/** The number of admissions (etc.) the target asks for. */
export function countOf(target: QuotaTarget): number {
  return targetCount(target, target.membersAtStart);
}

/** The identity of a target: one per unit, period, metric and issuer. */
export function targetIdentity(t: Pick<QuotaTarget, 'unitId' | 'period' | 'metric' | 'issuerId'>) {
  return `${t.unitId}|${t.period}|${t.metric}|${t.issuerId}`;
}
