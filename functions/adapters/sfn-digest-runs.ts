import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { traced } from '../observability/tracer';
import { type DigestRunPlan, type DigestRuns } from './digest-runs';

/** Each run is an execution of the digest state machine, under the name the starter gives. */
export class StepFunctionsDigestRuns implements DigestRuns {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(name: string, plan: DigestRunPlan): Promise<{ executionArn: string }> {
    try {
      // A run of this name still running with the same input: Step Functions answers it.
      const { executionArn } = await this.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name,
          input: JSON.stringify(plan),
        }),
      );
      return { executionArn: executionArn! };
    } catch (error) {
      // It ran already (it ended, or began with another input): that was this event's run.
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
      const machine = this.stateMachineArn.replace(':stateMachine:', ':execution:');
      return { executionArn: `${machine}:${name}` };
    }
  }
}

/** The digest state machine the environment names (DIGEST_STATE_MACHINE_ARN). */
export function awsDigestRuns(): DigestRuns {
  const stateMachineArn = process.env.DIGEST_STATE_MACHINE_ARN;
  if (!stateMachineArn) throw new Error('Environment variable DIGEST_STATE_MACHINE_ARN is not set');
  return new StepFunctionsDigestRuns(traced(new SFNClient({ maxAttempts: 5 })), stateMachineArn);
}
