import { type ClassResult, type ClassSeat } from '../domain/training-class';
import { keys } from './table-keys';

/** A class seat taken (an enrolment) or its result recorded, with the candidate's action. */
export type SeatWrite =
  | { kind: 'take'; seat: ClassSeat }
  | {
      kind: 'result';
      classId: string;
      candidateId: string;
      result: ClassResult;
      certificateNumber?: string;
      issuedOn?: string;
      recordedAt: string;
    };

export type SeatRefusal = 'CLASS_FULL' | 'ALREADY_ENROLLED' | 'NOT_ENROLLED' | 'RESULT_RECORDED';

/** The class would not take the write: full, taken, no seat, or a result already there. */
export class SeatRefusedError extends Error {
  readonly name = 'SeatRefusedError';
  constructor(readonly reason: SeatRefusal) {
    super(`class seat refused: ${reason}`);
  }
}

/**
 * The transaction items of a seat write. Taking a seat also counts it on the class item, on
 * the condition that a seat is left: capacity holds however many enrolments run at once.
 */
export function seatWriteItems(tableName: string, write: SeatWrite) {
  if (write.kind === 'take') {
    const { seat } = write;
    return [
      {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.classSeat(seat.classId, seat.candidateId),
            entity: 'CLASS_SEAT',
            ...seat,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Update: {
          TableName: tableName,
          Key: keys.trainingClass(seat.classId),
          UpdateExpression: 'SET #enrolled = #enrolled + :one',
          ConditionExpression: 'attribute_exists(PK) AND #enrolled < #capacity',
          // CAPACITY is a reserved word of DynamoDB expressions.
          ExpressionAttributeNames: { '#enrolled': 'enrolled', '#capacity': 'capacity' },
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
    ];
  }
  const { classId, candidateId, result, certificateNumber, issuedOn, recordedAt } = write;
  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.classSeat(classId, candidateId),
        UpdateExpression: `SET #result = :result, resultRecordedAt = :at${
          certificateNumber ? ', certificateNumber = :number, issuedOn = :issued' : ''
        }`,
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#result)',
        ExpressionAttributeNames: { '#result': 'result' },
        ExpressionAttributeValues: {
          ':result': result,
          ':at': recordedAt,
          ...(certificateNumber ? { ':number': certificateNumber, ':issued': issuedOn } : {}),
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      },
    },
  ];
}

/** Why the seat items of a cancelled transaction failed (reasons in the items' order). */
export function seatRefusalOf(
  write: SeatWrite,
  reasons: { Code?: string; Item?: Record<string, unknown> }[],
): SeatRefusal | undefined {
  const failed = (i: number) => reasons[i]?.Code === 'ConditionalCheckFailed';
  if (write.kind === 'take') {
    if (failed(0)) return 'ALREADY_ENROLLED';
    if (failed(1)) return 'CLASS_FULL';
    return undefined;
  }
  if (!failed(0)) return undefined;
  return reasons[0].Item ? 'RESULT_RECORDED' : 'NOT_ENROLLED';
}
