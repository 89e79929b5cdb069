import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process';
import { actorOf, nominationFor, roleTokens, scanAll, send, sleep, stepAt } from './support';
import { searchKeyOf } from '../../../functions/domain/search-key';
import { moveClock } from '../support/clock';

jest.setTimeout(300_000);

/**
 * 100 candidates walked at concurrency 16 while the runtime is SIGKILLed three times at seeded
 * random moments and restarted on the same data dir. The client behaves like a real one: each
 * command carries a key derived from (candidate, stage, version), so a command cut by a crash is
 * retried with the same key. The result is compared with an uninterrupted walk of one candidate
 * with the same inputs, made first: every crashed candidate's item and history must equal it
 * (ignoring ids, names, timestamps and generation counters), and the counters must have moved by
 * exactly 100 times what the uninterrupted walk moved them.
 */
const CANDIDATES = 100;
const CONCURRENCY = 16;
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let dataDir: string;
let runtime: RuntimeProcess | undefined;
let tokens: Record<string, string>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'admission-crash-rel-'));
  runtime = await startRuntimeProcess({ dataDir });
  tokens = await roleTokens(runtime);
});
afterAll(async () => {
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const personOf = (index: number) => {
  return nominationFor(`Ứng Viên Số ${index}`) as { fullName: string; nationalId: string };
};

const nominationKey = (index: number) => `crash-nominate-${SEED}-${index}`;

/** Walks one candidate to ADMITTED through crashes; `url()` is the current runtime's URL. */
async function walkThroughCrashes(url: () => string, index: number): Promise<string> {
  const deadline = Date.now() + 150_000;
  let id: string | undefined;
  while (Date.now() < deadline) {
    try {
      if (!id) {
        const r = await send(url(), 'POST', '/candidates', {
          token: tokens['cell-officer'],
          key: nominationKey(index),
          body: personOf(index),
        });
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
        key: `crash-${id}-${step.stage}-${got.body.version}`,
        body: { action: step.action, expectedVersion: got.body.version, payload: step.payload },
      });
      if (r.status !== 202 && r.status !== 409 && r.status !== 503) {
        throw new Error(`${id} ${step.action}: ${r.status} ${r.text}`);
      }
      if (r.status !== 202) await sleep(100);
    } catch (error) {
      if (
        (error as Error).message.startsWith('fetch failed') ||
        (error as Error).name === 'TypeError'
      ) {
        await sleep(200); // the runtime is down: wait for the restart
        continue;
      }
      throw error;
    }
  }
  throw new Error(`candidate ${index} (${id}) was not admitted in time`);
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
        // action arrived before its (resumed) execution parked is delivered without one.
        .filter(
          ([key]) =>
            !/generation|taskToken|executionArn|nationalId|fingerprint|^notified$/i.test(key),
        )
        .map(([key, v]) => [key, normalize(v, own)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  }
  return value;
}

function candidateRecords(items: Record<string, unknown>[], id: string, index: number) {
  const own = { id, name: personOf(index).fullName, nominationKey: nominationKey(index) };
  return items
    .filter((item) => String(item.PK) === `CAND#${id}`)
    .sort((a, b) => String(a.SK).localeCompare(String(b.SK)))
    .map((item) => normalize(item, own));
}

/** COUNTER and GAUGE items: key → count. */
/**
 * The walk's ceremony date lies over a year back, so probation is already over and each member's
 * wake-up is scheduled two minutes after admission: moving the business clock past it starts
 * every recognition at once, and the comparison waits until each member is parked there.
 */
async function wakeAfterProbation(url: () => string, ids: string[]): Promise<void> {
  await moveClock(runtime!, { advanceMs: 3 * 60_000 });
  for (const id of ids) {
    for (let attempt = 0; ; attempt++) {
      const got = await send(url(), 'GET', `/candidates/${id}`, { token: tokens['cell-officer'] });
      if (got.body.stage === 'RECOGNITION_CELL_REVIEW' && got.body.status === 'AWAITING_ACTION') {
        break;
      }
      if (attempt > 300) throw new Error(`${id} was not woken after probation: ${got.text}`);
      await sleep(100);
    }
  }
}

function counters(items: Record<string, unknown>[]): Map<string, number> {
  return new Map(
    items
      .filter((i) => i.entity === 'COUNTER' || i.entity === 'GAUGE')
      .map((i) => [`${i.PK}|${i.SK}`, Number(i.count ?? 0)]),
  );
}

describe('SIGKILL three times during a walk of 100 candidates', () => {
  it('ends exactly like an uninterrupted walk of the same inputs', async () => {
    console.log(`crash test seed ${SEED} (rerun with CRASH_SEED=${SEED})`);
    const random = seededRandom(SEED);
    const url = () => runtime!.url;

    // The reference: candidate 0 walked without interruption.
    const countersBefore = counters(await scanAll(runtime!));
    const referenceId = await walkThroughCrashes(url, 0);
    await wakeAfterProbation(url, [referenceId]);
    const afterReference = await scanAll(runtime!);
    const reference = candidateRecords(afterReference, referenceId, 0);
    const countersReference = counters(afterReference);
    expect(reference.length).toBe(12); // the item, ten history events and the end of probation

    // The crashed walk: candidates 1..100, three kills at seeded moments.
    let next = 1;
    const ids = new Map<number, string>();
    const walkers = Array.from({ length: CONCURRENCY }, async () => {
      while (next <= CANDIDATES) {
        const index = next++;
        ids.set(index, await walkThroughCrashes(url, index));
      }
    });
    const killer = (async () => {
      for (let kill = 1; kill <= 3; kill++) {
        const wait = 2_000 + Math.floor(random() * 6_000);
        await sleep(wait);
        console.log(`kill ${kill} after ${wait} ms`);
        await runtime!.kill();
        runtime = await startRuntimeProcess({ dataDir });
      }
    })();
    await Promise.all([...walkers, killer]);
    await wakeAfterProbation(url, [...ids.values()]);

    const items = await scanAll(runtime!);
    for (const [index, id] of ids) {
      expect({ index, records: candidateRecords(items, id, index) }).toEqual({
        index,
        records: reference,
      });
    }
    // Counters: the crashed walk moved every counter by 100 × the reference's delta.
    const after = counters(items);
    const keys = new Set([...after.keys(), ...countersReference.keys(), ...countersBefore.keys()]);
    for (const key of keys) {
      const one = (countersReference.get(key) ?? 0) - (countersBefore.get(key) ?? 0);
      const all = (after.get(key) ?? 0) - (countersBefore.get(key) ?? 0);
      expect({ key, count: all }).toEqual({ key, count: one * (CANDIDATES + 1) });
    }
  });
});
