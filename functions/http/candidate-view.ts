import { type Candidate } from '../domain/candidate';
import { escalationLevelOf } from '../domain/deadline-watch';
import { documentChecklist, missingForCurrentStep } from '../domain/documents';
import { type HistoryEvent } from '../domain/history-event';
import { humanStage, isHumanStage, stageLabel } from '../domain/pipeline';
import { actorView, historyView } from './actor-view';

/**
 * What the API shows of a candidate. The task token stays on the server: users address the
 * pending step by candidate and stage. Actors appear by name, role and unit (actor-view.ts).
 */
export function candidateView(candidate: Candidate, history?: HistoryEvent[]) {
  // The execution name and the task token are the workflow's business, not the officer's.
  const { pendingStep, submission, ...rest } = candidate;
  const visible: Partial<typeof rest> = { ...rest };
  delete visible.execution;
  delete visible.nationalIdFingerprint;
  delete visible.deadline;
  const deadline = currentDeadline(candidate);
  const labels = stageLabel(candidate.stage);
  const open = isHumanStage(candidate.stage);
  const status = !open ? 'CLOSED' : submission || !pendingStep ? 'PROCESSING' : 'AWAITING_ACTION';
  return {
    ...visible,
    nominatedBy: actorView(candidate.nominatedBy),
    stageLabel: labels.label,
    stageLabelEn: labels.labelEn,
    status,
    awaiting:
      status === 'AWAITING_ACTION' && isHumanStage(candidate.stage)
        ? {
            stage: candidate.stage,
            since: pendingStep!.parkedAt,
            actions: humanStage(candidate.stage).actions.map((a) => ({
              action: a.id,
              label: a.label,
              labelEn: a.labelEn,
              actor: a.actor,
            })),
          }
        : undefined,
    /** The due date of the step it waits at, and how far an overdue step has escalated. */
    ...(deadline ? { deadline } : {}),
    /** The dossier's forms: what is on file and what the current step still needs. */
    documents: documentChecklist(candidate),
    missingDocuments: missingForCurrentStep(candidate),
    pendingAction: submission
      ? {
          action: submission.action,
          toStage: submission.toStage,
          submittedAt: submission.submittedAt,
        }
      : undefined,
    ...(history ? { history: historyView(history) } : {}),
  };
}

/** The item's deadline record, if it belongs to the step the candidate is at now. */
function currentDeadline(candidate: Candidate) {
  const d = candidate.deadline;
  if (!d || d.stage !== candidate.stage || d.version !== candidate.version) return undefined;
  return {
    stage: d.stage,
    from: d.from,
    dueOn: d.dueOn,
    workingDays: d.workingDays,
    policyVersion: d.policyVersion,
    overdueNoticesSent: d.noticesSent,
    escalationLevel: escalationLevelOf(d),
    ...(d.lastNoticeAt ? { lastNoticeAt: d.lastNoticeAt, lastNoticeTo: d.lastNoticeTo } : {}),
  };
}
