import { onFirstUse } from './on-first-use';
import { type WorkflowSchedules } from './workflow-schedules';

/**
 * The probation schedules (aws-workflow-schedules.ts) with the Scheduler SDK loaded at the first
 * schedule rather than at the cold start: the apply step arms one only for a member just
 * admitted (one transition of a candidate's nine), onboarding only for a row of a member in
 * probation, and its template route never does.
 */
export function awsWorkflowSchedulesOnFirstUse(): WorkflowSchedules {
  const schedules = onFirstUse(async () =>
    (await import('./aws-workflow-schedules')).awsWorkflowSchedules(),
  );
  return { scheduleStart: async (start) => (await schedules()).scheduleStart(start) };
}
