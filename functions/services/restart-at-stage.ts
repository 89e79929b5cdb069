import { type WorkflowRecords, StaleCandidateError } from '../adapters/candidate-store';
import { type Candidate, executionName } from '../domain/candidate';
import { type HumanStageId } from '../domain/pipeline';
import { type Dependencies } from './dependencies';

/**
 * Gives an in-flight candidate a new execution, parked where its item says, on the state
 * machine of its stage's phase. The next generation is recorded on the item first (a conditional
 * write), so the earlier execution is stale from that moment and can no longer act; if the
 * process dies before the start, the resume job starts the recorded generation. Returns the
 * superseded execution's name, or `undefined` when the candidate moved meanwhile.
 */
export async function restartAtStage(
  deps: Pick<Dependencies, 'workflow'> & { store: Pick<WorkflowRecords, 'recordExecution'> },
  candidate: Candidate & { stage: HumanStageId },
): Promise<{ superseded: string } | undefined> {
  const generation = candidate.execution.generation + 1;
  const execution = { name: executionName(candidate.id, generation), generation };
  try {
    await deps.store.recordExecution(candidate, execution);
  } catch (error) {
    if (error instanceof StaleCandidateError) return undefined; // the next run sees its new state
    throw error;
  }
  await deps.workflow.start(execution.name, {
    candidateId: candidate.id,
    resumeFrom: candidate.stage,
  });
  return { superseded: candidate.execution.name };
}
