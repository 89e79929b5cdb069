import { Candidate, Submission } from './candidate';
import { HistoryEvent } from './history-event';
import { ScheduledStep } from './pipeline';
import { dossierEntryOf, dossierKeyOf } from './submission';

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
    dossier: { ...candidate.dossier, [dossierKeyOf(submission)]: dossierEntryOf(submission) },
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

/**
 * The candidate and history event when a schedule ends a wait (probation): the execution the
 * schedule started adopts the candidate (its name is the scheduler's, not ours), and the dossier
 * keeps what the rules found. No one acted: the event has no actor.
 */
export function applyScheduledStep(
  candidate: Candidate,
  step: ScheduledStep,
  facts: {
    dossierEntry: Record<string, unknown>;
    findings: Record<string, unknown>;
    policyVersion: string;
  },
  executionName: string,
  now: Date,
): { candidate: Candidate; event: HistoryEvent } {
  const at = now.toISOString();
  const version = candidate.version + 1;
  const next: Candidate = {
    ...candidate,
    stage: step.next,
    version,
    updatedAt: at,
    stageEnteredAt: at,
    dossier: { ...candidate.dossier, [step.dossierKey]: facts.dossierEntry },
    execution: { name: executionName, generation: candidate.execution.generation + 1 },
  };
  delete next.submission;
  delete next.pendingStep;
  const event: HistoryEvent = {
    candidateId: candidate.id,
    seq: version,
    at,
    type: 'TRANSITION',
    fromStage: step.during,
    toStage: step.next,
    action: step.action,
    outcome: step.outcome,
    policyVersion: facts.policyVersion,
    findings: facts.findings,
  };
  return { candidate: next, event };
}
