import { type Candidate } from '../domain/candidate';

/** Which candidates an operator's backfill looks for (each written before an upgrade). */
export type CandidateScanFilter =
  /** Written before work queues existed: no search key, no queue entries. */
  | 'unlisted'
  /** In flight or on probation, written before the in-flight index existed: not in it. */
  | 'unindexed';

/** One page of a table scan: what matched, how many items were read, and where to go on. */
export interface CandidateScanPage {
  candidates: Candidate[];
  scanned: number;
  /** The scan's position after this page (opaque); absent at the end of the table. */
  next?: Record<string, unknown>;
}

/**
 * The scans operator tools need once after an upgrade (never a scheduled job): one page at a
 * time from a saved position, so a long run shows its progress and can be resumed.
 */
export interface CandidateScan {
  scanPage(filter: CandidateScanFilter, from?: Record<string, unknown>): Promise<CandidateScanPage>;
  /** Puts an unindexed file into the in-flight index, if it is still at that version. */
  indexInFlight(candidate: Candidate): Promise<boolean>;
}
