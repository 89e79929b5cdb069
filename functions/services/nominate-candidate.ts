import { createHash } from 'node:crypto';
import { DuplicatePersonError, StaleCandidateError } from '../adapters/candidate-store';
import { assertMayNominate, isInScope } from '../domain/access';
import { actorOf, Caller } from '../domain/caller';
import { Candidate } from '../domain/candidate';
import {
  assertUnitAcceptsCandidates,
  duplicateNomination,
  nominationReferredUpward,
  newCandidate,
  Nomination,
} from '../domain/nomination';
import { FIRST_STAGE } from '../domain/pipeline';
import { vietnamDateOf } from '../domain/vietnam-time';
import { recordTransition } from '../observability/transition-metrics';
import { Dependencies } from './dependencies';

/**
 * The id comes from the idempotency key and the nomination itself, so a retry after a crash
 * finds the candidate it already created instead of creating a twin.
 */
export function candidateIdFor(idempotencyKey: string, nomination: Nomination): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(['nominate', idempotencyKey, nomination]))
    .digest('hex');
  return `c${digest.slice(0, 19)}`;
}

export async function nominateCandidate(
  deps: Pick<Dependencies, 'store' | 'workflow' | 'now' | 'metrics'>,
  caller: Caller,
  nomination: Nomination,
  idempotencyKey: string,
): Promise<Candidate> {
  const role = assertMayNominate(caller);
  const now = deps.now();
  const today = vietnamDateOf(now);
  const found = await deps.store.getUnit(nomination.unitId, today);
  // A unit outside the caller's subtree is answered exactly like one that does not exist.
  const unit = assertUnitAcceptsCandidates(
    found && isInScope(caller, found.path) ? found : undefined,
    nomination.unitId,
    today,
  );
  const candidateId = candidateIdFor(`${caller.userId} ${idempotencyKey}`, nomination);
  const { candidate, event } = newCandidate(nomination, unit, {
    candidateId,
    idempotencyKey,
    now,
    actor: actorOf(caller, role),
  });
  let stored = candidate;
  try {
    await deps.store.createCandidate(candidate, event);
    if (deps.metrics) {
      recordTransition(deps.metrics, {
        fromStage: null,
        toStage: FIRST_STAGE,
        topUnitId: candidate.unitPath[0],
      });
    }
  } catch (error) {
    if (error instanceof DuplicatePersonError) {
      // Name the other file only to someone who may see it; tell anyone else nothing about it.
      if (isInScope(caller, error.existingUnitPath)) {
        return duplicateNomination(error.existingCandidateId);
      }
      return nominationReferredUpward();
    }
    if (!(error instanceof StaleCandidateError)) throw error;
    stored = (await deps.store.getCandidate(candidateId))!;
  }
  // Starting is idempotent by name; should this process die first, the resume job starts it.
  await deps.workflow.start(stored.execution.name, { candidateId, resumeFrom: FIRST_STAGE });
  return stored;
}
