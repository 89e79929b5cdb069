import { type Candidate, type Submission } from './candidate';
import { type HistoryEvent } from './history-event';
import { type ScheduledStep, type StageId } from './pipeline';
import { stageDueOn } from './stage-due';
import { dossierEntryOf, dossierKeyOf } from './submission';

type Transition = { candidate: Candidate; event: HistoryEvent };

/**
 * The next version of a candidate at `toStage`, with one dossier entry added and no pending
 * step or submission, and the `TRANSITION` event that records it (`seq` = the new version).
 */
function advance(
  candidate: Candidate,
  change: { toStage: StageId; dossierKey: string; dossierEntry: unknown },
  event: Omit<HistoryEvent, 'candidateId' | 'seq' | 'at' | 'type' | 'toStage'>,
  now: Date,
): Transition {
  const at = now.toISOString();
  const version = candidate.version + 1;
  const next: Candidate = {
    ...candidate,
    stage: change.toStage,
    version,
    updatedAt: at,
    stageEnteredAt: at,
    dossier: { ...candidate.dossier, [change.dossierKey]: change.dossierEntry },
  };
  delete next.submission;
  delete next.pendingStep;
  // The new step's due date, for work queues (stage-due.ts); none if the stage has no deadline.
  const dueOn = stageDueOn(next);
  if (dueOn) next.dueOn = dueOn;
  else delete next.dueOn;
  return {
    candidate: next,
    event: {
      candidateId: candidate.id,
      seq: version,
      at,
      type: 'TRANSITION',
      toStage: change.toStage,
      ...event,
    },
  };
}

/** The candidate and history event that applying a submission produces. */
export function applySubmission(
  candidate: Candidate,
  submission: Submission,
  now: Date,
): Transition {
  return advance(
    candidate,
    {
      toStage: submission.toStage,
      dossierKey: dossierKeyOf(submission),
      dossierEntry: dossierEntryOf(submission),
    },
    {
      fromStage: submission.stage,
      action: submission.action,
      outcome: submission.outcome,
      payload: submission.payload,
      ...(submission.policyVersion ? { policyVersion: submission.policyVersion } : {}),
      ...(submission.findings ? { findings: submission.findings } : {}),
      idempotencyKey: submission.idempotencyKey,
      submissionId: submission.id,
      actor: submission.actor,
    },
    now,
  );
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
): Transition {
  const advanced = advance(
    candidate,
    { toStage: step.next, dossierKey: step.dossierKey, dossierEntry: facts.dossierEntry },
    {
      fromStage: step.during,
      action: step.action,
      outcome: step.outcome,
      policyVersion: facts.policyVersion,
      findings: facts.findings,
    },
    now,
  );
  advanced.candidate.execution = {
    name: executionName,
    generation: candidate.execution.generation + 1,
  };
  return advanced;
}
