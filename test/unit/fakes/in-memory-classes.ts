import { copy } from './copy';
import { type ClassPage, type ClassStore } from '../../../functions/adapters/class-store';
import { type SeatRefusal, type SeatWrite } from '../../../functions/adapters/class-seat-writes';
import { type ClassSeat, type TrainingClass } from '../../../functions/domain/training-class';

/**
 * The class store kept in memory. Seats are written by the candidate store with an action
 * (`writeSeat`), under the adapter's conditions (`refusalOf`): one seat per candidate, none beyond
 * capacity, one result per seat.
 */
export class InMemoryClasses implements ClassStore {
  readonly classes = new Map<string, TrainingClass>();
  readonly seats = new Map<string, ClassSeat>();

  async createClass(trainingClass: TrainingClass): Promise<TrainingClass> {
    const existing = this.classes.get(trainingClass.id);
    if (existing) return copy(existing);
    this.classes.set(trainingClass.id, copy(trainingClass));
    return copy(trainingClass);
  }

  async getClass(id: string): Promise<TrainingClass | undefined> {
    const found = this.classes.get(id);
    return found ? copy(found) : undefined;
  }

  async listClasses(query: {
    organiserUnitId: string;
    limit: number;
    cursor?: string;
  }): Promise<ClassPage> {
    const all = [...this.classes.values()]
      .filter((c) => c.organiserUnitId === query.organiserUnitId)
      .sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.id.localeCompare(b.id));
    const start = query.cursor ? Number(query.cursor) : 0;
    const items = all.slice(start, start + query.limit);
    const next = start + query.limit;
    return {
      items: copy(items),
      ...(next < all.length ? { nextCursor: String(next) } : {}),
    };
  }

  async getSeats(classId: string): Promise<ClassSeat[]> {
    return copy([...this.seats.values()].filter((s) => s.classId === classId));
  }

  refusalOf(write: SeatWrite): SeatRefusal | undefined {
    if (write.kind === 'take') {
      if (this.seats.has(seatKey(write.seat))) return 'ALREADY_ENROLLED';
      const target = this.classes.get(write.seat.classId);
      if (!target || target.enrolled >= target.capacity) return 'CLASS_FULL';
      return undefined;
    }
    const seat = this.seats.get(seatKey(write));
    if (!seat) return 'NOT_ENROLLED';
    return seat.result ? 'RESULT_RECORDED' : undefined;
  }

  writeSeat(write: SeatWrite): void {
    if (write.kind === 'take') {
      this.seats.set(seatKey(write.seat), copy(write.seat));
      this.classes.get(write.seat.classId)!.enrolled++;
      return;
    }
    const seat = this.seats.get(seatKey(write))!;
    seat.result = write.result;
    seat.resultRecordedAt = write.recordedAt;
    if (write.certificateNumber) {
      seat.certificateNumber = write.certificateNumber;
      seat.issuedOn = write.issuedOn;
    }
  }
}

function seatKey(seat: { classId: string; candidateId: string }): string {
  return `${seat.classId}#${seat.candidateId}`;
}
