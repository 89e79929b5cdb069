import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { type Submission } from '../domain/candidate';
import { phaseOf, type PhaseId, WITHDRAWAL_ERROR } from '../domain/pipeline';
import { type Delivery, type ExecutionInput, type Workflow } from './workflow';

/** The error a stopped, superseded execution ends with (its successor owns the candidate). */
export const SUPERSEDED_ERROR = 'Superseded';

export class StepFunctionsWorkflow implements Workflow {
  constructor(
    private readonly sfn: SFNClient,
    /** A function that never starts or looks at recognition executions is given admission only. */
    private readonly stateMachineArns: { admission: string; recognition?: string },
  ) {}

  async start(executionName: string, input: ExecutionInput): Promise<void> {
    await this.startNamed(executionName, phaseOf(input.resumeFrom), input);
  }

  startAtScheduledEntry(
    executionName: string,
    phase: PhaseId,
    input: { candidateId: string },
  ): Promise<'started' | 'existing'> {
    return this.startNamed(executionName, phase, input);
  }

  private async startNamed(
    executionName: string,
    phase: PhaseId,
    input: object,
  ): Promise<'started' | 'existing'> {
    try {
      await this.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn(phase),
          name: executionName,
          input: JSON.stringify(input),
        }),
      );
      return 'started';
    } catch (error) {
      // The name was used before: that earlier attempt already started this generation.
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
      return 'existing';
    }
  }

  async deliver(
    taskToken: string,
    submission: Submission,
    delivery: 'complete' | 'fail',
  ): Promise<boolean> {
    const output: Delivery = { submissionId: submission.id };
    try {
      if (delivery === 'complete') {
        await this.sfn.send(
          new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }),
        );
      } else {
        await this.sfn.send(
          new SendTaskFailureCommand({
            taskToken,
            error: WITHDRAWAL_ERROR,
            cause: JSON.stringify(output),
          }),
        );
      }
      return true;
    } catch (error) {
      if (
        error instanceof TaskDoesNotExist ||
        error instanceof InvalidToken ||
        error instanceof TaskTimedOut
      ) {
        return false;
      }
      throw error;
    }
  }

  async isRunning(executionName: string, phase: PhaseId): Promise<boolean> {
    try {
      const { status } = await this.sfn.send(
        new DescribeExecutionCommand({ executionArn: this.executionArn(executionName, phase) }),
      );
      return status === 'RUNNING';
    } catch (error) {
      if (error instanceof ExecutionDoesNotExist) return false;
      throw error;
    }
  }

  async stop(executionName: string, phase: PhaseId, cause: string): Promise<void> {
    try {
      await this.sfn.send(
        new StopExecutionCommand({
          executionArn: this.executionArn(executionName, phase),
          error: SUPERSEDED_ERROR,
          cause,
        }),
      );
    } catch (error) {
      if (!(error instanceof ExecutionDoesNotExist)) throw error;
    }
  }

  private stateMachineArn(phase: PhaseId): string {
    const arn = this.stateMachineArns[phase];
    if (!arn) throw new Error(`This function is not bound to the ${phase} state machine`);
    return arn;
  }

  private executionArn(name: string, phase: PhaseId): string {
    const [prefix, machineName] = this.stateMachineArn(phase).split(':stateMachine:');
    return `${prefix}:execution:${machineName}:${name}`;
  }
}
