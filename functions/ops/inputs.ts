import { JSONStringified } from '@aws-lambda-powertools/parser/helpers';
import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas/eventbridge';
import * as z from 'zod';

/**
 * What an EventBridge schedule rule sends its target (the parts checked): the jobs run on their
 * schedule, so any other event is a wiring mistake and is refused before the job reads anything.
 */
export const scheduledEvent = z.object({
  'detail-type': z.literal('Scheduled Event'),
  source: z.literal('aws.events'),
  time: z.iso.datetime({ offset: true }),
});

const widgetParams = {
  unit: z.string().min(1).optional(),
  period: z.string().min(1).optional(),
};

/** What CloudWatch sends a custom widget function (the parts used). */
export const customWidgetEvent = z.object({
  describe: z.boolean().optional(),
  /** The widget's `params` (JSON in the dashboard body): `{unit, period}`. */
  ...widgetParams,
  widgetContext: z.object({ params: z.object(widgetParams).nullish() }).optional(),
});

export type CustomWidgetEvent = z.output<typeof customWidgetEvent>;

/** What SNS delivers to a subscribed function (the parts used): each record's message text. */
export const snsEvent = z.object({
  Records: z.array(z.object({ Sns: z.object({ Message: z.string() }) })).min(1),
});

/** The statuses of an execution that ended without its state machine reaching an end state. */
export const ENDED_WITHOUT_END_STATE = ['FAILED', 'TIMED_OUT', 'ABORTED'] as const;

/**
 * What Step Functions sends EventBridge when an execution's status changes (the parts used): the
 * execution's name and machine, how it ended, and its input — a candidate's id (every admission
 * and recognition execution is started with one).
 */
export const executionStatusChangeEvent = EventBridgeSchema.extend({
  source: z.literal('aws.states'),
  'detail-type': z.literal('Step Functions Execution Status Change'),
  detail: z.object({
    executionArn: z.string().min(1),
    stateMachineArn: z.string().min(1),
    name: z.string().min(1),
    status: z.enum(ENDED_WITHOUT_END_STATE),
    input: JSONStringified(z.object({ candidateId: z.string().min(1) })),
    error: z.string().nullish(),
  }),
});
