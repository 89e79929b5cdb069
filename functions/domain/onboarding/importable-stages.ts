import { type HumanStageId, PIPELINE, PROBATION, type TerminalStageId } from '../pipeline';

/**
 * Where an onboarded file may stand: any human stage, or a probationary or official member. Its
 * own module: the route contract names it without loading the column derivation.
 */
export const IMPORTABLE_STAGES = [
  ...PIPELINE.map((s) => s.id),
  PROBATION.during,
  'OFFICIAL',
] as const satisfies readonly (HumanStageId | TerminalStageId)[];
export type ImportableStage = (typeof IMPORTABLE_STAGES)[number];
