import { builtOnFirstUse } from './built-on-first-use';
import * as z from 'zod';
import { type Actor } from './caller';
import { type Candidate, type Submission } from './candidate';
import { parseOrRefuse } from './parse';
import {
  type ActionSpec,
  actionDateOf,
  datedFieldsOf,
  eventDateOf,
  humanStage,
  isHumanStage,
  latestSequencedDate,
  nextStageFor,
  PIPELINE,
  stageLabel,
} from './pipeline';
import { refuse } from './refusal';
import { checkNotInFuture, refuseDateBeforePrevious } from './rules/event-dates';
import { policyInForce } from './rules/policy';
import { vietnamDateOf } from './vietnam-time';

export const actionRequestSchema = builtOnFirstUse(() =>
  z.strictObject({
    action: z.string().min(1).max(64),
    expectedVersion: z.int().min(1),
    payload: z.unknown().optional(),
  }),
);
export type ActionRequest = z.infer<ReturnType<typeof actionRequestSchema>>;

const actionsById = new Map<string, ActionSpec>(
  PIPELINE.flatMap((stage) => stage.actions.map((a) => [a.id, a] as const)),
);

export function knownAction(id: string): ActionSpec {
  const action = actionsById.get(id);
  if (action) return action;
  return refuse('invalid', {
    code: 'UNKNOWN_ACTION',
    message: `Không có thao tác "${id}" trong quy trình kết nạp`,
    message_en: `There is no action "${id}" in the admission procedure`,
    field: 'action',
    details: { knownActions: [...actionsById.keys()] },
  });
}

/**
 * Checks an officer's action against the candidate as it stands and, if everything holds,
 * returns the submission to record. Pure: the caller writes it conditionally, so two
 * officers acting at once cannot both succeed.
 */
export function prepareSubmission(
  candidate: Candidate,
  request: ActionRequest,
  ids: { submissionId: string; idempotencyKey: string; now: Date; actor: Actor },
): Submission {
  const action = knownAction(request.action);
  const payload = parseOrRefuse(action.payload, request.payload ?? {}, {
    code: 'INVALID_PAYLOAD',
    prefix: 'payload',
  });
  if (request.expectedVersion !== candidate.version) {
    refuse('conflict', {
      code: 'VERSION_CONFLICT',
      message: `Hồ sơ đã thay đổi (phiên bản hiện tại ${candidate.version}, yêu cầu gửi ${request.expectedVersion}); hãy tải lại`,
      message_en: `The candidate changed (current version ${candidate.version}, request had ${request.expectedVersion}); reload it`,
      field: 'expectedVersion',
      details: { currentVersion: candidate.version, stage: candidate.stage },
    });
  }
  const stageId = candidate.stage;
  const current = stageLabel(stageId);
  if (!isHumanStage(stageId) || !humanStage(stageId).actions.includes(action)) {
    refuse('conflict', {
      code: 'ACTION_NOT_ALLOWED_AT_STAGE',
      message: `Không thể "${action.label}" khi hồ sơ đang ở bước "${current.label}"`,
      message_en: `Cannot "${action.labelEn}" while the candidate is at "${current.labelEn}"`,
      field: 'action',
      details: { currentVersion: candidate.version, stage: stageId },
    });
  }
  if (candidate.submission) {
    refuse('conflict', {
      code: 'STEP_ALREADY_DECIDED',
      message: `Bước "${current.label}" đã có thao tác "${candidate.submission.action}" đang được ghi nhận`,
      message_en: `Step "${current.labelEn}" already has "${candidate.submission.action}" being applied`,
      field: 'action',
      details: { currentVersion: candidate.version, stage: stageId },
    });
  }
  // Nothing recorded happened after today in Vietnam, and meetings and decisions keep their order.
  const today = vietnamDateOf(ids.now);
  checkNotInFuture(datedFieldsOf(action, payload), today);
  checkSequence(action, payload, candidate);
  // Every rule is judged by the policy version in force on the day the action happened.
  const policy = policyInForce(eventDateOf(action, payload, today));
  const judgement =
    action.delivery === 'fail' ? undefined : action.judge?.(payload, { candidate, policy });
  const outcome =
    action.delivery === 'fail' ? 'withdrawn' : (judgement?.outcome ?? action.outcome(payload));
  return {
    id: ids.submissionId,
    stage: stageId,
    action: action.id,
    payload,
    outcome,
    toStage: nextStageFor(humanStage(stageId), action, payload, outcome),
    policyVersion: policy.version,
    ...(judgement ? { findings: judgement.findings } : {}),
    idempotencyKey: ids.idempotencyKey,
    submittedAt: ids.now.toISOString(),
    actor: ids.actor,
  };
}

function checkSequence(action: ActionSpec, payload: unknown, candidate: Candidate): void {
  if (!action.sequenced) return;
  const date = actionDateOf(action, payload);
  const previous = latestSequencedDate(candidate.dossier);
  if (!date || !previous || date >= previous) return;
  const field = datedFieldsOf(action, payload).find((d) => d.date === date)?.field ?? 'payload';
  refuseDateBeforePrevious(field, date, previous, {
    vi: 'cuộc họp hoặc quyết định trước đó của hồ sơ',
    en: "the file's previous meeting or decision",
  });
}

export function deliveryOf(submission: Submission): ActionSpec['delivery'] {
  return knownAction(submission.action).delivery;
}

export function dossierKeyOf(submission: Submission): string {
  return knownAction(submission.action).dossierKey;
}

/** What the dossier keeps of an applied submission: the action's entry, else the payload. */
export function dossierEntryOf(submission: Submission): unknown {
  const action = knownAction(submission.action);
  return action.dossierEntry
    ? action.dossierEntry(submission.payload, submission)
    : submission.payload;
}
