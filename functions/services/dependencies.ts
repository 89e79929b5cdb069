import type { Metrics } from '@aws-lambda-powertools/metrics';
import { type CandidateStore } from '../adapters/candidate-store';
import { type Notifier } from '../adapters/notifier';
import { type Workflow } from '../adapters/workflow';
import type { PeopleDelivery } from './deliver';
import type { ApprovalLinkIssuing } from './notify-people';

/** What the use cases need from the outside world; handlers build it once per container. */
export interface Dependencies {
  store: CandidateStore;
  workflow: Workflow;
  now: () => Date;
  /** Business metrics (EMF); absent in tests that do not look at them. */
  metrics?: Metrics;
}

/**
 * The park and watch steps also tell people that something waits for them: the unit's feed
 * (SNS, one message per role and unit, no link) and each person the directory names (e-mail,
 * approvers with their own links).
 */
export interface ParkDependencies extends Dependencies {
  notifier: Notifier;
  /** Without it, only the unit's feed is told. */
  people?: PeopleDelivery;
  /** Without it, approvers are told without a link. */
  approvalLinks?: ApprovalLinkIssuing;
}
