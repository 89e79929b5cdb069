import { type Candidate, executionName } from '../domain/candidate';
import {
  escalationChain,
  escalationLevelOf,
  planWake,
  type WakePlan,
  type WatchedDeadline,
  watchedDeadline,
} from '../domain/deadline-watch';
import { type HistoryEvent } from '../domain/history-event';
import { humanStage, type HumanStageId } from '../domain/pipeline';
import { type Deadline } from '../domain/rules';
import { vietnamDateOf } from '../domain/vietnam-time';
import {
  type CandidateReads,
  StaleCandidateError,
  type UnitLookup,
  type WorkflowRecords,
} from '../adapters/candidate-store';
import { recordDeadlineNotice } from '../observability/transition-metrics';
import { type ParkDependencies } from './dependencies';
import { StaleExecutionError } from './park-candidate';
import { tell } from './notify-parked';
import { unitsOnPath } from './units-on-path';

export interface WatchRequest {
  candidateId: string;
  stage: HumanStageId;
  /** `$$.Execution.Name` and `$$.Execution.StartTime` of the execution that woke. */
  executionName: string;
  executionStartedAt: string;
}

export interface WatchResult {
  /** This execution handed the candidate to its next generation and must end. */
  continuedAsNew: boolean;
  /** The wait before the next check (the park step's TimeoutSecondsPath). */
  timeoutSeconds: number;
}

/** The watch reads the file and the units above it, records deadlines and notices, and tells. */
export type WatchDependencies = Pick<
  ParkDependencies,
  'workflow' | 'notifier' | 'now' | 'metrics' | 'people' | 'approvalLinks'
> & {
  store: Pick<CandidateReads, 'getCandidate'> &
    Pick<WorkflowRecords, 'recordExecution' | 'recordDeadline' | 'recordDeadlineNotice'> &
    UnitLookup;
};

/**
 * Runs before every wait of a human step and whenever that wait times out: compares the step's
 * due date (kept on the candidate item) with the clock, sends the reminder or escalation that is
 * due (each an immutable history event), renews an execution nearing the one-year limit, and
 * says how long to wait next. It never moves the candidate: silence decides nothing.
 */
export async function watchDeadline(
  deps: WatchDependencies,
  request: WatchRequest,
): Promise<WatchResult> {
  const candidate = await deps.store.getCandidate(request.candidateId);
  if (candidate && renewedFrom(candidate, request.executionName)) {
    // This execution renewed itself but did not live to say so: make sure the successor runs.
    await startAtStage(deps, candidate, candidate.execution);
    return { continuedAsNew: true, timeoutSeconds: 1 };
  }
  if (!candidate || candidate.execution.name !== request.executionName) {
    throw new StaleExecutionError(
      `Execution ${request.executionName} no longer holds candidate ${request.candidateId}`,
    );
  }
  if (candidate.stage !== request.stage) {
    throw new StaleExecutionError(`Candidate ${candidate.id} is no longer at ${request.stage}`);
  }

  const now = deps.now();
  const today = vietnamDateOf(now);
  const due = humanStage(request.stage).deadline?.(candidate);
  const deadline = due ? await keepDeadline(deps, candidate, request.stage, due) : undefined;
  // Only a stage with a deadline needs the organisation tree (who is told, level by level).
  const tree = deadline ? await unitsOnPath(deps.store, candidate, today) : undefined;
  const plan = planWake({
    now,
    executionStartedAt: new Date(request.executionStartedAt),
    stageEnteredAt: candidate.stageEnteredAt,
    deadline,
    chain: tree ? escalationChain(request.stage, tree.path) : [],
  });

  if (plan.continueAsNew) {
    const generation = candidate.execution.generation + 1;
    const successor = { name: executionName(candidate.id, generation), generation };
    await staleExecutionOnConflict(deps.store.recordExecution(candidate, successor));
    await startAtStage(deps, candidate, successor);
    return { continuedAsNew: true, timeoutSeconds: 1 };
  }
  if (plan.notice && plan.deadline) {
    const cellName = tree?.units.find((u) => u.id === candidate.unitId)?.name ?? candidate.unitId;
    await sendNotice(deps, candidate, plan.notice, plan.deadline, cellName);
  }
  return { continuedAsNew: false, timeoutSeconds: plan.timeoutSeconds };
}

/** The item names the generation after this execution's: it was this execution that renewed. */
function renewedFrom(candidate: Candidate, name: string): boolean {
  const { generation } = candidate.execution;
  return generation > 0 && executionName(candidate.id, generation - 1) === name;
}

async function startAtStage(
  deps: Pick<ParkDependencies, 'workflow'>,
  candidate: Candidate,
  execution: Candidate['execution'],
): Promise<void> {
  await deps.workflow.start(execution.name, {
    candidateId: candidate.id,
    resumeFrom: candidate.stage as HumanStageId,
  });
}

/** The item's record of the due date: kept as is, updated if the date moved, new for a new step. */
async function keepDeadline(
  deps: Pick<WatchDependencies, 'store'>,
  candidate: Candidate,
  stage: HumanStageId,
  due: Deadline,
): Promise<WatchedDeadline> {
  const kept = candidate.deadline;
  const current = kept?.stage === stage && kept.version === candidate.version;
  if (current && kept.dueOn === due.dueOn) return kept;
  const fresh = watchedDeadline(stage, candidate.version, due);
  const deadline = current ? { ...kept, ...fresh, noticesSent: kept.noticesSent } : fresh;
  await staleExecutionOnConflict(deps.store.recordDeadline(candidate, deadline));
  return deadline;
}

/**
 * Tells first, then records: a crash between the two tells again on the retry (at least once),
 * while the event and the item's count are written once, under a condition on the count.
 */
async function sendNotice(
  deps: Omit<WatchDependencies, 'workflow'>,
  candidate: Candidate,
  notice: NonNullable<WakePlan['notice']>,
  deadline: WatchedDeadline,
  cellName: string,
): Promise<void> {
  const stage = deadline.stage;
  // The people of the unit told (an escalation: the committee above) each get an e-mail, and
  // its approvers a link of their own: the escalation reaches someone who can decide.
  await tell(deps, candidate, {
    kind: notice.kind,
    recipient: notice.recipient,
    candidate: { id: candidate.id, fullName: candidate.fullName, unitName: cellName },
    stage,
    dueOn: deadline.dueOn,
    missing: humanStage(stage).forms,
  });
  const event: HistoryEvent & { notice: NonNullable<HistoryEvent['notice']> } = {
    candidateId: candidate.id,
    seq: candidate.version,
    at: deadline.lastNoticeAt ?? deps.now().toISOString(),
    type: notice.kind,
    toStage: stage,
    policyVersion: deadline.policyVersion,
    notice: {
      index: notice.index,
      escalationLevel: escalationLevelOf(deadline),
      recipient: notice.recipient,
      dueOn: deadline.dueOn,
    },
  };
  await staleExecutionOnConflict(
    deps.store.recordDeadlineNotice(
      candidate,
      { ...deadline, lastNoticeTo: notice.recipient },
      event,
    ),
  );
  // Counted once the notice is on record: a retry that finds it recorded fails above, uncounted.
  if (deps.metrics) {
    recordDeadlineNotice(deps.metrics, {
      kind: notice.kind,
      stage,
      topUnitId: candidate.unitPath[0],
    });
  }
}

/** The item changed under this execution (a resume took it over): the execution must end. */
async function staleExecutionOnConflict(write: Promise<void>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (error instanceof StaleCandidateError) throw new StaleExecutionError(error.message);
    throw error;
  }
}
