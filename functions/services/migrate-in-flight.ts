import { type InFlightRepair, type WorkflowRecords } from '../adapters/candidate-store';
import { type Candidate, isInFlight } from '../domain/candidate';
import { isHumanStage, phaseOf } from '../domain/pipeline';
import { type Dependencies } from './dependencies';
import { restartAtStage } from './restart-at-stage';

export interface MigrationReport {
  /** Candidates parked at a human stage when the migration looked at them. */
  inFlight: number;
  /** Now on a new execution of the current definition; the old one stopped. */
  migrated: number;
  /** Moved on while the migration looked at them: their next execution is already current. */
  movedMeanwhile: number;
}

/**
 * Moves every in-flight candidate onto the current definition of its phase's state machine (after
 * a deployment changed it: running executions keep the definition they started with). Each gets
 * a new execution through the `resumeFrom` entry, exactly as the resume job would create one,
 * and the execution it replaces is stopped. Safe to run again, and to kill at any moment: the
 * generation on the item decides which execution owns the candidate.
 */
export async function migrateInFlight(
  deps: Pick<Dependencies, 'workflow'> & {
    store: Pick<InFlightRepair, 'listInFlight'> & Pick<WorkflowRecords, 'recordExecution'>;
  },
  options: { dryRun?: boolean; log?: (line: string) => void } = {},
): Promise<MigrationReport> {
  const report: MigrationReport = { inFlight: 0, migrated: 0, movedMeanwhile: 0 };
  for await (const candidate of everyInFlight(deps.store)) {
    if (!isInFlight(candidate) || !isHumanStage(candidate.stage)) continue;
    report.inFlight++;
    if (options.dryRun) continue;
    const restarted = await restartAtStage(deps, { ...candidate, stage: candidate.stage });
    if (!restarted) {
      report.movedMeanwhile++;
      continue;
    }
    await deps.workflow.stop(
      restarted.superseded,
      phaseOf(candidate.stage),
      'Migrated to the current state machine definition',
    );
    report.migrated++;
    options.log?.(`${candidate.id} ${candidate.stage}: ${restarted.superseded} → next generation`);
  }
  return report;
}

/** The whole in-flight index, page after page (an operator's one-off run, not a scheduled job). */
async function* everyInFlight(
  store: Pick<InFlightRepair, 'listInFlight'>,
): AsyncIterable<Candidate> {
  let from: Awaited<ReturnType<InFlightRepair['listInFlight']>>['next'];
  do {
    const page = await store.listInFlight(from, 100);
    yield* page.candidates;
    from = page.next;
  } while (from);
}
