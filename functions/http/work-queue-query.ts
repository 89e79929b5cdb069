import { z } from 'zod';
import { HUMAN_STAGE_IDS, TERMINAL_STAGE_IDS } from '../domain/pipeline';

const stage = z.enum([...HUMAN_STAGE_IDS, ...TERMINAL_STAGE_IDS]);

/** The query of a work-queue page (GET /tasks; GET /candidates adds unit and stage). */
export const taskQuery = z.strictObject({
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  dueBefore: z.iso.date().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2048).optional(),
});

/** `stage` may name several stages, comma-separated (`stage=CEREMONY,ADMISSION_DECISION`). */
export const candidateQueueQuery = taskQuery.extend({
  unit: z.string().trim().min(1).max(64).optional(),
  stage: z
    .string()
    .transform((v) => v.split(','))
    .pipe(z.array(stage).min(1).max(13))
    .optional(),
});
