import {
  type CandidateIntake,
  type CandidateReads,
  DuplicatePersonError,
  StaleCandidateError,
  type UnitLookup,
  type WorkflowRecords,
} from '../adapters/candidate-store';
import { type WorkflowSchedules } from '../adapters/workflow-schedules';
import { assertMayOnboard, isInScope } from '../domain/access';
import { actorOf, type Caller } from '../domain/caller';
import { type Candidate } from '../domain/candidate';
import { type ImportableStage } from '../domain/onboarding/columns';
import { onboardedCandidateId, replayToStage } from '../domain/onboarding/replay';
import { type OnboardingRow, type RawRow, readRow } from '../domain/onboarding/rows';
import {
  assertUnitAcceptsCandidates,
  duplicateNomination,
  nominationReferredUpward,
  nominationSchema,
  protectNationalId,
} from '../domain/nomination';
import { type OrgUnit } from '../domain/org-unit';
import { parseOrRefuse } from '../domain/parse';
import { isHumanStage, PROBATION } from '../domain/pipeline';
import { vietnamToday } from '../domain/quota/report';
import { HTTP_STATUS_OF, Refusal, type RefusalBody } from '../domain/refusal';
import { unitNotFound } from '../domain/unit-not-found';
import { type Dependencies } from './dependencies';
import { ensureProbationSchedule } from './probation-schedule';
import { mapLimited } from './quota-ledger';

/**
 * Onboarding (POST /onboarding/imports): files already in progress when a committee adopts the
 * system, each row a candidate at its current stage with the facts recorded so far. Each row is
 * replayed through the procedure's own checks (replay.ts) and written with its whole history
 * and the counters it earns in one transaction; then its workflow is started at its stage (the
 * state machine's resume entry), or, for a probationary member, the end of probation scheduled.
 * Rows answer one by one: APPLIED, SKIPPED (imported before: the candidate id is derived from
 * the unit, the person and the stage, so nothing is written twice) or REFUSED with the standard
 * error. A process killed between the write and the start is completed by the resume job, or by
 * importing the file again.
 */

export type OnboardingDependencies = Pick<Dependencies, 'workflow' | 'now'> & {
  store: Pick<CandidateReads, 'getCandidate'> &
    Pick<CandidateIntake, 'createOnboardedCandidate'> &
    Pick<WorkflowRecords, 'recordProbationSchedule'> &
    UnitLookup;
  schedules: WorkflowSchedules;
  /** The server key the national ID number is fingerprinted with. */
  fingerprintKey: Buffer;
};

export interface OnboardingFile {
  fileName: string;
  sha256: string;
  rows: RawRow[];
}

interface RowResult {
  row: number;
  status: 'APPLIED' | 'SKIPPED' | 'REFUSED';
  candidateId?: string;
  stage?: ImportableStage;
  error?: RefusalBody & { status: number };
}

export interface OnboardingReport {
  fileName: string;
  sha256: string;
  rows: number;
  applied: number;
  skipped: number;
  refused: number;
  results: RowResult[];
}

/** Rows in flight at once: enough to finish a full file well within the API's 29 seconds. */
const ROW_CONCURRENCY = 6;

export async function onboardCandidates(
  deps: OnboardingDependencies,
  caller: Caller,
  file: OnboardingFile,
): Promise<OnboardingReport> {
  const role = assertMayOnboard(caller);
  const now = deps.now();
  const today = vietnamToday(now);
  const units = new Map<string, Promise<OrgUnit | undefined>>();
  const unitOf = (id: string) => {
    if (!units.has(id)) units.set(id, deps.store.getUnit(id, today));
    return units.get(id)!;
  };
  const context = { deps, caller, file, today, unitOf, actor: actorOf(caller, role), now };
  const results = await mapLimited(file.rows, ROW_CONCURRENCY, async (raw) => {
    try {
      return await onboardRow(context, readRow(raw));
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return {
        row: raw.line,
        status: 'REFUSED' as const,
        error: { ...error.body, status: HTTP_STATUS_OF[error.kind] },
      };
    }
  });
  const count = (status: RowResult['status']) => results.filter((r) => r.status === status).length;
  return {
    fileName: file.fileName,
    sha256: file.sha256,
    rows: results.length,
    applied: count('APPLIED'),
    skipped: count('SKIPPED'),
    refused: count('REFUSED'),
    results,
  };
}

interface RowContext {
  deps: OnboardingDependencies;
  caller: Caller;
  file: OnboardingFile;
  today: string;
  now: Date;
  unitOf: (id: string) => Promise<OrgUnit | undefined>;
  actor: ReturnType<typeof actorOf>;
}

async function onboardRow(ctx: RowContext, row: OnboardingRow): Promise<RowResult> {
  // The unit first: a row outside the caller's subtree is answered exactly like a unit that
  // does not exist, whatever else is wrong with it.
  const cell = typeof row.person.unitId === 'string' ? row.person.unitId.trim() : '';
  // Only an id of a unit's shape is looked up (the schema refuses the others, below).
  const unitId = cell.length <= 64 ? cell : '';
  const found = unitId ? await ctx.unitOf(unitId) : undefined;
  if (unitId && (!found || !isInScope(ctx.caller, found.path))) unitNotFound(unitId, 'unitId');
  const { candidateId, replay } = replayedRow(ctx, row, found);
  const answer = { row: row.line, candidateId, stage: row.stage };
  const existing = await ctx.deps.store.getCandidate(candidateId);
  if (existing) {
    await completeStart(ctx.deps, existing);
    return { ...answer, status: 'SKIPPED' };
  }
  const { candidate, events } = replay();
  try {
    await ctx.deps.store.createOnboardedCandidate(candidate, events);
  } catch (error) {
    if (error instanceof StaleCandidateError) {
      // A parallel import of the same row got there first.
      return { ...answer, status: 'SKIPPED' };
    }
    if (error instanceof DuplicatePersonError) {
      // Name the other file only to someone who may see it.
      if (isInScope(ctx.caller, error.existingUnitPath)) {
        duplicateNomination(error.existingCandidateId);
      }
      nominationReferredUpward();
    }
    throw error;
  }
  await completeStart(ctx.deps, candidate);
  return { ...answer, status: 'APPLIED' };
}

/**
 * A row checked against the procedure's rules (schema, unit, the replay of each stage): its
 * candidate id at once, the candidate and its events when asked (a row imported before is not
 * replayed again). `found` is the row's unit as the caller may see it.
 */
export function replayedRow(
  ctx: Pick<RowContext, 'file' | 'today' | 'now' | 'actor'> & {
    deps: Pick<OnboardingDependencies, 'fingerprintKey'>;
  },
  row: OnboardingRow,
  found: OrgUnit | undefined,
) {
  const request = parseOrRefuse(nominationSchema(), row.person, { code: 'INVALID_ROW' });
  const unit = assertUnitAcceptsCandidates(found, request.unitId, ctx.today);
  const nomination = protectNationalId(request, ctx.deps.fingerprintKey);
  const candidateId = onboardedCandidateId(unit.id, nomination.nationalIdFingerprint, row.stage);
  const replay = () =>
    replayToStage({
      stage: row.stage,
      nominatedOn: row.nominatedOn,
      nomination,
      facts: row.facts,
      unit,
      candidateId,
      importKey: `onboard ${ctx.file.sha256} ${row.line}`,
      actor: ctx.actor,
      provenance: {
        fileName: ctx.file.fileName,
        sha256: ctx.file.sha256,
        row: row.line,
        importedAt: ctx.now.toISOString(),
      },
      today: ctx.today,
    });
  return { candidateId, replay };
}

/**
 * What follows the write: the workflow parked at the file's stage, or the probationary member's
 * wake-up at the end of the 12 months (two minutes from now if they are over). Idempotent: a
 * second import of the row repeats it harmlessly, completing a start a crash cut short.
 */
async function completeStart(deps: OnboardingDependencies, candidate: Candidate): Promise<void> {
  if (candidate.execution.generation !== 1) return; // resumed or moved on since: not ours
  if (isHumanStage(candidate.stage)) {
    await deps.workflow.start(candidate.execution.name, {
      candidateId: candidate.id,
      resumeFrom: candidate.stage,
    });
  } else if (candidate.stage === PROBATION.during) {
    await ensureProbationSchedule(deps, candidate);
  }
}
