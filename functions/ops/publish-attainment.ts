import { awsQuotaStore } from '../adapters/dynamodb-quota-store';
import { currentPeriods, unitsBehindPace, vietnamToday } from '../domain/quota/report';
import { parsedHandler } from '../observability/lambda-handler';
import { logger } from '../observability/logger';
import {
  createPipelineMetrics,
  recordAttainment,
  recordUnitsBehindPace,
} from '../observability/transition-metrics';
import { type QuotaDeps, quotaReport } from '../services/quota-ledger';
import { scheduledEvent } from './inputs';

const deps: QuotaDeps = { quotas: awsQuotaStore(), now: () => new Date() };
const metrics = createPipelineMetrics();

/**
 * Hourly (EventBridge): for each top-level unit, the report of the current year — publishes
 * `AttainmentPercent` per quota metric and issuer of the top unit's own targets, and
 * `UnitsBehindPace`: how many of the top unit and its direct children are behind the linear
 * pace of any target. Dimensions: TopUnit, QuotaMetric, Issuer (organisation ids only).
 */
export async function publishAttainment(
  d: QuotaDeps = deps,
): Promise<{ topUnits: number; behind: Record<string, number> }> {
  const today = vietnamToday(d.now());
  const period = process.env.QUOTA_PERIOD ?? currentPeriods(today).year;
  const behind: Record<string, number> = {};
  const tops = await d.quotas.childrenOf(undefined);
  for (const top of tops) {
    const report = await quotaReport(d, undefined, { unit: top.id, period, today });
    const own = report.units[0];
    for (const metric of own.metrics) {
      for (const t of metric.targets) {
        recordAttainment(metrics, {
          topUnitId: top.id,
          quotaMetric: metric.metric,
          issuerId: t.issuerId,
          percent: t.percent,
        });
      }
    }
    behind[top.id] = unitsBehindPace(report);
    recordUnitsBehindPace(metrics, { topUnitId: top.id, count: behind[top.id] });
  }
  logger.info('Attainment published', { period, topUnits: tops.length, behind });
  return { topUnits: tops.length, behind };
}

export const handler = parsedHandler(scheduledEvent, async () => publishAttainment());
