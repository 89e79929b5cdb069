import {
  HUMAN_STAGE_IDS,
  type HumanStageId,
  PIPELINE,
  type StageId,
  TERMINAL_STAGE_IDS,
} from './pipeline';
import type { Role } from './roles';

/**
 * Work queues: a unit's subtree, at some stages, soonest deadline first. Every candidate sits in
 * the queue of its cell and of each ancestor (docs/architecture.md, "Table design"; the entries
 * are written by functions/adapters/queue-entries.ts for every unit of the path, so that a
 * subtree is one key, not a fan-out over its cells), ordered by due date, then by how long the
 * step has waited.
 */

/** Steps without a deadline come after every dated one. */
export const NO_DUE_DATE = '9999-12-31';

export const ALL_STAGES: readonly StageId[] = [...HUMAN_STAGE_IDS, ...TERMINAL_STAGE_IDS];

export interface WorkQueueQuery {
  /** The unit whose subtree is listed. */
  unitId: string;
  /** One or more stages; several are merged in position order. */
  stages: readonly StageId[];
  /** Only steps due strictly before this day (YYYY-MM-DD); "overdue" is "due before today". */
  dueBefore?: string;
  /** A name fragment, already normalised by searchKeyOf. */
  search?: string;
  limit: number;
  /** The opaque cursor of the previous page (valid only for the same listing). */
  cursor?: string;
}

/** The stages at which a user with these roles has to act: their tasks. */
export function stagesActedOnBy(roles: readonly Role[]): HumanStageId[] {
  return PIPELINE.filter((stage) => roles.includes(stage.actor)).map((stage) => stage.id);
}

/** The earlier of two optional days (both YYYY-MM-DD). */
export function earlierDay(a?: string, b?: string): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}
