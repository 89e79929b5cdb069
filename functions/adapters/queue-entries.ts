import { type Candidate } from '../domain/candidate';
import { escalationLevelOf } from '../domain/deadline-watch';
import { type CandidateSummary } from './candidate-store';
import { searchKeyOf } from '../domain/search-key';
import { NO_DUE_DATE } from '../domain/work-queue';
import { keys } from './table-keys';

/** A queue entry's sort key: soonest deadline first, then the longest waiting. */
function queuePosition(candidate: Pick<Candidate, 'dueOn' | 'stageEnteredAt' | 'id'>): string {
  return `${candidate.dueOn ?? NO_DUE_DATE}#${candidate.stageEnteredAt}#${candidate.id}`;
}

/**
 * A candidate's entries in the work queues of its cell and every ancestor: one small item per
 * unit of the path, written in the same transaction as the candidate item that they mirror, so
 * a subtree listing is one Query on the unit's own partition, ordered by due date.
 */
function queueEntries(candidate: Candidate): Record<string, unknown>[] {
  const sortKey = queuePosition(candidate);
  return candidate.unitPath.map((unitId) => ({
    PK: keys.queue(unitId, candidate.stage),
    SK: sortKey,
    entity: 'QUEUE_ENTRY',
    ...summaryOf({ ...candidate, ...escalationOf(candidate) }),
    searchKey: searchKeyOf(candidate.fullName),
  }));
}

/** What a listing shows of a candidate (or of its queue entry): enough to pick it, nothing personal. */
export function summaryOf(source: CandidateSummary): CandidateSummary {
  const { id, fullName, unitId, stage, version, createdAt, stageEnteredAt, dueOn } = source;
  const { escalationLevel } = source;
  return {
    id,
    fullName,
    unitId,
    stage,
    version,
    createdAt,
    stageEnteredAt,
    ...(dueOn ? { dueOn } : {}),
    ...(escalationLevel !== undefined ? { escalationLevel } : {}),
  };
}

/** The overdue notices of the current step (deadline-watch.ts), once there is one. */
function escalationOf(candidate: Candidate): Pick<CandidateSummary, 'escalationLevel'> {
  const { deadline } = candidate;
  const current =
    deadline?.stage === candidate.stage &&
    deadline.version === candidate.version &&
    deadline.noticesSent > 0;
  return current ? { escalationLevel: escalationLevelOf(deadline) } : {};
}

/**
 * The transaction items that move a candidate's queue entries from `before` to `after`: entries
 * that no longer apply are deleted, the current ones put (a put of an unchanged key refreshes it;
 * one transaction may not touch an item twice, so such a key is only put).
 */
export function queueEntryWrites(
  tableName: string,
  before: Candidate | undefined,
  after: Candidate | undefined,
) {
  const next = after ? queueEntries(after) : [];
  const kept = new Set(next.map((e) => `${e.PK}|${e.SK}`));
  const gone = (before ? queueEntries(before) : []).filter((e) => !kept.has(`${e.PK}|${e.SK}`));
  return [
    ...gone.map((e) => ({ Delete: { TableName: tableName, Key: { PK: e.PK, SK: e.SK } } })),
    ...next.map((e) => ({ Put: { TableName: tableName, Item: e } })),
  ];
}
