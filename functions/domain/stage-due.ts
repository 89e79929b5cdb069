import type { Candidate } from './candidate';
import { humanStage, isHumanStage } from './pipeline';

/**
 * The day the candidate's current step is due (YYYY-MM-DD), by the deadline rule the pipeline
 * table names for the stage (stage-deadlines.ts), from what the dossier records; undefined for a
 * stage without a deadline or a file without the event that starts it.
 */
export function stageDueOn(candidate: Pick<Candidate, 'stage' | 'dossier'>): string | undefined {
  if (!isHumanStage(candidate.stage)) return undefined;
  return humanStage(candidate.stage).deadline?.(candidate)?.dueOn;
}
