import { type Submission } from '../domain/candidate';
import { type HumanStageId, type PhaseId } from '../domain/pipeline';

/** What the workflow execution receives when it starts or resumes a candidate. */
export interface ExecutionInput {
  candidateId: string;
  resumeFrom: HumanStageId;
}

/** What a parked callback task receives back: the action to apply, by reference. */
export interface Delivery {
  submissionId: string;
}

/** The port to Step Functions: one state machine per phase (admission, recognition). */
export interface Workflow {
  /**
   * Starts the state machine of `input.resumeFrom`'s phase. Idempotent: starting an execution
   * name that already exists is not an error.
   */
  start(executionName: string, input: ExecutionInput): Promise<void>;
  /** Hands a submission to the parked task; `false` when that task no longer waits. */
  deliver(
    taskToken: string,
    submission: Submission,
    delivery: 'complete' | 'fail',
  ): Promise<boolean>;
  /**
   * Starts a phase at its scheduled entry, without `resumeFrom`, as its schedule does (recognition
   * at End_PROBATION). `existing` when that execution name was used before.
   */
  startAtScheduledEntry(
    executionName: string,
    phase: PhaseId,
    input: { candidateId: string },
  ): Promise<'started' | 'existing'>;
  isRunning(executionName: string, phase: PhaseId): Promise<boolean>;
  /** Stops a superseded execution; one that already ended (or never began) is left as it is. */
  stop(executionName: string, phase: PhaseId, cause: string): Promise<void>;
}
