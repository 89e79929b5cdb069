import { type ClassSeat, type TrainingClass } from '../domain/training-class';

export interface ClassPage {
  items: TrainingClass[];
  nextCursor?: string;
}

/** Training classes and their rosters. Seats are written with the candidates' actions. */
export interface ClassStore {
  /** Creates the class; a replay of the same creation finds it and writes nothing. */
  createClass(trainingClass: TrainingClass): Promise<TrainingClass>;
  getClass(id: string): Promise<TrainingClass | undefined>;
  /** An organiser's classes, latest start first. */
  listClasses(query: {
    organiserUnitId: string;
    limit: number;
    cursor?: string;
  }): Promise<ClassPage>;
  /** The class's roster: one seat per enrolled candidate, with its result once recorded. */
  getSeats(classId: string): Promise<ClassSeat[]>;
}
