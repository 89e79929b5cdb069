/**
 * The names of the stages, apart from the table that describes them (pipeline.ts), so that the
 * candidate's shape can name its stage without depending on the rules the table references.
 */
/** The stage each candidate item names: the admission's, then recognition's after probation. */
export const HUMAN_STAGE_IDS = [
  'NOMINATED',
  'AWARENESS_CLASS',
  'APPLICATION',
  'BACKGROUND_CHECK',
  'SPONSORSHIP',
  'CELL_RESOLUTION',
  'GRASSROOTS_RESOLUTION',
  'ADMISSION_DECISION',
  'CEREMONY',
  'RECOGNITION_CELL_REVIEW',
  'RECOGNITION_GRASSROOTS',
  'RECOGNITION_DECISION',
] as const;
/**
 * `REVOKED` is reached only by an administrator's correction of an `ADMITTED` candidate (the
 * admission decision annulled): no action of the workflow leads there, so the state machine has
 * no state for it.
 */
export const TERMINAL_STAGE_IDS = [
  'ADMITTED',
  'REJECTED',
  'WITHDRAWN',
  'REVOKED',
  'OFFICIAL',
  'REMOVED',
] as const;

export type HumanStageId = (typeof HUMAN_STAGE_IDS)[number];
export type TerminalStageId = (typeof TERMINAL_STAGE_IDS)[number];
export type StageId = HumanStageId | TerminalStageId;
