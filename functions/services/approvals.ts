import {
  ApprovalLinkUsedError,
  type CandidateActions,
  type UnitLookup,
} from '../adapters/candidate-store';
import { vietnamDateOf } from '../domain/vietnam-time';
import { approvalCandidate, assertSeparationOfDuties } from '../domain/access';
import {
  type ApprovalDecisionInput,
  type ApprovalRecord,
  decideAdmissionPayload,
  documentsChecklist,
  dossierSummary,
  type RecordedDecision,
} from '../domain/approval';
import {
  assertApprovalInTime,
  openApprovalId,
  type VerifiedApproval,
} from '../domain/approval-link';
import { type Caller } from '../domain/caller';
import { type Candidate } from '../domain/candidate';
import { humanStage, stageLabel } from '../domain/pipeline';
import { refuse } from '../domain/refusal';
import { knownAction } from '../domain/submission';
import type { ApprovalDetailsView } from './approval-details-view';
import { type ActionDependencies, candidateNotFound, submitAction } from './submit-action';

/**
 * What an approver does through a notification's link: read the step it names, and decide it.
 * The decision goes through `submitAction` like any other action; the link adds only its own
 * checks (signature, user, expiry, the step it was issued for) and its single-use record.
 */
export type ApprovalDependencies = ActionDependencies & {
  store: Pick<CandidateActions, 'getApprovalRecord'> & UnitLookup;
  signingKey: () => Promise<Buffer>;
};

const DECIDE_ADMISSION = 'decideAdmission';
const DECIDE_RECOGNITION = 'decideRecognition';

/**
 * The action a link's decision stands for at its stage: the page speaks of approving and
 * rejecting; a recognition decision calls them recognising and removing.
 */
function actionOf(
  stage: VerifiedApproval['stage'],
  input: ApprovalDecisionInput,
): { action: string; payload: Record<string, unknown> } {
  const payload = decideAdmissionPayload(input);
  if (stage !== 'RECOGNITION_DECISION') return { action: DECIDE_ADMISSION, payload };
  const decision = { APPROVE: 'RECOGNISE', REJECT: 'REMOVE', REQUEST_INFO: 'REQUEST_INFO' }[
    input.decision
  ];
  return { action: DECIDE_RECOGNITION, payload: { ...payload, decision } };
}

function alreadyDecided(record: ApprovalRecord): never {
  return refuse('conflict', {
    code: 'APPROVAL_ALREADY_DECIDED',
    message: 'Liên kết này đã được dùng; quyết định đã ghi nhận được hiển thị',
    message_en: 'This link was used already; the recorded decision is shown',
    field: 'approvalId',
    details: { decision: record.decision },
  });
}

function notPending(claims: VerifiedApproval, candidate: Candidate): never {
  return refuse('conflict', {
    code: 'APPROVAL_STEP_NOT_PENDING',
    message: 'Bước mà liên kết này dành cho không còn chờ quyết định (hồ sơ đã thay đổi)',
    message_en: 'The step this link was issued for no longer awaits a decision (the file changed)',
    field: 'approvalId',
    details: {
      linkVersion: claims.candidateVersion,
      currentVersion: candidate.version,
      stage: candidate.stage,
    },
  });
}

interface OpenedLink {
  claims: VerifiedApproval;
  record?: ApprovalRecord;
  candidate: Candidate;
}

/**
 * Opens a link for its caller: refuses a forged or altered link (APPROVAL_LINK_INVALID), another
 * user's (APPROVAL_LINK_OTHER_USER), a caller who is not an approver or not in scope; a link
 * already used comes back with its record, whatever its expiry.
 */
async function openLink(
  deps: Pick<ApprovalDependencies, 'store' | 'signingKey'>,
  caller: Caller,
  approvalId: string,
): Promise<OpenedLink> {
  const claims = openApprovalId(approvalId, await deps.signingKey(), { userId: caller.userId });
  const candidate = approvalCandidate(
    caller,
    await deps.store.getCandidate(claims.candidateId),
    () => candidateNotFound(claims.candidateId),
  );
  const record = await deps.store.getApprovalRecord(claims.nonce);
  return { claims, record, candidate };
}

/** Refuses unless the link is in time and its step is still the one pending. */
function assertActionable(deps: Pick<ApprovalDependencies, 'now'>, link: OpenedLink): void {
  const { claims, candidate } = link;
  assertApprovalInTime(claims, deps.now());
  if (candidate.stage !== claims.stage || candidate.version !== claims.candidateVersion) {
    notPending(claims, candidate);
  }
}

/** GET /approvals/{approvalId}/details */
export async function approvalDetails(
  deps: Pick<ApprovalDependencies, 'store' | 'now' | 'signingKey'>,
  caller: Caller,
  approvalId: string,
): Promise<ApprovalDetailsView> {
  const link = await openLink(deps, caller, approvalId);
  if (!link.record) assertActionable(deps, link);
  const { claims, candidate, record } = link;
  const today = vietnamDateOf(deps.now());
  const unit = await deps.store.getUnit(candidate.unitId, today);
  const labels = stageLabel(claims.stage);
  const deadline = humanStage(claims.stage).deadline?.(candidate)?.dueOn;
  return {
    candidate: {
      id: candidate.id,
      fullName: candidate.fullName,
      unitId: candidate.unitId,
      ...(unit ? { unitName: unit.name } : {}),
    },
    stage: claims.stage,
    stageLabel: labels.label,
    stageLabelEn: labels.labelEn,
    ...(deadline ? { deadline } : {}),
    linkExpiresAt: claims.expiresAt,
    dossier: dossierSummary(candidate),
    documents: documentsChecklist(candidate, claims.stage),
    ...(record ? { decision: record.decision } : {}),
  };
}

/** POST /approvals/{approvalId}/decision */
export async function decideThroughApproval(
  deps: ApprovalDependencies,
  caller: Caller,
  approvalId: string,
  input: ApprovalDecisionInput,
  ids: { submissionId: string; idempotencyKey: string },
): Promise<{ decision: RecordedDecision; candidateId: string; resultingVersion: number }> {
  const link = await openLink(deps, caller, approvalId);
  if (link.record) return alreadyDecided(link.record);
  assertActionable(deps, link);
  const { claims, candidate } = link;
  const { action, payload } = actionOf(claims.stage, input);
  assertSeparationOfDuties(caller, candidate, knownAction(action));

  const decision: RecordedDecision = {
    decision: input.decision,
    ...(input.decisionNumber !== undefined ? { decisionNumber: input.decisionNumber } : {}),
    ...(input.decisionDate !== undefined ? { decisionDate: input.decisionDate } : {}),
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
    decidedAt: deps.now().toISOString(),
    decidedByName: caller.name,
  };
  try {
    const accepted = await submitAction(
      deps,
      caller,
      claims.candidateId,
      {
        action,
        expectedVersion: claims.candidateVersion,
        payload,
      },
      ids,
      (submission) => ({
        approval: {
          nonce: claims.nonce,
          candidateId: claims.candidateId,
          stage: claims.stage,
          candidateVersion: claims.candidateVersion,
          approverUserId: claims.approverUserId,
          submissionId: submission.id,
          idempotencyKey: submission.idempotencyKey,
          decision,
        },
      }),
    );
    return {
      decision,
      candidateId: accepted.candidateId,
      resultingVersion: accepted.resultingVersion,
    };
  } catch (error) {
    if (!(error instanceof ApprovalLinkUsedError)) throw error;
    // Two clicks at once: the other one recorded the decision.
    const record = await deps.store.getApprovalRecord(claims.nonce);
    if (!record) throw error;
    return alreadyDecided(record);
  }
}
