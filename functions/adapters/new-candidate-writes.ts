import { type Candidate } from '../domain/candidate';
import { type HistoryEvent } from '../domain/history-event';
import { counterDeltasOfEvent, gaugeDeltas } from '../domain/quota/ledger-deltas';
import { ledgerTransactUpdates } from './quota-ledger-items';
import { queueEntryWrites } from './queue-entries';
import { candidateItem, historyEventItem, keys } from './table-keys';

/** A history event's conditional put (an event is written once, never overwritten). */
export function eventPut(
  tableName: string,
  event: HistoryEvent,
  unitPath: string[],
  key = keys.event(event.candidateId, event.seq),
) {
  return {
    Put: {
      TableName: tableName,
      Item: historyEventItem(event, unitPath, key),
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/**
 * The writes of a new candidate with its history so far (one nomination event, or an onboarded
 * file's events): the candidate, its events, its person's open file, the counters every event
 * earns and the gauges of where it stands, its work-queue entries. The store commits them as one
 * transaction; the candidate's put comes first and the person's right after the events (the
 * store reads the cancellation reasons by those positions).
 */
export function newCandidateWrites(
  tableName: string,
  candidate: Candidate,
  events: HistoryEvent[],
) {
  return [
    {
      Put: {
        TableName: tableName,
        Item: candidateItem(candidate),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    ...events.map((event) => eventPut(tableName, event, candidate.unitPath)),
    {
      // One open file per person: free, or already this candidate's (a replay), or closed.
      Put: {
        TableName: tableName,
        Item: {
          ...keys.person(candidate.nationalIdFingerprint),
          entity: 'PERSON',
          candidateId: candidate.id,
          unitPath: candidate.unitPath,
          closed: false,
        },
        ConditionExpression: 'attribute_not_exists(PK) OR candidateId = :self OR closed = :closed',
        ExpressionAttributeValues: { ':self': candidate.id, ':closed': true },
      },
    },
    // Quota counters and stage gauges: counted exactly once, with the conditional put, in the
    // candidate's own shard of each item (one update per item, every delta on it merged).
    ...ledgerTransactUpdates(tableName, candidate.id, candidate.unitPath, {
      counters: events.flatMap((e) => counterDeltasOfEvent(e, candidate.unitPath)),
      gauges: gaugeDeltas(undefined, candidate, candidate.unitPath),
    }),
    ...queueEntryWrites(tableName, undefined, candidate),
  ];
}
