import { builtOnFirstUse } from './built-on-first-use';
import * as z from 'zod';
import { singleLineText } from './clean-text';
import type { Actor } from './caller';

/**
 * A Party awareness class (lớp bồi dưỡng nhận thức về Đảng, certificate CN-NTVĐ): organised by a
 * committee for the candidates of its subtree, with dates, a capacity and a place. Its roster
 * holds one seat per enrolled candidate, written in the same transaction as the candidate's
 * `enrolInClass` action; a seat's result is written with the candidate's `recordClassResult`.
 */
const isoDate = builtOnFirstUse(() => z.iso.date());

export const classDefinitionSchema = builtOnFirstUse(() =>
  z
    .strictObject({
      name: singleLineText(2, 200),
      organiserUnitId: z.string().trim().min(1).max(64),
      startsOn: isoDate(),
      endsOn: isoDate(),
      capacity: z.int().min(1).max(500),
      location: singleLineText(2, 200),
    })
    .refine((c) => c.startsOn <= c.endsOn, {
      path: ['endsOn'],
      message: 'Ngày kết thúc trước ngày khai giảng | The class ends before it starts',
    }),
);
export type ClassDefinition = z.infer<ReturnType<typeof classDefinitionSchema>>;

export interface TrainingClass extends ClassDefinition {
  id: string;
  /** The organiser's path, from the top-level committee down to the organiser itself. */
  organiserPath: string[];
  /** Seats taken; the store refuses a seat beyond `capacity` in the enrolment's transaction. */
  enrolled: number;
  createdAt: string;
  createdBy: Actor;
}

export type ClassResult = 'PASSED' | 'FAILED' | 'ABSENT';

export interface ClassSeat {
  classId: string;
  candidateId: string;
  fullName: string;
  unitId: string;
  enrolledAt: string;
  result?: ClassResult;
  certificateNumber?: string;
  issuedOn?: string;
  resultRecordedAt?: string;
}

/** Where the class stands, from its dates and its roster. */
export type ClassStatus = 'PLANNED' | 'IN_PROGRESS' | 'ENDED' | 'RESULTS_RECORDED';

export function classStatus(
  trainingClass: Pick<TrainingClass, 'startsOn' | 'endsOn'>,
  seats: readonly ClassSeat[],
  today: string,
): ClassStatus {
  if (seats.length > 0 && seats.every((s) => s.result)) return 'RESULTS_RECORDED';
  if (today < trainingClass.startsOn) return 'PLANNED';
  if (today <= trainingClass.endsOn) return 'IN_PROGRESS';
  return 'ENDED';
}

/**
 * The figures the districts report ("26/37": passed over enrolled), with the failed and the
 * absent, and the seats still without a result.
 */
export function attendanceFigures(seats: readonly ClassSeat[]) {
  const count = (result?: ClassResult) => seats.filter((s) => s.result === result).length;
  const enrolled = seats.length;
  const passed = count('PASSED');
  return {
    enrolled,
    passed,
    failed: count('FAILED'),
    absent: count('ABSENT'),
    awaitingResult: count(undefined),
    /** As the reports write it: passed/enrolled, two digits at least ("06/17"). */
    passedOfEnrolled: `${String(passed).padStart(2, '0')}/${String(enrolled).padStart(2, '0')}`,
  };
}

/** The class id: from the creating request, so a replayed creation finds the same class. */
export function classIdFrom(digestHex: string): string {
  return `lop-${digestHex.slice(0, 12)}`;
}
