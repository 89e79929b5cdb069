import { createHash } from 'node:crypto';
import { StaleCandidateError, type WorkflowRecords } from '../adapters/candidate-store';
import { type WorkflowSchedules } from '../adapters/workflow-schedules';
import { awaitsProbationSchedule, type Candidate } from '../domain/candidate';
import { probationOf } from '../domain/recognition-rules';
import { startOfVietnamDay, vietnamWallClock } from '../domain/vietnam-time';
import { type Dependencies } from './dependencies';

const MAX_NAME = 64;
/** Scheduling a time already past is not left to the scheduler's reading of it. */
const LATE_START_DELAY_MS = 2 * 60 * 1000;
const PREFIX = 'probation-';

/** One name per candidate, within EventBridge Scheduler's 64 characters. */
export function probationScheduleName(candidateId: string): string {
  const name = `${PREFIX}${candidateId}`;
  if (name.length <= MAX_NAME) return name;
  const digest = createHash('sha256').update(candidateId).digest('hex');
  return `${PREFIX}${digest.slice(0, MAX_NAME - PREFIX.length)}`;
}

/**
 * The wake-up: the start of the day the 12 months are complete, in Vietnam; a probation that is
 * already over (a ceremony recorded late) wakes two minutes from now.
 */
export function probationWakeUp(endsOn: string, now: Date): string {
  const start = startOfVietnamDay(endsOn);
  return vietnamWallClock(
    start.getTime() > now.getTime() ? start : new Date(now.getTime() + LATE_START_DELAY_MS),
  );
}

/**
 * Makes sure a probationary member's recognition workflow is scheduled for the end of the 12
 * months, and records that on the item. Idempotent and safe to repeat at any point: the name is
 * per candidate (an existing schedule is the one an earlier attempt created) and the record is
 * conditional. Called right after the ADMITTED transition (and by its retries), and by the resume
 * job for any member the record is missing on — a process killed in between loses nothing.
 */
export async function ensureProbationSchedule(
  deps: Pick<Dependencies, 'now'> & {
    store: Pick<WorkflowRecords, 'recordProbationSchedule'>;
    schedules: WorkflowSchedules;
  },
  candidate: Candidate,
): Promise<'created' | 'existing' | 'recorded'> {
  if (!awaitsProbationSchedule(candidate)) return 'recorded';
  const { endsOn } = probationOf(candidate);
  const name = probationScheduleName(candidate.id);
  const created = await deps.schedules.scheduleStart({
    name,
    at: probationWakeUp(endsOn, deps.now()),
    input: { candidateId: candidate.id },
  });
  try {
    await deps.store.recordProbationSchedule(candidate, { name, wakesOn: endsOn });
  } catch (error) {
    // Moved on meanwhile (recorded by a parallel run, or a correction): nothing left to do.
    if (!(error instanceof StaleCandidateError)) throw error;
  }
  return created;
}
