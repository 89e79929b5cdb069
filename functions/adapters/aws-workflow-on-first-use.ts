import { onFirstUse } from './on-first-use';
import { type Workflow } from './workflow';

/**
 * The workflow port (aws-workflow.ts) with the Step Functions SDK loaded at the first call rather
 * than at the cold start: for a function that calls the state machines on a rare path only (a
 * step parked after its action already arrived, a watch that renews its execution, a file
 * import; the onboarding template and the apply step never do).
 */
export function awsWorkflowOnFirstUse(): Workflow {
  const workflow = onFirstUse(async () => (await import('./aws-workflow')).awsWorkflow());
  return {
    start: async (...args) => (await workflow()).start(...args),
    deliver: async (...args) => (await workflow()).deliver(...args),
    startAtScheduledEntry: async (...args) => (await workflow()).startAtScheduledEntry(...args),
    isRunning: async (...args) => (await workflow()).isRunning(...args),
    stop: async (...args) => (await workflow()).stop(...args),
  };
}
