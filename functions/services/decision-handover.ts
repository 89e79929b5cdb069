import { LINKED_STAGES } from '../domain/approval';
import type { CandidateReads, UnitLookup, WorkQueues } from '../adapters/candidate-store';
import { type Account } from '../domain/account';
import { isHumanStage } from '../domain/pipeline';
import { type PeopleDelivery } from './deliver';
import { parkedNotice } from './notify-parked';
import { type ApprovalLinkIssuing, notifyHolders } from './notify-people';

type Deps = {
  store: WorkQueues & Pick<CandidateReads, 'getCandidate'> & UnitLookup;
  people: PeopleDelivery;
  approvalLinks?: ApprovalLinkIssuing;
  now: () => Date;
};

/** At most this many pending decisions are looked at for one unit (four queue pages). */
const MAX_PENDING = 100;

/**
 * The files that wait for a unit's approvers: its work queue at the decision stages (bounded
 * Queries), keeping those whose deciding committee is this unit (deeper committees decide their
 * own subtree).
 */
export async function pendingDecisions(deps: Deps, unitId: string): Promise<string[]> {
  const pending: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listWorkQueue({
      unitId,
      stages: LINKED_STAGES,
      limit: 25,
      ...(cursor ? { cursor } : {}),
    });
    for (const item of page.items) {
      const candidate = await deps.store.getCandidate(item.id);
      if (!candidate || !isHumanStage(candidate.stage)) continue;
      const notice = await parkedNotice(deps, candidate, candidate.stage);
      if (notice.recipient.role === 'approver' && notice.recipient.unitId === unitId) {
        pending.push(candidate.id);
      }
    }
    cursor = page.nextCursor;
  } while (cursor && pending.length < MAX_PENDING);
  return pending;
}

/** Sends each pending decision to the replacement: their own link, by e-mail. */
export async function handOverDecisions(
  deps: Deps,
  candidateIds: readonly string[],
  to: Account,
): Promise<void> {
  for (const id of candidateIds) {
    const candidate = await deps.store.getCandidate(id);
    if (!candidate || !isHumanStage(candidate.stage)) continue;
    const notice = await parkedNotice(deps, candidate, candidate.stage);
    await notifyHolders(deps, candidate, notice, [
      {
        userId: to.userId,
        name: to.name,
        email: to.email,
        unitId: to.unitId,
        role: 'approver',
        digest: to.digest,
      },
    ]);
  }
}
