import {
  type Checkpoint,
  CheckpointMovedError,
  type CheckpointStore,
} from '../../../functions/adapters/checkpoint-store';
import { copy } from './copy';

/** Checkpoints kept in memory with the store's condition on the version. */
export class InMemoryCheckpoints implements CheckpointStore {
  readonly saved = new Map<string, Checkpoint<unknown>>();

  async load<Position>(job: string): Promise<Checkpoint<Position>> {
    const found = this.saved.get(job) as Checkpoint<Position> | undefined;
    return copy(found ?? { passesCompleted: 0, version: 0 });
  }

  async save<Position>(
    job: string,
    before: Checkpoint<Position>,
    next: Omit<Checkpoint<Position>, 'version'>,
  ): Promise<Checkpoint<Position>> {
    if ((this.saved.get(job)?.version ?? 0) !== before.version) {
      throw new CheckpointMovedError(job);
    }
    const saved = { ...copy(next), version: before.version + 1 };
    this.saved.set(job, saved);
    return copy(saved);
  }
}
