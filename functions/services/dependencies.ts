import type { Metrics } from '@aws-lambda-powertools/metrics';
import { CandidateStore } from '../adapters/candidate-store';
import { Notifier } from '../adapters/notifier';
import { Workflow } from '../adapters/workflow';

/** What the use cases need from the outside world; handlers build it once per container. */
export interface Dependencies {
  store: CandidateStore;
  workflow: Workflow;
  now: () => Date;
  /** Business metrics (EMF); absent in tests that do not look at them. */
  metrics?: Metrics;
}

/** The park step also tells people that something waits for them. */
export interface ParkDependencies extends Dependencies {
  notifier: Notifier;
}
