import { awsCandidateStore } from '../adapters/aws-candidate-store';
import { awsDirectoryStore } from '../adapters/dynamodb-directory-store';
import { awsOrgStore } from '../adapters/dynamodb-org-store';
import { awsMailer } from '../adapters/aws-mailer';
import { parsedHandler } from '../observability/lambda-handler';
import { createPipelineMetrics, recordDigestRun } from '../observability/transition-metrics';
import { type DigestDeps, sendDailyDigests } from '../services/daily-digest';
import { scheduledEvent } from './inputs';

const deps: DigestDeps = {
  org: awsOrgStore(),
  queue: awsCandidateStore(),
  people: { directory: awsDirectoryStore(), mailer: awsMailer() },
  now: () => new Date(),
};
const metrics = createPipelineMetrics();

/** Daily (EventBridge, 07:00 Vietnam time): "Việc cần làm hôm nay" to each officer with steps due. */
export const handler = parsedHandler(scheduledEvent, async () => {
  const run = await sendDailyDigests(deps);
  recordDigestRun(metrics, run);
  return run;
});
