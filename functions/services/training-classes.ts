import { type CandidateReads, type UnitLookup } from '../adapters/candidate-store';
import { createHash } from 'node:crypto';
import { type ClassStore } from '../adapters/class-store';
import { type SeatRefusal, SeatRefusedError } from '../adapters/class-seat-writes';
import {
  assertMayOrganiseClasses,
  assertMayReadCandidates,
  isInScope,
  mayUseClass,
} from '../domain/access';
import { type ClassResultsRequest } from '../domain/bulk';
import { actorOf, type Caller } from '../domain/caller';
import { type Candidate } from '../domain/candidate';
import { vietnamToday } from '../domain/quota/report';
import { unitNotFound } from '../domain/unit-not-found';
import { refuse, type RefusalKind } from '../domain/refusal';
import {
  attendanceFigures,
  type ClassDefinition,
  classIdFrom,
  classStatus,
  type TrainingClass,
} from '../domain/training-class';
import { actOnCandidate, type BulkOutcome, type BulkResponse, runBulk } from './bulk-actions';
import { type ActionDependencies } from './submit-action';

/** Enrolling and recording results are candidates' actions; the organiser's unit is looked up. */
export type ClassDependencies = ActionDependencies & {
  store: Pick<CandidateReads, 'getHistory'> & UnitLookup;
  classes: ClassStore;
};

/** A committee (or an administrator) opens a class for the candidates of its subtree. */
export async function createClass(
  deps: ClassDependencies,
  caller: Caller,
  definition: ClassDefinition,
  idempotencyKey: string,
): Promise<TrainingClass> {
  const role = assertMayOrganiseClasses(caller);
  const now = deps.now();
  const organiser = await deps.store.getUnit(definition.organiserUnitId, vietnamToday(now));
  if (!organiser || !isInScope(caller, organiser.path)) {
    unitNotFound(definition.organiserUnitId, 'organiserUnitId');
  }
  const digest = createHash('sha256')
    .update(JSON.stringify([caller.userId, idempotencyKey, definition]))
    .digest('hex');
  return deps.classes.createClass({
    ...definition,
    id: classIdFrom(digest),
    organiserPath: organiser.path,
    enrolled: 0,
    createdAt: now.toISOString(),
    createdBy: actorOf(caller, role),
  });
}

/** The class with its roster and the figures reports use ("26/37"). */
export async function classView(deps: ClassDependencies, caller: Caller, id: string) {
  const trainingClass = await visibleClass(deps, caller, id);
  const seats = await deps.classes.getSeats(id);
  return {
    ...trainingClass,
    status: classStatus(trainingClass, seats, vietnamToday(deps.now())),
    figures: attendanceFigures(seats),
    seats: seats
      .map(
        ({ candidateId, fullName, unitId, enrolledAt, result, certificateNumber, issuedOn }) => ({
          candidateId,
          fullName,
          unitId,
          enrolledAt,
          ...(result ? { result } : {}),
          ...(certificateNumber ? { certificateNumber, issuedOn } : {}),
        }),
      )
      .sort(
        (a, b) =>
          a.fullName.localeCompare(b.fullName, 'vi') || a.candidateId.localeCompare(b.candidateId),
      ),
  };
}

/** The classes an organiser runs (default: the caller's unit), latest first. */
export async function listClasses(
  deps: ClassDependencies,
  caller: Caller,
  query: { organiser?: string; limit: number; cursor?: string },
) {
  assertMayReadCandidates(caller);
  const organiserUnitId = query.organiser ?? caller.unitId;
  const today = vietnamToday(deps.now());
  const [organiser, own] = await Promise.all([
    deps.store.getUnit(organiserUnitId, today),
    deps.store.getUnit(caller.unitId, today),
  ]);
  if (!organiser || !mayUseClass(caller, organiser.path, own?.path ?? [caller.unitId])) {
    unitNotFound(organiserUnitId, 'organiser');
  }
  return deps.classes.listClasses({ organiserUnitId, limit: query.limit, cursor: query.cursor });
}

/**
 * Enrols many candidates at once: for each, the pipeline's `enrolInClass` action with the class's
 * dates, and the class seat in the same transaction (refused when the class is full).
 */
export async function enrolCandidates(
  deps: ClassDependencies,
  caller: Caller,
  classId: string,
  candidateIds: string[],
  bulkKey: string,
): Promise<BulkResponse> {
  const trainingClass = await visibleClass(deps, caller, classId);
  const payload = {
    classId,
    startsOn: trainingClass.startsOn,
    endsOn: trainingClass.endsOn,
  };
  return runBulk(
    candidateIds.map((candidateId) => ({ candidateId })),
    ({ candidateId }) =>
      seatRefusalsAsRefusals(() =>
        actOnCandidate(deps, caller, { candidateId, action: 'enrolInClass', payload }, bulkKey, {
          precheck: (candidate) => assertInClassArea(candidate, trainingClass),
          companion: (submission, candidate) => ({
            seat: {
              kind: 'take',
              seat: {
                classId,
                candidateId,
                fullName: candidate.fullName,
                unitId: candidate.unitId,
                enrolledAt: submission.submittedAt,
              },
            },
          }),
        }),
      ),
  );
}

/**
 * Records the results of the whole class: each candidate's `recordClassResult` (passed with the
 * certificate, failed, absent) and its seat's result, in one transaction per candidate; the
 * workflow of each candidate moves on from it (a pass to the application, else a retake).
 */
export async function recordClassResults(
  deps: ClassDependencies,
  caller: Caller,
  classId: string,
  request: ClassResultsRequest,
  bulkKey: string,
): Promise<BulkResponse> {
  const trainingClass = await visibleClass(deps, caller, classId);
  const recordedAt = deps.now().toISOString();
  return runBulk(request.results, (entry) => {
    const issuedOn =
      entry.result === 'PASSED'
        ? (entry.issuedOn ?? request.issuedOn ?? trainingClass.endsOn)
        : undefined;
    const payload =
      entry.result === 'PASSED'
        ? { result: 'PASSED', classId, certificateNumber: entry.certificateNumber, issuedOn }
        : { result: entry.result, classId, classEndedOn: trainingClass.endsOn };
    return seatRefusalsAsRefusals(() =>
      actOnCandidate(
        deps,
        caller,
        { candidateId: entry.candidateId, action: 'recordClassResult', payload },
        bulkKey,
        {
          precheck: (candidate) => assertEnrolledIn(candidate, classId),
          companion: () => ({
            seat: {
              kind: 'result',
              classId,
              candidateId: entry.candidateId,
              result: entry.result,
              ...(entry.result === 'PASSED'
                ? { certificateNumber: entry.certificateNumber, issuedOn }
                : {}),
              recordedAt,
            },
          }),
        },
      ),
    );
  });
}

async function visibleClass(
  deps: ClassDependencies,
  caller: Caller,
  id: string,
): Promise<TrainingClass> {
  assertMayReadCandidates(caller);
  const [trainingClass, own] = await Promise.all([
    deps.classes.getClass(id),
    deps.store.getUnit(caller.unitId, vietnamToday(deps.now())),
  ]);
  if (
    !trainingClass ||
    !mayUseClass(caller, trainingClass.organiserPath, own?.path ?? [caller.unitId])
  ) {
    return refuse('not-found', {
      code: 'CLASS_NOT_FOUND',
      message: `Không tìm thấy lớp bồi dưỡng ${id}`,
      message_en: `Awareness class ${id} not found`,
      field: 'id',
    });
  }
  return trainingClass;
}

function assertInClassArea(candidate: Candidate, trainingClass: TrainingClass): void {
  if (!candidate.unitPath.includes(trainingClass.organiserUnitId)) {
    refuse('rule', {
      code: 'CANDIDATE_OUTSIDE_CLASS_AREA',
      message: `Quần chúng thuộc đơn vị ngoài phạm vi tổ chức lớp "${trainingClass.name}"`,
      message_en: `The candidate's unit is outside the area of the class "${trainingClass.name}"`,
      field: 'candidateId',
      details: { organiserUnitId: trainingClass.organiserUnitId, unitId: candidate.unitId },
    });
  }
}

function assertEnrolledIn(candidate: Candidate, classId: string): void {
  const enrolment = candidate.dossier.enrolment as { classId?: string } | undefined;
  if (enrolment?.classId !== classId) seatRefusal('NOT_ENROLLED');
}

const SEAT_REFUSALS: Record<SeatRefusal, [RefusalKind, string, string, string]> = {
  CLASS_FULL: ['rule', 'CLASS_FULL', 'Lớp đã đủ số học viên', 'The class is full'],
  ALREADY_ENROLLED: [
    'conflict',
    'ALREADY_ENROLLED',
    'Quần chúng đã ghi danh lớp này',
    'The candidate is already enrolled in this class',
  ],
  NOT_ENROLLED: [
    'rule',
    'NOT_ENROLLED_IN_CLASS',
    'Quần chúng không ghi danh lớp này',
    'The candidate is not enrolled in this class',
  ],
  RESULT_RECORDED: [
    'conflict',
    'CLASS_RESULT_ALREADY_RECORDED',
    'Kết quả lớp của quần chúng này đã được ghi',
    "This candidate's class result is already recorded",
  ],
};

function seatRefusal(reason: SeatRefusal): never {
  const [kind, code, message, message_en] = SEAT_REFUSALS[reason];
  return refuse(kind, { code, message, message_en, field: 'candidateId' });
}

async function seatRefusalsAsRefusals(run: () => Promise<BulkOutcome>): Promise<BulkOutcome> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SeatRefusedError) return seatRefusal(error.reason);
    throw error;
  }
}
