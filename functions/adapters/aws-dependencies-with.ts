import { createPipelineMetrics } from '../observability/transition-metrics';
import { type Dependencies } from '../services/dependencies';
import { awsCandidateStore } from './aws-candidate-store';
import { type Workflow } from './workflow';

/**
 * The use cases' dependencies on the function's environment around a given workflow port. A
 * module of its own, apart from aws-dependencies.ts and its Step Functions client: a function
 * that seldom calls the state machines passes the port loaded on first use
 * (aws-workflow-on-first-use.ts) and does not load that SDK at its cold start.
 */
export function awsDependenciesWith(workflow: Workflow): Dependencies {
  return {
    store: awsCandidateStore(),
    workflow,
    now: () => new Date(),
    metrics: createPipelineMetrics(),
  };
}
