import { Submission } from '../domain/candidate';
import { HumanStageId } from '../domain/pipeline';

/** What the workflow execution receives when it starts or resumes a candidate. */
export interface ExecutionInput {
  candidateId: string;
  resumeFrom: HumanStageId;
}

/** What a parked callback task receives back: the action to apply, by reference. */
export interface Delivery {
  submissionId: string;
}

/** The port to Step Functions. */
export interface Workflow {
  /** Idempotent: starting an execution name that already exists is not an error. */
  start(executionName: string, input: ExecutionInput): Promise<void>;
  /** Hands a submission to the parked task; `false` when that task no longer waits. */
  deliver(
    taskToken: string,
    submission: Submission,
    delivery: 'complete' | 'fail',
  ): Promise<boolean>;
  isRunning(executionName: string): Promise<boolean>;
}
