import { builtOnFirstUse } from './built-on-first-use';
import * as z from 'zod';
import { singleLineText } from './clean-text';
import { refuse } from './refusal';

/**
 * Bulk requests: many candidates, one action each, one answer per candidate. The limit keeps a
 * request within one function's time (each candidate is one conditional transaction).
 */
const MAX_BULK_ITEMS = 100;

const candidateId = builtOnFirstUse(() => z.string().trim().min(1).max(64));
const shortText = builtOnFirstUse(() => singleLineText(1, 200));
const isoDate = builtOnFirstUse(() => z.iso.date());

export const bulkActionsSchema = builtOnFirstUse(() =>
  z.strictObject({
    items: z
      .array(
        z.strictObject({
          candidateId: candidateId(),
          action: z.string().min(1).max(64),
          /** Default: the version the candidate has when the bulk request reaches it. */
          expectedVersion: z.int().min(1).optional(),
          payload: z.unknown().optional(),
        }),
      )
      .min(1),
  }),
);

export const classEnrolmentSchema = builtOnFirstUse(() =>
  z.strictObject({
    candidateIds: z.array(candidateId()).min(1),
  }),
);

export const classResultsSchema = builtOnFirstUse(() =>
  z.strictObject({
    /** The certificates' issue date when a pass does not name its own (default: the last day). */
    issuedOn: isoDate().optional(),
    results: z
      .array(
        z.discriminatedUnion('result', [
          z.strictObject({
            candidateId: candidateId(),
            result: z.literal('PASSED'),
            certificateNumber: shortText(),
            issuedOn: isoDate().optional(),
          }),
          z.strictObject({ candidateId: candidateId(), result: z.enum(['FAILED', 'ABSENT']) }),
        ]),
      )
      .min(1),
  }),
);
export type ClassResultsRequest = z.infer<ReturnType<typeof classResultsSchema>>;

/**
 * Refuses a bulk body before it is parsed when its list is over the limit (413), and a list that
 * names a candidate twice (400): one action per candidate per request.
 */
export function assertBulkShape(
  body: unknown,
  listField: string,
  idOf: (item: unknown) => unknown,
) {
  const list = (body as Record<string, unknown> | undefined)?.[listField];
  if (!Array.isArray(list)) return;
  if (list.length > MAX_BULK_ITEMS) {
    refuse('too-large', {
      code: 'BULK_TOO_LARGE',
      message: `Mỗi yêu cầu tối đa ${MAX_BULK_ITEMS} hồ sơ (gửi ${list.length}); hãy chia nhỏ`,
      message_en: `At most ${MAX_BULK_ITEMS} candidates per request (got ${list.length}); split it`,
      field: listField,
      details: { max: MAX_BULK_ITEMS, count: list.length },
    });
  }
  const seen = new Set<unknown>();
  list.forEach((item, index) => {
    const id = idOf(item);
    if (id !== undefined && seen.has(id)) {
      refuse('invalid', {
        code: 'DUPLICATE_CANDIDATE',
        message: `Hồ sơ ${String(id)} xuất hiện hai lần trong yêu cầu`,
        message_en: `Candidate ${String(id)} appears twice in the request`,
        field: `${listField}.${index}`,
      });
    }
    seen.add(id);
  });
}
