/**
 * How far a resumable job got: its position (a cursor the job defines), how many full passes it
 * finished, and a version that makes each save conditional, so two runs never both advance it.
 */
export interface Checkpoint<Position> {
  position?: Position;
  passesCompleted: number;
  /** When the pass in progress began (ISO instant); absent before the first page. */
  passStartedAt?: string;
  version: number;
}

export interface CheckpointStore {
  /** The job's checkpoint; a fresh one (version 0, no position) if it never saved one. */
  load<Position>(job: string): Promise<Checkpoint<Position>>;
  /**
   * Saves `next` if the stored checkpoint is still at `before.version`; answers the saved one
   * (its version one higher). A run that lost the race gets CheckpointMovedError and stops.
   */
  save<Position>(
    job: string,
    before: Checkpoint<Position>,
    next: Omit<Checkpoint<Position>, 'version'>,
  ): Promise<Checkpoint<Position>>;
}

/** Another run of the same job saved its checkpoint meanwhile. */
export class CheckpointMovedError extends Error {
  override name = 'CheckpointMovedError';
}
