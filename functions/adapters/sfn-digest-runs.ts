import { randomUUID } from 'node:crypto';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { traced } from '../observability/tracer';
import { type DigestRunPlan, type DigestRuns } from './digest-runs';

/**
 * Each run is an execution of the digest state machine, named after its day so an operator finds
 * it (`digest-2026-03-10-…`); the suffix lets a run be started again the same day (a re-run sends
 * only what the first did not: the digests are idempotent per person and day).
 */
class StepFunctionsDigestRuns implements DigestRuns {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(plan: DigestRunPlan): Promise<{ executionArn: string }> {
    const { executionArn } = await this.sfn.send(
      new StartExecutionCommand({
        stateMachineArn: this.stateMachineArn,
        name: `digest-${plan.day}-${randomUUID().slice(0, 8)}`,
        input: JSON.stringify(plan),
      }),
    );
    return { executionArn: executionArn! };
  }
}

/** The digest state machine the environment names (DIGEST_STATE_MACHINE_ARN). */
export function awsDigestRuns(): DigestRuns {
  const stateMachineArn = process.env.DIGEST_STATE_MACHINE_ARN;
  if (!stateMachineArn) throw new Error('Environment variable DIGEST_STATE_MACHINE_ARN is not set');
  return new StepFunctionsDigestRuns(traced(new SFNClient({ maxAttempts: 5 })), stateMachineArn);
}
