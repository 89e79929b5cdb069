import { parseLedgerItem } from '../../../functions/adapters/quota-ledger-items';
import { searchKeyOf } from '../../../functions/domain/search-key';
import { moveClock } from '../support/clock';
import type { RuntimeEndpoints } from '../support/runtime-process';
import { actorOf, nominationFor, send, sleep, stepAt } from './support';

/**
 * A client walking candidates to ADMITTED the way a real one does: each command carries a key
 * derived from (candidate, stage, version), so a command cut short (a crash, a 503) is sent again
 * with the same key. Shared by the reliability tests that compare a disturbed walk with an
 * undisturbed one of the same inputs.
 */
export interface Walk {
  /** The current runtime's URL (it changes when a test restarts the runtime). */
  url: () => string;
  tokens: Record<string, string>;
  /** The nomination's Idempotency-Key of candidate `index`. */
  nominationKey: (index: number) => string;
  /** Every answer the walk got (what the test asserts on, e.g. no 5xx). */
  onAnswer?: (status: number, what: string, text: string) => void;
  /** Keep going while the runtime is unreachable (a crash test restarts it). */
  throughOutages?: boolean;
}

const personOf = (index: number) =>
  nominationFor(`Ứng Viên Số ${index}`) as { fullName: string; nationalId: string };

/** Walks candidate `index` to ADMITTED; answers 409 and 503 are retried after a pause. */
export async function walkToAdmitted(walk: Walk, index: number): Promise<string> {
  const { url, tokens } = walk;
  const deadline = Date.now() + 150_000;
  let id: string | undefined;
  while (Date.now() < deadline) {
    try {
      if (!id) {
        const r = await send(url(), 'POST', '/candidates', {
          token: tokens['cell-officer'],
          key: walk.nominationKey(index),
          body: personOf(index),
        });
        walk.onAnswer?.(r.status, 'nominate', r.text);
        if (r.status === 201) id = r.body.id as string;
        else if (r.status === 409 || r.status === 503) await sleep(200);
        else throw new Error(`nominate ${index}: ${r.status} ${r.text}`);
        continue;
      }
      const got = await send(url(), 'GET', `/candidates/${id}`, { token: tokens['cell-officer'] });
      if (got.status !== 200 || got.body.status === 'PROCESSING') {
        await sleep(100);
        continue;
      }
      if (got.body.stage === 'ADMITTED') return id;
      const step = stepAt(got.body.stage);
      if (!step) throw new Error(`${id} left the happy path: ${got.text}`);
      const r = await send(url(), 'POST', `/candidates/${id}/actions`, {
        token: tokens[actorOf(step.stage, step.action)],
        key: `walk-${id}-${step.stage}-${got.body.version}`,
        body: { action: step.action, expectedVersion: got.body.version, payload: step.payload },
      });
      walk.onAnswer?.(r.status, step.action, r.text);
      if (r.status !== 202 && r.status !== 409 && r.status !== 503) {
        throw new Error(`${id} ${step.action}: ${r.status} ${r.text}`);
      }
      if (r.status !== 202) await sleep(100);
    } catch (error) {
      const unreachable =
        (error as Error).message.startsWith('fetch failed') ||
        (error as Error).name === 'TypeError';
      if (walk.throughOutages && unreachable) {
        await sleep(200); // the runtime is down: wait for the restart
        continue;
      }
      throw error;
    }
  }
  throw new Error(`candidate ${index} (${id}) was not admitted in time`);
}

const WAKE_BUDGET_MS = 150_000;

/**
 * The walk's ceremony date lies over a year back, so probation is already over and each member's
 * wake-up is scheduled two minutes after admission: moving the business clock past it starts
 * every recognition at once, and the comparison waits until each member is parked there.
 */
export async function wakeAfterProbation(
  runtime: Pick<RuntimeEndpoints, 'url'>,
  tokens: Record<string, string>,
  ids: string[],
): Promise<void> {
  await moveClock(runtime, { advanceMs: 3 * 60_000 });
  // One budget for all: with conflicts on, a wake-up whose DynamoDB retries ran out is retried by
  // the state machine (up to six times, backing off from 1 s: about a minute in the worst case).
  const deadline = Date.now() + WAKE_BUDGET_MS;
  for (const id of ids) {
    for (;;) {
      const got = await send(runtime.url, 'GET', `/candidates/${id}`, {
        token: tokens['cell-officer'],
      });
      if (got.body.stage === 'RECOGNITION_CELL_REVIEW' && got.body.status === 'AWAITING_ACTION') {
        break;
      }
      if (Date.now() > deadline)
        throw new Error(`${id} was not woken after probation: ${got.text}`);
      await sleep(100);
    }
  }
}

const TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

/** An item without what legitimately differs between two runs of the same inputs. */
function normalize(
  value: unknown,
  own: { id: string; name: string; nominationKey: string },
): unknown {
  const searchKey = searchKeyOf(own.name);
  if (typeof value === 'string') {
    return value
      .replace(TIMESTAMP, '<time>')
      .replace(/-g\d+$/, '-g<generation>')
      .split(own.id)
      .join('<id>')
      .split(own.name)
      .join('<name>')
      .split(searchKey)
      .join('<search-key>')
      .split(own.nominationKey)
      .join('<nomination-key>')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
  }
  if (Array.isArray(value)) return value.map((v) => normalize(v, own));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        // `notified` is bookkeeping of the notifications, not of the procedure: a step whose
        // action arrived before its (resumed) execution parked is delivered without one. The
        // in-flight index shard is a hash of the id (its sort key, the id, is normalised).
        .filter(
          ([key]) =>
            !/generation|taskToken|executionArn|nationalId|fingerprint|^notified$|^inFlightShard$/i.test(
              key,
            ),
        )
        .map(([key, v]) => [key, normalize(v, own)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  }
  return value;
}

/** Candidate `index`'s item and history, normalised for comparison with another candidate's. */
export function candidateRecords(
  walk: Pick<Walk, 'nominationKey'>,
  items: Record<string, unknown>[],
  id: string,
  index: number,
) {
  const own = { id, name: personOf(index).fullName, nominationKey: walk.nominationKey(index) };
  return items
    .filter((item) => String(item.PK) === `CAND#${id}`)
    .sort((a, b) => String(a.SK).localeCompare(String(b.SK)))
    .map((item) => normalize(item, own));
}

/**
 * Every counter, gauge bucket and stage total of the ledger partitions, its shards summed
 * (`<unit>|<month>|<metric or stage>`, `<unit>|total|<stage>`): candidates land in different
 * shards, so only the sums scale with their number.
 */
export function counters(items: Record<string, unknown>[]): Map<string, number> {
  const sums = new Map<string, number>();
  const add = (key: string, count: number) => sums.set(key, (sums.get(key) ?? 0) + count);
  for (const item of items) {
    const parsed = parseLedgerItem(item);
    if (parsed?.kind === 'MONTH') {
      for (const c of parsed.counters) add(`${parsed.unitId}|${parsed.month}|${c.metric}`, c.count);
      for (const g of parsed.gauges) add(`${parsed.unitId}|${parsed.month}|${g.stage}`, g.count);
    } else if (parsed?.kind === 'TOTAL') {
      for (const t of parsed.totals) add(`${parsed.unitId}|total|${t.stage}`, t.count);
    }
  }
  return sums;
}

/** Asserts that `ids` moved every counter by exactly their number × what the reference moved. */
export function expectCountersScaled(
  before: Map<string, number>,
  reference: Map<string, number>,
  after: Map<string, number>,
  walks: number,
  expect: (actual: unknown) => { toEqual(expected: unknown): void },
): void {
  const keys = new Set([...after.keys(), ...reference.keys(), ...before.keys()]);
  for (const key of keys) {
    const one = (reference.get(key) ?? 0) - (before.get(key) ?? 0);
    const all = (after.get(key) ?? 0) - (before.get(key) ?? 0);
    expect({ key, count: all }).toEqual({ key, count: one * walks });
  }
}
