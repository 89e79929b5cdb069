/**
 * The port to EventBridge Scheduler: one-time schedules that start a workflow at a wall-clock
 * time in Vietnam (the end of probation starts the recognition workflow).
 */
export interface ScheduledStart {
  /** Deterministic per candidate, so that a retry finds the schedule it already created. */
  name: string;
  /** `YYYY-MM-DDTHH:mm:ss`, Asia/Ho_Chi_Minh. */
  at: string;
  /** The execution's input. */
  input: { candidateId: string };
}

export interface WorkflowSchedules {
  /** Idempotent: `existing` when a schedule of that name was created before. */
  scheduleStart(start: ScheduledStart): Promise<'created' | 'existing'>;
}
