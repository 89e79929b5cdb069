import { createHash } from 'node:crypto';
import { type Candidate, isInFlight } from '../domain/candidate';
import { PROBATION, type StageId } from '../domain/pipeline';
import { searchKeyOf } from '../domain/search-key';

export { vietnamMonthOf } from '../domain/quota/counter-keys';

/**
 * Key layout of the single table (docs/architecture.md, "Table design").
 * GSI1 lists a unit's own candidates at one stage; GSI2 all of a unit's own candidates. Work queues
 * over a subtree read the queue entries (`QUEUE#<unit>#<stage>`, queue-entries.ts) instead.
 */
export const keys = {
  candidate: (id: string) => ({ PK: `CAND#${id}`, SK: 'META' }),
  event: (id: string, seq: number) => ({
    PK: `CAND#${id}`,
    SK: `EVT#${String(seq).padStart(10, '0')}`,
  }),
  /** A deadline notice sorts right after the event of the version it was sent at. */
  notice: (id: string, seq: number, index: number) => ({
    PK: `CAND#${id}`,
    SK: `EVT#${String(seq).padStart(10, '0')}#N${String(index).padStart(2, '0')}`,
  }),
  eventPrefix: 'EVT#',
  unit: (id: string, effectiveFrom: string) => ({ PK: `UNIT#${id}`, SK: `META#${effectiveFrom}` }),
  unitPartition: (id: string) => `UNIT#${id}`,
  byUnitAndStage: (unitId: string, stage: StageId) => `UNIT#${unitId}#STAGE#${stage}`,
  byUnit: (unitId: string) => `UNIT#${unitId}`,
  /** Audit exports read one month partition at a time (months in Vietnam time). */
  /** One open admission file per person, found by the keyed fingerprint of the ID number. */
  person: (fingerprint: string) => ({ PK: `PERSON#${fingerprint}`, SK: 'OPEN_FILE' }),
  auditMonth: (month: string) => `AUDIT#${month}`,
  /** A work queue: the candidates of a unit's subtree at one stage (queue-entries.ts). */
  queue: (unitId: string, stage: StageId) => `QUEUE#${unitId}#${stage}`,
  /** A training class, its roster (`SEAT#<candidate>`), and the organiser's list of classes. */
  trainingClass: (id: string) => ({ PK: `CLASS#${id}`, SK: 'META' }),
  classSeat: (classId: string, candidateId: string) => ({
    PK: `CLASS#${classId}`,
    SK: `SEAT#${candidateId}`,
  }),
  seatPrefix: 'SEAT#',
  classesOf: (organiserUnitId: string) => `CLASSES#${organiserUnitId}`,
  /** Where a resumable job (the repair sweep, an operator tool) saved how far it got. */
  checkpoint: (job: string) => ({ PK: `CHECKPOINT#${job}`, SK: 'META' }),
};

export const INDEX = {
  byUnitAndStage: 'GSI1',
  byUnit: 'GSI2',
  audit: 'GSI3',
  inFlight: 'InFlight',
} as const;

/**
 * The sparse index of files the repair sweep watches (docs/architecture.md, "Repair"): a candidate
 * item carries `inFlightShard` and `inFlightSK` only while it is in flight or on probation, so
 * the index holds those files and nothing else. The shard (from the id) spreads them over
 * `IN_FLIGHT_SHARDS` partitions, so no partition of the index is hot.
 */
export const IN_FLIGHT_SHARDS = 16;
export const IN_FLIGHT_KEY = { shard: 'inFlightShard', sort: 'inFlightSK' } as const;

export function inFlightShardOf(candidateId: string): number {
  return createHash('sha256').update(candidateId).digest()[0] % IN_FLIGHT_SHARDS;
}

/** Whether the repair sweep watches the file: in flight, or a member on probation. */
export function watchedForRepair(candidate: Pick<Candidate, 'stage'>): boolean {
  return isInFlight(candidate) || candidate.stage === PROBATION.during;
}

function inFlightIndexKeys(candidate: Candidate): Record<string, unknown> {
  if (!watchedForRepair(candidate)) return {};
  return {
    [IN_FLIGHT_KEY.shard]: inFlightShardOf(candidate.id),
    [IN_FLIGHT_KEY.sort]: candidate.id,
  };
}

export function candidateItem(candidate: Candidate): Record<string, unknown> {
  return {
    ...keys.candidate(candidate.id),
    entity: 'CANDIDATE',
    ...candidate,
    // Recomputed on every write of the item, so a corrected name is found by its new spelling.
    searchKey: searchKeyOf(candidate.fullName),
    GSI1PK: keys.byUnitAndStage(candidate.unitId, candidate.stage),
    GSI1SK: `${candidate.stageEnteredAt}#${candidate.id}`,
    GSI2PK: keys.byUnit(candidate.unitId),
    GSI2SK: `${candidate.createdAt}#${candidate.id}`,
    // Written with every stage change (the same Put), removed with the file's last one.
    ...inFlightIndexKeys(candidate),
  };
}

const KEY_ATTRIBUTES = [
  'PK',
  'SK',
  'entity',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  'GSI3PK',
  'GSI3SK',
  'searchKey',
  IN_FLIGHT_KEY.shard,
  IN_FLIGHT_KEY.sort,
];

export function withoutKeys<T>(item: Record<string, unknown>): T {
  const copy = { ...item };
  for (const k of KEY_ATTRIBUTES) delete copy[k];
  return copy as T;
}

/**
 * The item that makes a link single-use: put it with `attribute_not_exists(PK)` when the
 * decision is taken; a second decision through the same link fails the condition and the handler
 * shows the recorded one instead.
 */
export function approvalRecordKey(claims: { nonce: string }): {
  PK: string;
  SK: string;
} {
  return { PK: `APPROVAL#${claims.nonce}`, SK: 'META' };
}

/**
 * The people directory: an account (`ACCOUNT#<sub>` / `PROFILE`) with its audit events
 * (`EVT#…`) and deliveries (`DLV#…`) in its own partition; the enabled holders of a role at a
 * unit (`DIR#<unit>#<role>` / `<sub>`), every account of a unit (`ACCOUNTS#<unit>` / `<sub>`),
 * and the owner of an e-mail address (`EMAIL#<address>`).
 */
export const directoryKeys = {
  account: (userId: string) => ({ PK: `ACCOUNT#${userId}`, SK: 'PROFILE' }),
  accountPartition: (userId: string) => `ACCOUNT#${userId}`,
  holders: (unitId: string, role: string) => `DIR#${unitId}#${role}`,
  unitAccounts: (unitId: string) => `ACCOUNTS#${unitId}`,
  email: (email: string) => ({ PK: `EMAIL#${email.toLowerCase()}`, SK: 'ACCOUNT' }),
  eventPrefix: 'EVT#',
  deliveryPrefix: 'DLV#',
  /** The daily digest of one day, noted once sent (account partition). */
  digest: (userId: string, day: string) => ({ PK: `ACCOUNT#${userId}`, SK: `DIGEST#${day}` }),
};
