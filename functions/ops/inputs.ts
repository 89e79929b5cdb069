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
