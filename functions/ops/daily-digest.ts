import { awsDigestRuns } from '../adapters/sfn-digest-runs';
import { parsedHandler } from '../observability/lambda-handler';
import { logger } from '../observability/logger';
import { digestRunName, planDigestRun } from '../services/daily-digest';
import { digestScheduleEvent } from './digest-inputs';

const runs = awsDigestRuns();

/**
 * Daily (EventBridge, 07:00 Vietnam time): starts the day's digest run — one execution of the
 * digest state machine, which sends the shards of subscribers in parallel (ops/digest-shard.ts).
 * It reads nothing and sends nothing itself; a retried delivery of the same event starts nothing
 * more.
 */
export const handler = parsedHandler(digestScheduleEvent, async (event) => {
  // The day of the schedule's time, not of the invocation: a retry hours later is the same run.
  const plan = planDigestRun(new Date(event.time));
  const { executionArn } = await runs.start(digestRunName(plan.day, event.id), plan);
  logger.info('Daily digest run started', { day: plan.day, shards: plan.shards.length });
  return { day: plan.day, shards: plan.shards.length, executionArn };
});
