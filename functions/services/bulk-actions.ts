import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { type CandidateReads, type SubmissionCompanion } from '../adapters/candidate-store';
import { assertMayTakeAction, visibleCandidate } from '../domain/access';
import { type Caller } from '../domain/caller';
import { type Candidate, type Submission } from '../domain/candidate';
import { type HistoryEvent } from '../domain/history-event';
import { parseOrRefuse } from '../domain/parse';
import { isTransactionConflict } from '../adapters/dynamodb-errors';
import { contentionRefusal } from '../domain/contention';
import { HTTP_STATUS_OF, Refusal, type RefusalBody } from '../domain/refusal';
import { knownAction } from '../domain/submission';
import {
  type AcceptedAction,
  type ActionDependencies,
  candidateNotFound,
  submitAction,
} from './submit-action';

/** One candidate's answer in a bulk response. */
export type BulkOutcome =
  | { candidateId: string; status: 'APPLIED'; accepted: AcceptedAction }
  | { candidateId: string; status: 'REFUSED'; httpStatus: number; error: RefusalBody }
  | { candidateId: string; status: 'SKIPPED'; reason: RefusalBody };

export interface BulkResponse {
  results: BulkOutcome[];
  summary: { total: number; applied: number; refused: number; skipped: number };
}

export interface BulkItem {
  candidateId: string;
  action: string;
  expectedVersion?: number;
  payload?: unknown;
}

export interface BulkItemOptions {
  /** A check of the candidate before anything is written (throws a Refusal). */
  precheck?: (candidate: Candidate) => void;
  /** A write that belongs to the action (a class seat), in the candidate's transaction. */
  companion?: (submission: Submission, candidate: Candidate) => SubmissionCompanion;
}

const CONCURRENCY = 4;

/**
 * Runs one item per candidate, a few at a time, and answers in the request's order. A refusal
 * is that candidate's answer; so is contention that outlasted the retries (503 `CONTENTION`: only
 * that candidate waits, see `isContended`). Any other error (DynamoDB unavailable) fails the whole
 * request, which the client replays with the same Idempotency-Key: what was applied is not
 * applied again.
 */
export async function runBulk<T extends { candidateId: string }>(
  items: readonly T[],
  one: (item: T) => Promise<BulkOutcome>,
): Promise<BulkResponse> {
  const results: BulkOutcome[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index];
      try {
        results[index] = await one(item);
      } catch (error) {
        if (isTransactionConflict(error)) {
          results[index] = {
            candidateId: item.candidateId,
            status: 'REFUSED',
            httpStatus: 503,
            error: contentionRefusal(),
          };
          continue;
        }
        if (!(error instanceof Refusal)) throw error;
        results[index] = {
          candidateId: item.candidateId,
          status: 'REFUSED',
          httpStatus: HTTP_STATUS_OF[error.kind],
          error: error.body,
        };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  const count = (status: BulkOutcome['status']) =>
    results.filter((r) => r.status === status).length;
  return {
    results,
    summary: {
      total: results.length,
      applied: count('APPLIED'),
      refused: count('REFUSED'),
      skipped: count('SKIPPED'),
    },
  };
}

/**
 * True when some candidate only waits for contention to pass: the answer must not be remembered
 * for the Idempotency-Key, so that a replay completes that candidate (and finds the others done).
 */
export function isContended(response: BulkResponse): boolean {
  return response.results.some(
    (result) => result.status === 'REFUSED' && result.error.code === contentionRefusal().code,
  );
}

/**
 * One candidate's action of a bulk request, through the same `submitAction` path as a single
 * action (one conditional transaction; the workflow's task completed). Its idempotency key is
 * the bulk request's key and the candidate, so a replay of the bulk request finds what it did:
 * a recorded step answers as it did, an applied one is found in history.
 */
export async function actOnCandidate(
  deps: ActionDependencies & { store: Pick<CandidateReads, 'getHistory'> },
  caller: Caller,
  item: BulkItem,
  bulkKey: string,
  options: BulkItemOptions = {},
): Promise<BulkOutcome> {
  const { candidateId } = item;
  const candidate = visibleCandidate(caller, await deps.store.getCandidate(candidateId), () =>
    candidateNotFound(candidateId),
  );
  const action = knownAction(item.action);
  assertMayTakeAction(caller, action);
  const idempotencyKey = `${bulkKey} ${candidateId}`;
  if (candidate.submission?.idempotencyKey !== idempotencyKey) {
    const payload = parseOrRefuse(action.payload, item.payload ?? {}, {
      code: 'INVALID_PAYLOAD',
      prefix: 'payload',
    });
    if (isDeepStrictEqual(candidate.dossier[action.dossierKey], payload)) {
      const history = await deps.store.getHistory(candidateId);
      const applied = history.find((e) => e.idempotencyKey === idempotencyKey);
      if (applied) return { candidateId, status: 'APPLIED', accepted: acceptedOf(applied) };
      return { candidateId, status: 'SKIPPED', reason: alreadyRecorded(action.id) };
    }
    options.precheck?.(candidate);
  }
  const accepted = await submitAction(
    deps,
    caller,
    candidateId,
    {
      action: action.id,
      expectedVersion: item.expectedVersion ?? candidate.version,
      payload: item.payload ?? {},
    },
    { submissionId: randomUUID(), idempotencyKey },
    options.companion && ((submission) => options.companion!(submission, candidate)),
  );
  return { candidateId, status: 'APPLIED', accepted };
}

/** The answer a step gave when it was recorded, read back from the event it produced. */
function acceptedOf(event: HistoryEvent): AcceptedAction {
  return {
    candidateId: event.candidateId,
    submissionId: event.submissionId!,
    action: event.action!,
    fromStage: event.fromStage as AcceptedAction['fromStage'],
    outcome: event.outcome!,
    toStage: event.toStage,
    resultingVersion: event.seq,
  };
}

function alreadyRecorded(action: string): RefusalBody {
  return {
    code: 'ALREADY_RECORDED',
    message: `Hồ sơ đã có đúng nội dung "${action}" này; không ghi lại`,
    message_en: `The candidate already has exactly this "${action}" recorded; nothing was written`,
    field: 'payload',
  };
}
