import { type ApproverDirectory } from '../adapters/approver-directory';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { type CandidateStore } from '../adapters/candidate-store';
import { type Notifier } from '../adapters/notifier';
import { type Workflow } from '../adapters/workflow';

/** What the use cases need from the outside world; handlers build it once per container. */
export interface Dependencies {
  store: CandidateStore;
  workflow: Workflow;
  now: () => Date;
  /** Business metrics (EMF); absent in tests that do not look at them. */
  metrics?: Metrics;
}

/** What issuing approval links needs: who the approvers are, the key, and the page's base URL. */
export interface ApprovalLinkIssuing {
  directory: ApproverDirectory;
  signingKey: () => Promise<Buffer>;
  /** The HTTP API's endpoint; links are `<baseUrl>/approvals/<approvalId>`. */
  baseUrl: string;
}

/** The park step also tells people that something waits for them. */
export interface ParkDependencies extends Dependencies {
  notifier: Notifier;
  /** Without it, approvers get the role-and-unit notification with no link. */
  approvalLinks?: ApprovalLinkIssuing;
}
