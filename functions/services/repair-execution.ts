import { type CandidateReads } from '../adapters/candidate-store';
import { emptyReport, repairCandidate, type RepairDependencies } from './resume-in-flight';

/** An execution that ended without reaching an end state, as its status-change event names it. */
export interface EndedExecution {
  candidateId: string;
  executionName: string;
  status: 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  /** The error it ended with: `supersededError` marks one replaced on purpose. */
  error?: string | null;
}

export type ExecutionRepairOutcome =
  'superseded' | 'unknown-candidate' | 'repaired' | 'nothing-to-repair';

/**
 * Repairs the one candidate whose execution ended without a terminal stage, as soon as Step
 * Functions says so (docs/architecture.md, "Repair"): read again from the table (the truth), it
 * is given a live execution where its item says, exactly as the sweep would. An execution
 * stopped because a newer one replaced it needs nothing; nor does a candidate whose current
 * execution still runs (the ended one was stale).
 */
export async function repairEndedExecution(
  deps: RepairDependencies & {
    store: Pick<CandidateReads, 'getCandidate'>;
    supersededError: string;
  },
  ended: EndedExecution,
): Promise<ExecutionRepairOutcome> {
  if (ended.status === 'ABORTED' && ended.error === deps.supersededError) return 'superseded';
  const candidate = await deps.store.getCandidate(ended.candidateId);
  if (!candidate) return 'unknown-candidate';
  const report = emptyReport();
  await repairCandidate(deps, candidate, report);
  const repaired = report.resumed + report.probationSchedules + report.probationRepairs;
  return repaired > 0 ? 'repaired' : 'nothing-to-repair';
}
