import { parsedHandler } from '../observability/lambda-handler';
import { logger } from '../observability/logger';
import { createPipelineMetrics, recordDigestRun } from '../observability/transition-metrics';
import { summariseDigestRun } from '../services/daily-digest';
import { digestRunOutcomes } from './digest-inputs';

const metrics = createPipelineMetrics();

/**
 * The last task of the digest state machine (lib/daily-digest.ts): adds up the day's run, counts
 * it (`DigestsSent`, `DigestFailures`: people not reached plus shards that failed) and logs it —
 * counts and shard numbers only, nothing personal. The state machine fails the run when a shard
 * failed, so the operators' alarm sees it.
 */
export const handler = parsedHandler(digestRunOutcomes, async ({ day, outcomes }) => {
  const summary = summariseDigestRun(day, outcomes);
  recordDigestRun(metrics, {
    sent: summary.sent,
    failures: summary.failures + summary.failedShards.length,
  });
  logger.info('Daily digest run', { ...summary });
  return summary;
});
