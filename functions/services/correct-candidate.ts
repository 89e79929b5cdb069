import { builtOnFirstUse } from '../domain/built-on-first-use';
import * as z from 'zod';
import { multiLineText } from '../domain/clean-text';
import {
  type CandidateReads,
  type CandidateTransitions,
  StaleCandidateError,
} from '../adapters/candidate-store';
import { assertMayCorrect, visibleCandidate } from '../domain/access';
import { actorOf, type Caller } from '../domain/caller';
import { type Candidate } from '../domain/candidate';
import { type HistoryEvent } from '../domain/history-event';
import { counterEventDate, type ReversedTransition } from '../domain/quota/ledger-deltas';
import { refuse } from '../domain/refusal';
import { checkNotInFuture } from '../domain/rules/event-dates';
import { vietnamDateOf } from '../domain/vietnam-time';
import { recordTransition } from '../observability/transition-metrics';
import { type Dependencies } from './dependencies';
import { candidateNotFound } from './submit-action';

/**
 * Corrections: an administrator annuls what the pipeline recorded. The one kind so far is
 * `REVOKE_ADMISSION` — the admission decision of an `ADMITTED` candidate is revoked (wrongly
 * admitted, decision annulled by the upper committee): the candidate moves to the terminal
 * stage `REVOKED` and the `ADMITTED` counters of the unit and every ancestor are reversed in the
 * month they were counted in, in the same transaction as a `CORRECTION` history event that
 * records the reason, the effective date and what it reverses (so a recount replays it).
 *
 * Only an `ADMITTED` candidate can be revoked: before the ceremony the decision is still inside
 * the workflow, where a withdrawal is the way out.
 */
export const correctionSchema = builtOnFirstUse(() =>
  z.strictObject({
    kind: z.literal('REVOKE_ADMISSION'),
    reason: multiLineText(1, 2000),
    effectiveOn: z.iso.date(),
  }),
);
export type Correction = z.infer<ReturnType<typeof correctionSchema>>;

export async function correctCandidate(
  deps: Pick<Dependencies, 'now' | 'metrics'> & {
    store: CandidateReads & Pick<CandidateTransitions, 'commitCorrection'>;
  },
  caller: Caller,
  candidateId: string,
  correction: Correction,
  idempotencyKey: string,
  /** The version the administrator read (If-Match); a correction of another version is refused. */
  expectedVersion?: number,
): Promise<Candidate> {
  const role = assertMayCorrect(caller);
  checkNotInFuture(
    [{ field: 'effectiveOn', date: correction.effectiveOn }],
    vietnamDateOf(deps.now()),
  );
  const [found, history] = await Promise.all([
    deps.store.getCandidate(candidateId),
    deps.store.getHistory(candidateId),
  ]);
  const candidate = visibleCandidate(caller, found, () => candidateNotFound(candidateId));
  if (expectedVersion !== undefined && expectedVersion !== candidate.version) {
    refuse('precondition-failed', {
      code: 'VERSION_CONFLICT',
      message: `Hồ sơ đã thay đổi (phiên bản hiện tại ${candidate.version}, If-Match ${expectedVersion}); hãy tải lại`,
      message_en: `The candidate changed (current version ${candidate.version}, If-Match ${expectedVersion}); reload it`,
      field: 'If-Match',
      details: { currentVersion: candidate.version, stage: candidate.stage },
    });
  }
  if (candidate.stage !== 'ADMITTED') {
    refuse('conflict', {
      code: candidate.stage === 'REVOKED' ? 'ALREADY_REVOKED' : 'CORRECTION_NOT_APPLICABLE',
      message:
        candidate.stage === 'REVOKED'
          ? 'Quyết định kết nạp của quần chúng này đã bị hủy trước đó'
          : `Chỉ hủy được quyết định kết nạp của người đã được kết nạp (hiện ở giai đoạn ${candidate.stage})`,
      message_en:
        candidate.stage === 'REVOKED'
          ? 'This admission was already revoked'
          : `Only an admitted candidate's admission can be revoked (the candidate is at ${candidate.stage})`,
      field: 'kind',
      details: { stage: candidate.stage, currentVersion: candidate.version },
    });
  }
  const admission = [...history].reverse().find((e) => e.toStage === 'ADMITTED');
  const reverses: ReversedTransition = {
    fromStage: admission?.fromStage ?? 'CEREMONY',
    toStage: 'ADMITTED',
    eventDate: admission ? counterEventDate(admission) : candidate.stageEnteredAt,
  };
  const at = deps.now().toISOString();
  const version = candidate.version + 1;
  const after: Candidate = {
    ...candidate,
    stage: 'REVOKED',
    version,
    updatedAt: at,
    stageEnteredAt: at,
    dossier: {
      ...candidate.dossier,
      revocation: { reason: correction.reason, effectiveOn: correction.effectiveOn },
    },
  };
  const event: HistoryEvent = {
    candidateId,
    seq: version,
    at,
    type: 'CORRECTION',
    fromStage: 'ADMITTED',
    toStage: 'REVOKED',
    action: correction.kind,
    outcome: 'revoked',
    payload: { ...correction, reverses },
    idempotencyKey,
    actor: actorOf(caller, role),
  };
  try {
    await deps.store.commitCorrection(candidate, after, event);
  } catch (error) {
    if (!(error instanceof StaleCandidateError)) throw error;
    refuse('conflict', {
      code: 'CONCURRENT_UPDATE',
      message: 'Hồ sơ vừa thay đổi; hãy tải lại và thử lại',
      message_en: 'The candidate changed meanwhile; reload it and try again',
      details: { currentVersion: candidate.version },
    });
  }
  if (deps.metrics) {
    recordTransition(deps.metrics, {
      fromStage: 'ADMITTED',
      toStage: 'REVOKED',
      topUnitId: candidate.unitPath[0],
    });
  }
  return after;
}
