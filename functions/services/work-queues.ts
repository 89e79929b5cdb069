import { type CandidatePage, type UnitLookup, type WorkQueues } from '../adapters/candidate-store';
import { assertMayReadCandidates, isInScope } from '../domain/access';
import { type Caller } from '../domain/caller';
import { type StageId } from '../domain/pipeline';
import { vietnamToday } from '../domain/quota/report';
import { refuse } from '../domain/refusal';
import { unitNotFound } from '../domain/unit-not-found';
import { searchKeyOf } from '../domain/search-key';
import { ALL_STAGES, earlierDay, stagesActedOnBy } from '../domain/work-queue';

export interface WorkQueueRequest {
  /** Default: the caller's own unit. */
  unit?: string;
  stage?: StageId[];
  overdue?: boolean;
  dueBefore?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

type Deps = { store: WorkQueues & UnitLookup; now: () => Date };

/** A listed candidate, with whether its step is past due today (Vietnam calendar). */
export type WorkQueuePage = Omit<CandidatePage, 'items'> & {
  items: (CandidatePage['items'][number] & { overdue: boolean })[];
};

/**
 * GET /candidates: a unit's subtree (inside the caller's own), at some or all stages, optionally
 * only overdue or due before a day, optionally by name fragment (accent-insensitive).
 */
export async function listCandidateQueue(
  deps: Deps,
  caller: Caller,
  request: WorkQueueRequest,
): Promise<WorkQueuePage> {
  assertMayReadCandidates(caller);
  const today = vietnamToday(deps.now());
  const unitId = request.unit ?? caller.unitId;
  const unit = await deps.store.getUnit(unitId, today);
  if (!unit || !isInScope(caller, unit.path)) unitNotFound(unitId, 'unit');
  return pageOf(deps, today, {
    unitId,
    stages: request.stage?.length ? request.stage : ALL_STAGES,
    request,
  });
}

/**
 * GET /tasks: the steps that wait for the caller — the stages their roles act on, in their own
 * unit's subtree — soonest deadline first, then the longest waiting.
 */
export async function listTasks(
  deps: Deps,
  caller: Caller,
  request: Omit<WorkQueueRequest, 'unit' | 'stage'>,
): Promise<WorkQueuePage> {
  const stages = stagesActedOnBy(caller.roles);
  if (stages.length === 0) {
    refuse('forbidden', {
      code: 'ROLE_NOT_ALLOWED',
      message: 'Vai trò của đồng chí không có bước nào trong quy trình kết nạp',
      message_en: 'Your role takes no step of the admission procedure',
      details: { roles: caller.roles },
    });
  }
  return pageOf(deps, vietnamToday(deps.now()), { unitId: caller.unitId, stages, request });
}

async function pageOf(
  deps: Deps,
  today: string,
  {
    unitId,
    stages,
    request,
  }: { unitId: string; stages: readonly StageId[]; request: WorkQueueRequest },
): Promise<WorkQueuePage> {
  const search = request.q ? searchKeyOf(request.q) : undefined;
  const page = await deps.store.listWorkQueue({
    unitId,
    stages,
    // Overdue: due before today (the due day itself is still in time).
    dueBefore: earlierDay(request.overdue ? today : undefined, request.dueBefore),
    ...(search ? { search } : {}),
    limit: request.limit,
    cursor: request.cursor,
  });
  return {
    ...page,
    items: page.items.map((item) => ({ ...item, overdue: !!item.dueOn && item.dueOn < today })),
  };
}
