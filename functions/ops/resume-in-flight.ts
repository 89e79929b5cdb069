import { awsDependencies, awsWorkflowSchedules } from '../adapters/aws-dependencies';
import { parsedHandler } from '../observability/lambda-handler';
import { logger } from '../observability/logger';
import { describeResumeFailure } from '../observability/resume-failure';
import { createPipelineMetrics, recordResumePass } from '../observability/transition-metrics';
import { resumeInFlight } from '../services/resume-in-flight';
import { scheduledEvent } from './inputs';

const deps = {
  ...awsDependencies(),
  schedules: awsWorkflowSchedules(),
  onFailure: (failure: Parameters<typeof describeResumeFailure>[0]) =>
    logger.error('Candidate not repaired', describeResumeFailure(failure)),
};
const metrics = createPipelineMetrics();

/** Scheduled (and run by the local runtime on start): every in-flight candidate gets a live execution. */
export const handler = parsedHandler(scheduledEvent, async () => {
  const report = await resumeInFlight(deps);
  recordResumePass(metrics, report);
  logger.info('Resume pass finished', { ...report });
  return report;
});
