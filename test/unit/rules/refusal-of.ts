import { Refusal } from '../../../functions/domain/refusal';

/** The refusal a rule throws; fails the test when the rule passes or throws something else. */
export function refusalOf(run: () => unknown): Refusal {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
