import { CandidateStore } from '../adapters/candidate-store';
import { Workflow } from '../adapters/workflow';

/** What the use cases need from the outside world; handlers build it once per container. */
export interface Dependencies {
  store: CandidateStore;
  workflow: Workflow;
  now: () => Date;
}
