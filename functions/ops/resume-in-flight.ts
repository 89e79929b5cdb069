import { awsDependencies, awsWorkflowSchedules } from '../adapters/aws-dependencies';
import { logger } from '../observability/logger';
import { resumeInFlight } from '../services/resume-in-flight';

const deps = { ...awsDependencies(), schedules: awsWorkflowSchedules() };

/** Scheduled (and run by the local runtime on start): every in-flight candidate gets a live execution. */
export const handler = async () => {
  const report = await resumeInFlight(deps);
  logger.info('Resume pass finished', { ...report });
  return report;
};
