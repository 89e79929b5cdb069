import { awsDigestRuns } from '../adapters/sfn-digest-runs';
import { parsedHandler } from '../observability/lambda-handler';
import { logger } from '../observability/logger';
import { planDigestRun } from '../services/daily-digest';
import { scheduledEvent } from './inputs';

const runs = awsDigestRuns();

/**
 * Daily (EventBridge, 07:00 Vietnam time): starts the day's digest run — one execution of the
 * digest state machine, which sends the shards of subscribers in parallel (ops/digest-shard.ts).
 * It reads nothing and sends nothing itself.
 */
export const handler = parsedHandler(scheduledEvent, async () => {
  const plan = planDigestRun(new Date());
  const { executionArn } = await runs.start(plan);
  logger.info('Daily digest run started', { day: plan.day, shards: plan.shards.length });
  return { day: plan.day, shards: plan.shards.length, executionArn };
});
