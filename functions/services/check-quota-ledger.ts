import type { DynamoDbQuotaStore } from '../adapters/dynamodb-quota-store';
import { recountLedger, type RecountResult } from '../domain/quota/recount';

/**
 * Recomputes every quota counter from the history events and every stage gauge from the
 * candidates, and compares them with the stored items (per unit, metric or stage, and month).
 * `differences` is empty when the ledger is exact. Reads the whole table: a nightly or
 * on-demand job, never a request.
 */
export async function checkQuotaLedger(
  store: Pick<DynamoDbQuotaStore, 'scanLedger'>,
  onProgress?: (scannedSoFar: number) => void,
): Promise<RecountResult> {
  return recountLedger(await store.scanLedger(onProgress));
}
