import { awsCheckpoints, awsDependencies } from '../adapters/aws-dependencies';
import { awsWorkflowSchedules } from '../adapters/aws-workflow-schedules';
import { CheckpointMovedError } from '../adapters/checkpoint-store';
import { parsedHandler } from '../observability/lambda-handler';
import { logger } from '../observability/logger';
import { describeResumeFailure } from '../observability/resume-failure';
import { createPipelineMetrics, recordResumePass } from '../observability/transition-metrics';
import { resumeInFlight } from '../services/resume-in-flight';
import { scheduledEvent } from './inputs';

const deps = {
  ...awsDependencies(),
  schedules: awsWorkflowSchedules(),
  checkpoints: awsCheckpoints(),
  onFailure: (failure: Parameters<typeof describeResumeFailure>[0]) =>
    logger.error('Candidate not repaired', describeResumeFailure(failure)),
};
const metrics = createPipelineMetrics();

/** Time kept back from the function's timeout: the page in hand is finished and checkpointed. */
const STOP_BEFORE_TIMEOUT_MS = 60_000;

/**
 * Scheduled (and run by the local runtime on start): the repair sweep over the in-flight index,
 * from its checkpoint, until the pass is done or the run's time is nearly up.
 */
export const handler = parsedHandler(scheduledEvent, async (_event, context) => {
  let report;
  try {
    report = await resumeInFlight(deps, {
      timeUp: () => context.getRemainingTimeInMillis() < STOP_BEFORE_TIMEOUT_MS,
    });
  } catch (error) {
    // Two runs overlapped (a slow one and the next tick): the one that saved first goes on.
    if (!(error instanceof CheckpointMovedError)) throw error;
    logger.warn('Another sweep run advanced the checkpoint; this run stops');
    return { overlapped: true };
  }
  recordResumePass(metrics, report);
  logger.info('Repair sweep run finished', { ...report });
  return report;
});
