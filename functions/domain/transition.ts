import { Candidate, Submission } from './candidate';
import { HistoryEvent } from './history-event';
import { dossierKeyOf } from './submission';

/** The candidate and history event that applying a submission produces. */
export function applySubmission(
  candidate: Candidate,
  submission: Submission,
  now: Date,
): { candidate: Candidate; event: HistoryEvent } {
  const at = now.toISOString();
  const version = candidate.version + 1;
  const next: Candidate = {
    ...candidate,
    stage: submission.toStage,
    version,
    updatedAt: at,
    stageEnteredAt: at,
    dossier: { ...candidate.dossier, [dossierKeyOf(submission)]: submission.payload },
  };
  delete next.submission;
  delete next.pendingStep;
  const event: HistoryEvent = {
    candidateId: candidate.id,
    seq: version,
    at,
    type: 'TRANSITION',
    fromStage: submission.stage,
    toStage: submission.toStage,
    action: submission.action,
    outcome: submission.outcome,
    payload: submission.payload,
    ...(submission.policyVersion ? { policyVersion: submission.policyVersion } : {}),
    ...(submission.findings ? { findings: submission.findings } : {}),
    idempotencyKey: submission.idempotencyKey,
    submissionId: submission.id,
    actor: submission.actor,
  };
  return { candidate: next, event };
}
