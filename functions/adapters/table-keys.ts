import { createHash } from 'node:crypto';
import { type Candidate, isInFlight } from '../domain/candidate';
import { PROBATION, type StageId } from '../domain/pipeline';
import { searchKeyOf } from '../domain/search-key';

import { type HistoryEvent } from '../domain/history-event';
import { vietnamMonthOf } from '../domain/quota/counter-keys';

export { vietnamMonthOf };

/**
 * Key layout of the single table (docs/architecture.md, "Table design"). Work queues over a
 * subtree read the queue entries (`QUEUE#<unit>#<stage>`, queue-entries.ts); the audit export
 * reads GSI3 (auditKeys below).
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
  /** One open admission file per person, found by the keyed fingerprint of the ID number. */
  person: (fingerprint: string) => ({ PK: `PERSON#${fingerprint}`, SK: 'OPEN_FILE' }),
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

export const INDEX = { audit: 'GSI3', unitAudit: 'UnitAudit', inFlight: 'InFlight' } as const;

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

/**
 * The audit index (GSI3, docs/architecture.md "Table design"): one partition per top-level
 * committee and month (Vietnam time); the sort key starts with the unit path of the event's
 * candidate when it happened, so a unit's subtree is one key range: its own events
 * (`<path>/|<instant>…`, by time) and its descendants' (`<path>/<child>/…`). Unit ids are
 * a-z, 0-9 and `-`, all sorting before `{` and `|`.
 */
export const auditKeys = {
  partition: (unitPath: readonly string[], month: string) => `AUDIT#${unitPath[0]}#${month}`,
  sort: (unitPath: readonly string[], at: string, candidateId: string, seq: number) =>
    `${unitPath.join('/')}/|${at}#${candidateId}#${String(seq).padStart(10, '0')}`,
  /** The unit's own events between two instants (ISO, UTC). */
  own: (unitPath: readonly string[], from: string, to: string): readonly [string, string] => [
    `${unitPath.join('/')}/|${from}`,
    `${unitPath.join('/')}/|${to}\uffff`,
  ],
  /** Every event of the units below it. */
  below: (unitPath: readonly string[]): readonly [string, string] => [
    `${unitPath.join('/')}/`,
    `${unitPath.join('/')}/{`,
  ],
  /** A key written before the path was in the sort key (`AUDIT#<month>`; audit:backfill). */
  isLegacyPartition: (partition: string) => /^AUDIT#\d{4}-\d{2}$/.test(partition),
};

/**
 * The unit audit index (docs/architecture.md, "Table design"): one partition per unit, holding
 * the events of the candidates that were in that unit when they happened, sorted by instant
 * (the event's own `at`). A unit's own events over any period are one key range of one partition,
 * so a cell's year is one Query, whatever the unit's path did meanwhile.
 */
export const UNIT_AUDIT_KEY = { unit: 'auditUnit', at: 'at' } as const;

/**
 * What the unit audit index copies besides its keys and the table's (`PK`, `SK`): every attribute
 * the export returns, and nothing else (not the subtree index's `GSI3PK`/`GSI3SK` nor `entity`),
 * so a read costs about the bytes it returns. The list is exhaustive over the event's type: an
 * attribute added to HistoryEvent fails to compile until it is added here, and since a GSI's
 * projection cannot change in place, adding it means a new index (docs/architecture.md).
 */
export const UNIT_AUDIT_PROJECTION = [
  'candidateId',
  'seq',
  'type',
  'fromStage',
  'toStage',
  'action',
  'outcome',
  'payload',
  'policyVersion',
  'findings',
  'idempotencyKey',
  'submissionId',
  'actor',
  'imported',
  'notice',
  'unitPath',
] as const satisfies readonly (keyof AuditEventItem)[];

type AuditEventItem = HistoryEvent & { unitPath: string[] };
type Unprojected = Exclude<
  keyof AuditEventItem,
  (typeof UNIT_AUDIT_PROJECTION)[number] | typeof UNIT_AUDIT_KEY.at
>;
/** Compiles only while every attribute of an event is projected (or is the index's sort key). */
const everyAttributeProjected: [Unprojected] extends [never] ? true : Unprojected = true;
void everyAttributeProjected;

/** A history event (or deadline notice) as stored, with its keys in both audit indexes. */
export function historyEventItem(
  event: HistoryEvent,
  unitPath: string[],
  key: { PK: string; SK: string },
): Record<string, unknown> {
  return {
    ...key,
    entity: 'EVENT',
    ...event,
    unitPath,
    GSI3PK: auditKeys.partition(unitPath, vietnamMonthOf(event.at)),
    GSI3SK: auditKeys.sort(unitPath, event.at, event.candidateId, event.seq),
    [UNIT_AUDIT_KEY.unit]: unitPath[unitPath.length - 1],
  };
}

export function candidateItem(candidate: Candidate): Record<string, unknown> {
  return {
    ...keys.candidate(candidate.id),
    entity: 'CANDIDATE',
    ...candidate,
    // Recomputed on every write of the item, so a corrected name is found by its new spelling.
    searchKey: searchKeyOf(candidate.fullName),
    // Written with every stage change (the same Put), removed with the file's last one.
    ...inFlightIndexKeys(candidate),
  };
}

/**
 * Stripped from every item read. GSI1PK/SK and GSI2PK/SK are no longer written, but items written
 * before still carry them until their next write: plain attributes once the indexes are gone,
 * harmless and never shown.
 */
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
  UNIT_AUDIT_KEY.unit,
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
