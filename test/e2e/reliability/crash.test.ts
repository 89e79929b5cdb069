import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process';
import { roleTokens, scanAll, sleep } from './support';
import {
  candidateRecords,
  counters,
  expectCountersScaled,
  wakeAfterProbation,
  type Walk,
  walkToAdmitted,
} from './walk';

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

const nominationKey = (index: number) => `crash-nominate-${SEED}-${index}`;

describe('SIGKILL three times during a walk of 100 candidates', () => {
  it('ends exactly like an uninterrupted walk of the same inputs', async () => {
    console.log(`crash test seed ${SEED} (rerun with CRASH_SEED=${SEED})`);
    const random = seededRandom(SEED);
    const url = () => runtime!.url;
    const walk: Walk = { url, tokens, nominationKey, throughOutages: true };

    // The reference: candidate 0 walked without interruption.
    const countersBefore = counters(await scanAll(runtime!));
    const referenceId = await walkToAdmitted(walk, 0);
    await wakeAfterProbation(runtime!, tokens, [referenceId]);
    const afterReference = await scanAll(runtime!);
    const reference = candidateRecords(walk, afterReference, referenceId, 0);
    const countersReference = counters(afterReference);
    expect(reference.length).toBe(12); // the item, ten history events and the end of probation

    // The crashed walk: candidates 1..100, three kills at seeded moments.
    let next = 1;
    const ids = new Map<number, string>();
    const walkers = Array.from({ length: CONCURRENCY }, async () => {
      while (next <= CANDIDATES) {
        const index = next++;
        ids.set(index, await walkToAdmitted(walk, index));
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
    await wakeAfterProbation(runtime!, tokens, [...ids.values()]);

    const items = await scanAll(runtime!);
    for (const [index, id] of ids) {
      expect({ index, records: candidateRecords(walk, items, id, index) }).toEqual({
        index,
        records: reference,
      });
    }
    // Counters: the crashed walk moved every counter by 100 × the reference's delta.
    expectCountersScaled(
      countersBefore,
      countersReference,
      counters(items),
      CANDIDATES + 1,
      expect,
    );
  });
});
