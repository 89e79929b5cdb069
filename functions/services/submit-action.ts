import {
  type CandidateActions,
  type CandidateReads,
  StaleCandidateError,
  type SubmissionCompanion,
} from '../adapters/candidate-store';
import { assertMayTakeAction, assertSeparationOfDuties, visibleCandidate } from '../domain/access';
import { actorOf, type Caller } from '../domain/caller';
import { type Candidate, type Submission } from '../domain/candidate';
import { refuse } from '../domain/refusal';
import {
  type ActionRequest,
  deliveryOf,
  knownAction,
  prepareSubmission,
} from '../domain/submission';
import { type Dependencies } from './dependencies';

export interface AcceptedAction {
  candidateId: string;
  submissionId: string;
  action: string;
  fromStage: Submission['stage'];
  outcome: string;
  toStage: Submission['toStage'];
  /** The version the candidate will have once the workflow has applied the action. */
  resultingVersion: number;
}

function accepted(candidate: Candidate, submission: Submission, version: number): AcceptedAction {
  return {
    candidateId: candidate.id,
    submissionId: submission.id,
    action: submission.action,
    fromStage: submission.stage,
    outcome: submission.outcome,
    toStage: submission.toStage,
    resultingVersion: version + 1,
  };
}

/** Taking an action: the file is read, the action recorded on it and handed to the workflow. */
export type ActionDependencies = Pick<Dependencies, 'workflow' | 'now'> & {
  store: Pick<CandidateReads, 'getCandidate'> & Pick<CandidateActions, 'recordSubmission'>;
};

export function candidateNotFound(id: string): never {
  return refuse('not-found', {
    code: 'CANDIDATE_NOT_FOUND',
    message: `Không tìm thấy hồ sơ ${id}`,
    message_en: `Candidate ${id} not found`,
    field: 'id',
  });
}

/**
 * Records an officer's action on the pending step and hands it to the parked workflow, which
 * applies it. The conditional write is the serialisation point: of two officers acting on the
 * same step, exactly one is recorded; the other is told what changed.
 */
export async function submitAction(
  deps: ActionDependencies,
  caller: Caller,
  candidateId: string,
  request: ActionRequest,
  ids: { submissionId: string; idempotencyKey: string },
  /**
   * What the action writes besides the candidate (an approval link's record, a class seat):
   * recorded with the submission, atomically.
   */
  companion?: (submission: Submission) => SubmissionCompanion,
): Promise<AcceptedAction> {
  const candidate = visibleCandidate(caller, await deps.store.getCandidate(candidateId), () =>
    candidateNotFound(candidateId),
  );
  const action = knownAction(request.action);
  const role = assertMayTakeAction(caller, action);
  assertSeparationOfDuties(caller, candidate, action);
  if (candidate.submission?.idempotencyKey === ids.idempotencyKey) {
    // A retry of a request whose response was lost: answer it again, change nothing.
    return accepted(candidate, candidate.submission, candidate.version);
  }
  const context = { ...ids, now: deps.now(), actor: actorOf(caller, role) };
  const submission = prepareSubmission(candidate, request, context);
  let recorded: Candidate;
  try {
    recorded = await deps.store.recordSubmission(
      candidateId,
      request.expectedVersion,
      submission,
      companion?.(submission),
    );
  } catch (error) {
    if (!(error instanceof StaleCandidateError)) throw error;
    const current = (await deps.store.getCandidate(candidateId)) ?? candidateNotFound(candidateId);
    prepareSubmission(current, request, context); // throws the precise reason
    return refuse('conflict', {
      code: 'CONCURRENT_UPDATE',
      message: 'Hồ sơ vừa được cập nhật bởi người khác; hãy tải lại',
      message_en: 'The candidate was just updated by someone else; reload it',
      details: { currentVersion: current.version, stage: current.stage },
    });
  }
  const pending = recorded.pendingStep;
  if (pending?.stage === submission.stage) {
    // If the token went stale (the workflow was resumed), the new execution delivers it on parking.
    await deps.workflow.deliver(pending.taskToken, submission, deliveryOf(submission));
  }
  return accepted(recorded, submission, recorded.version);
}
