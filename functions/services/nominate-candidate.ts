import { createHash } from 'node:crypto';
import {
  type CandidateIntake,
  type CandidateReads,
  DuplicatePersonError,
  StaleCandidateError,
  type UnitLookup,
} from '../adapters/candidate-store';
import { assertMayNominate, isInScope } from '../domain/access';
import { actorOf, type Caller } from '../domain/caller';
import { type Candidate } from '../domain/candidate';
import {
  assertUnitAcceptsCandidates,
  duplicateNomination,
  nominationReferredUpward,
  newCandidate,
  type Nomination,
} from '../domain/nomination';
import {
  buildNominationConflictNotification,
  conflictRecipient,
  lowestCommonUnit,
} from '../domain/nomination-conflict';
import { type OrgUnit } from '../domain/org-unit';
import { FIRST_STAGE, isHumanStage } from '../domain/pipeline';
import { type Notifier } from '../adapters/notifier';
import { vietnamDateOf } from '../domain/vietnam-time';
import { recordTransition } from '../observability/transition-metrics';
import { type Dependencies } from './dependencies';

/**
 * The id comes from the idempotency key and the nomination itself, so a retry after a crash
 * finds the candidate it already created instead of creating a twin.
 */
function candidateIdFor(idempotencyKey: string, nomination: Nomination): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(['nominate', idempotencyKey, nomination]))
    .digest('hex');
  return `c${digest.slice(0, 19)}`;
}

export async function nominateCandidate(
  deps: Pick<Dependencies, 'workflow' | 'now' | 'metrics'> & {
    store: Pick<CandidateReads, 'getCandidate'> &
      Pick<CandidateIntake, 'createCandidate'> &
      UnitLookup;
    notifier?: Notifier;
  },
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
      await referConflictUpward(deps, caller, unit, error, today);
      return nominationReferredUpward();
    }
    if (!(error instanceof StaleCandidateError)) throw error;
    stored = (await deps.store.getCandidate(candidateId))!;
  }
  // Starting is idempotent by name; should this process die first, the resume job starts it.
  await deps.workflow.start(stored.execution.name, { candidateId, resumeFrom: FIRST_STAGE });
  return stored;
}

/**
 * Tells the committee lowest above both units what the refused officer may not learn. Published
 * before the refusal is answered: should it fail, the request fails and its retry refers again.
 */
async function referConflictUpward(
  deps: { store: Pick<CandidateReads, 'getCandidate'> & UnitLookup; notifier?: Notifier },
  caller: Caller,
  unit: OrgUnit,
  duplicate: DuplicatePersonError,
  today: string,
): Promise<void> {
  if (!deps.notifier) return;
  const [existing, commonId] = [
    await deps.store.getCandidate(duplicate.existingCandidateId),
    lowestCommonUnit(unit.path, duplicate.existingUnitPath),
  ];
  const common = commonId ? await deps.store.getUnit(commonId, today) : undefined;
  if (!existing || !common || !isHumanStage(existing.stage)) return;
  await deps.notifier.publish(
    buildNominationConflictNotification(
      {
        existing: {
          candidateId: existing.id,
          unitPath: existing.unitPath,
          stage: existing.stage,
        },
        nominating: { unitPath: unit.path, unitName: unit.name, officerName: caller.name },
      },
      conflictRecipient(common),
    ),
  );
}
