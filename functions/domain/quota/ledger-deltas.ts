import { isDeadlineNotice, type HistoryEvent } from '../history-event';
import { type HumanStageId, isHumanStage, type StageId } from '../pipeline';
import { type CounterDelta, countersEarnedBy, reversalOf, vietnamMonthOf } from './counter-keys';
import { ledgerUnitsOf } from './ledger-depth';

/**
 * What one committed history event changes in the quota ledger's derived items, as pure data:
 * the store adds these `Update`s to the very transaction that writes the event, and the recount
 * (`recount.ts`) replays them from history — one function, so the two cannot disagree by design,
 * only by a lost or doubled write.
 *
 * **Event date per metric** (the month a figure is counted in, Vietnam time):
 *
 * | metric      | transition                    | counted on                                   |
 * | ----------- | ----------------------------- | -------------------------------------------- |
 * | `NOMINATED` | nomination                    | the instant it was recorded (`at`, UTC+7)    |
 * | `TRAINED`   | AWARENESS_CLASS → APPLICATION | the certificate's `issuedOn` (CN-NTVĐ)       |
 * | `ADMITTED`  | CEREMONY → ADMITTED           | the `ceremonyDate`: membership starts there  |
 * | `OFFICIAL`  | * → OFFICIAL                  | `recognisedOn`, else the `decisionDate`, else `at` |
 *
 * A payload date that is missing or malformed falls back to `at`. A correction reverses the
 * original counters in the month they were counted in (`reverses.eventDate`), never in the
 * month of the correction, so a revoked June admission lowers June.
 */

/** What a `REVOKE_ADMISSION` correction records so that it can be replayed. */
export interface ReversedTransition {
  fromStage: StageId | null;
  toStage: StageId;
  /** The event date the original transition was counted on. */
  eventDate: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function payloadDate(payload: unknown, field: string): string | undefined {
  const value = (payload as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && DATE_ONLY.test(value) ? value : undefined;
}

/** The date a transition's counters are counted on (see the table above). */
export function counterEventDate(
  event: Pick<HistoryEvent, 'fromStage' | 'toStage' | 'payload' | 'at'>,
): string {
  if (event.fromStage === 'CEREMONY' && event.toStage === 'ADMITTED') {
    return payloadDate(event.payload, 'ceremonyDate') ?? event.at;
  }
  if (event.fromStage === 'AWARENESS_CLASS' && event.toStage === 'APPLICATION') {
    return payloadDate(event.payload, 'issuedOn') ?? event.at;
  }
  if ((event.toStage as string) === 'OFFICIAL') {
    return (
      payloadDate(event.payload, 'recognisedOn') ??
      payloadDate(event.payload, 'decisionDate') ??
      event.at
    );
  }
  return event.at;
}

/** The transition a correction event reverses, if it is one. */
function reversedBy(event: HistoryEvent): ReversedTransition | undefined {
  if (event.type !== 'CORRECTION') return undefined;
  const reverses = (event.payload as { reverses?: ReversedTransition } | undefined)?.reverses;
  return reverses && typeof reverses.toStage === 'string' ? reverses : undefined;
}

/** The counter deltas of one history event for a candidate whose unit path is `unitPath`. */
export function counterDeltasOfEvent(
  event: HistoryEvent,
  unitPath: readonly string[],
): CounterDelta[] {
  if (isDeadlineNotice(event)) return [];
  if (event.type === 'CORRECTION') {
    const reverses = reversedBy(event);
    return reverses
      ? reversalOf(reverses.fromStage, reverses.toStage, reverses.eventDate, unitPath)
      : [];
  }
  return countersEarnedBy(
    event.fromStage ?? null,
    event.toStage,
    counterEventDate(event),
    unitPath,
  );
}

/**
 * Stage gauges: how many candidates sit at each human stage, per unit and ancestor that keeps a
 * ledger (`ledgerUnitsOf`), bucketed by
 * the month (Vietnam time) they entered the stage. +1 entering a stage, −1 leaving it (in the
 * bucket it was entered in), in the transaction of the transition; the store keeps each stage's
 * running total beside the buckets. The month bucket is what makes "overdue" countable without
 * reading candidates, and the total what spares a report the buckets older than the allowances
 * (see `funnel.ts`): its reads never grow with candidates or with the ledger's age.
 */
export interface GaugeDelta {
  unitId: string;
  stage: HumanStageId;
  /** `YYYY-MM` the candidate entered the stage, Vietnam time. */
  month: string;
  delta: number;
}

export interface StagePosition {
  stage: StageId;
  stageEnteredAt: string;
}

/**
 * The gauge changes of a candidate moving from `before` (absent for a nomination) to `after`.
 * Deltas on the same item are merged and zero deltas dropped (a failed class re-entering
 * AWARENESS_CLASS in the month it entered it changes nothing): a transaction may not touch
 * one item twice.
 */
export function gaugeDeltas(
  before: StagePosition | undefined,
  after: StagePosition | undefined,
  unitPath: readonly string[],
): GaugeDelta[] {
  const raw: GaugeDelta[] = [];
  const units = ledgerUnitsOf(unitPath);
  const add = (position: StagePosition | undefined, delta: number) => {
    if (!position || !isHumanStage(position.stage)) return;
    const month = vietnamMonthOf(position.stageEnteredAt);
    for (const unitId of units) raw.push({ unitId, stage: position.stage, month, delta });
  };
  add(before, -1);
  add(after, +1);
  const merged = new Map<string, GaugeDelta>();
  for (const d of raw) {
    const key = `${d.unitId}|${d.stage}|${d.month}`;
    const existing = merged.get(key);
    merged.set(key, existing ? { ...existing, delta: existing.delta + d.delta } : d);
  }
  return [...merged.values()].filter((d) => d.delta !== 0);
}
