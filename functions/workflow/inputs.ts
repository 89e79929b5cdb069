import * as z from 'zod';
import { HUMAN_STAGE_IDS } from '../domain/stage-ids';
import { type ApplyRequest } from '../services/apply-transition';
import { type EndProbationRequest } from '../services/end-probation';
import { type ParkRequest } from '../services/park-candidate';
import { type WatchRequest } from '../services/watch-deadline';

/**
 * The payloads the state machines send their tasks (lib/admission-definition.ts). Each handler
 * parses its payload before it reads or writes anything: a definition that drifted from the
 * handler fails its first task with a ParseError naming the field, not halfway through a write.
 */
const candidateId = z.string().min(1);
const stage = z.enum(HUMAN_STAGE_IDS);
/** `$$.Execution.Name`: 1–80 characters. */
const executionName = z.string().min(1).max(80);

export const applyRequest = z.object({
  candidateId,
  stage: stage.optional(),
  submissionId: z.string().min(1),
}) satisfies z.ZodType<ApplyRequest>;

export const parkRequest = z.object({
  candidateId,
  stage,
  taskToken: z.string().min(1),
  executionArn: z.string().startsWith('arn:'),
  executionName,
}) satisfies z.ZodType<ParkRequest>;

export const watchRequest = z.object({
  candidateId,
  stage,
  executionName,
  /** `$$.Execution.StartTime`, an ISO 8601 timestamp. */
  executionStartedAt: z.iso.datetime({ offset: true }),
}) satisfies z.ZodType<WatchRequest>;

export const endProbationRequest = z.object({
  candidateId,
  executionName,
}) satisfies z.ZodType<EndProbationRequest>;
