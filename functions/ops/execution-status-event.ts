import * as z from 'zod';

/** The statuses of an execution that ended without its state machine reaching an end state. */
export const ENDED_WITHOUT_END_STATE = ['FAILED', 'TIMED_OUT', 'ABORTED'] as const;

/** A field EventBridge carries as JSON text (the execution's input), parsed, then checked. */
function jsonText<Schema extends z.ZodType>(schema: Schema) {
  return z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/**
 * What Step Functions sends EventBridge when an execution's status changes (the envelope and the
 * parts used): the execution's name and machine, how it ended, and its input — a candidate's id
 * (every admission and recognition execution is started with one). Zod's namespace import keeps
 * the bundle small (Powertools' built-in EventBridge schema would bring all of zod).
 */
export const executionStatusChangeEvent = z.object({
  version: z.string(),
  id: z.string(),
  source: z.literal('aws.states'),
  'detail-type': z.literal('Step Functions Execution Status Change'),
  account: z.string(),
  time: z.iso.datetime({ offset: true }),
  region: z.string(),
  resources: z.array(z.string()),
  detail: z.object({
    executionArn: z.string().min(1),
    stateMachineArn: z.string().min(1),
    name: z.string().min(1),
    status: z.enum(ENDED_WITHOUT_END_STATE),
    input: jsonText(z.object({ candidateId: z.string().min(1) })),
    error: z.string().nullish(),
  }),
});
