import { type InFlightRepair } from '../adapters/candidate-store';

export interface BackfillReport {
  unlisted: number;
  listed: number;
}

/**
 * Puts the candidates written before work queues existed into them (search key, due date,
 * queue entries of the cell and each ancestor). Safe to run again, and while the system runs:
 * a candidate that moves on meanwhile is listed by its own transition.
 */
export async function backfillWorkQueues(
  store: Pick<InFlightRepair, 'listUnlisted' | 'listInWorkQueues'>,
): Promise<BackfillReport> {
  const report: BackfillReport = { unlisted: 0, listed: 0 };
  for await (const candidate of store.listUnlisted()) {
    report.unlisted++;
    if (await store.listInWorkQueues(candidate)) report.listed++;
  }
  return report;
}
