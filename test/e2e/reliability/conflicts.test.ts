import { randomUUID } from 'node:crypto';
import { setRemoteFaults } from '../support/fault-control';
import { HAPPY_PATH } from '../support/happy-path';
import { type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process';
import { nominationFor, roleTokens, scanAll, send, settledAt, sleep } from './support';
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
 * DynamoDB's transaction conflicts, emulated by the local runtime's proxy
 * (lib/local/transaction-conflicts.ts): concurrent transitions sharing counter shards collide as
 * they do on AWS, each write transaction holding its items at most the default 30 ms.
 */
const CONCURRENCY = 32;

let runtime: RuntimeProcess;
let tokens: Record<string, string>;

beforeAll(async () => {
  runtime = await startRuntimeProcess({ conflicts: {} });
  tokens = await roleTokens(runtime);
});
afterAll(() => runtime?.stop());

const proxy = (control: Parameters<typeof setRemoteFaults>[1] = {}) =>
  setRemoteFaults(runtime.faultProxyUrl!, control);

describe(`${CONCURRENCY} candidates walked at once with transaction conflicts on`, () => {
  it('answers no 5xx, ends each like an unconflicted walk, and retried the conflicts', async () => {
    const nominationKey = (index: number) => `conflicts-nominate-${index}`;
    const serverErrors: string[] = [];
    const walk: Walk = {
      url: () => runtime.url,
      tokens,
      nominationKey,
      onAnswer: (status, what, text) => {
        if (status >= 500) serverErrors.push(`${what}: ${status} ${text}`);
      },
    };

    // The reference: candidate 0 alone, with the emulation off.
    await proxy({ conflicts: false });
    const countersBefore = counters(await scanAll(runtime));
    const referenceId = await walkToAdmitted(walk, 0);
    await wakeAfterProbation(runtime, tokens, [referenceId]);
    const afterReference = await scanAll(runtime);
    const reference = candidateRecords(walk, afterReference, referenceId, 0);
    const countersReference = counters(afterReference);
    expect(reference.length).toBe(12); // the item, ten history events and the end of probation

    await proxy({ conflicts: true, resetStats: true });
    const started = Date.now();
    // Settled, not raced: a failed walk must not leave the others loading the next test.
    const walks = await Promise.allSettled(
      Array.from({ length: CONCURRENCY }, (_, i) => walkToAdmitted(walk, i + 1)),
    );
    const failed = walks.filter((w): w is PromiseRejectedResult => w.status === 'rejected');
    expect(failed.map((w) => String(w.reason))).toEqual([]);
    const ids = walks.map((w) => (w as PromiseFulfilledResult<string>).value);
    // Every recognition starts at once: the workflow functions meet the conflicts too.
    await wakeAfterProbation(runtime, tokens, ids);
    const { stats } = await proxy();
    console.log(
      `${CONCURRENCY} walks in ${Date.now() - started} ms; conflicts: ` +
        `${stats.conflicts.transactionsCanceled} transactions cancelled, ` +
        `${stats.conflicts.writesRefused} single writes refused, ` +
        `${stats.conflicts.retried} retried`,
    );

    if (serverErrors.length > 0) {
      // What the functions said about it (warnings and errors carry the error's name).
      console.log(
        runtime
          .output()
          .split('\n')
          .filter((line) => /"level":"(WARN|ERROR)"/.test(line))
          .join('\n'),
      );
    }
    expect(serverErrors).toEqual([]);
    const items = await scanAll(runtime);
    ids.forEach((id, i) => {
      expect({ index: i + 1, records: candidateRecords(walk, items, id, i + 1) }).toEqual({
        index: i + 1,
        records: reference,
      });
    });
    expectCountersScaled(
      countersBefore,
      countersReference,
      counters(items),
      CONCURRENCY + 1,
      expect,
    );
    // The emulation provably did something, and every conflict was retried, none surfaced. The
    // ledger is sharded (docs/architecture.md, "Sharded ledger items"), so the conflicts left are
    // few: candidates sharing a shard, and a candidate's own item between workflow and API.
    expect(stats.conflicts.transactionsCanceled + stats.conflicts.writesRefused).toBeGreaterThan(0);
    expect(stats.conflicts.retried).toBeGreaterThan(0);
  });
});

describe('contention that outlasts the retries', () => {
  const step = HAPPY_PATH[0];
  const metaKey = (id: string) => ({ PK: { S: `CAND#${id}` }, SK: { S: 'META' } });

  async function nominated(name: string) {
    const r = await send(runtime.url, 'POST', '/candidates', {
      token: tokens['cell-officer'],
      key: randomUUID(),
      body: nominationFor(name),
    });
    expect(r.status).toBe(201);
    return settledAt(() => runtime.url, tokens['cell-officer'], r.body.id, 'NOMINATED');
  }

  it('answers 503 CONTENTION with Retry-After, and the same request completes later', async () => {
    const [alone, a, b, c] = await Promise.all(
      ['Tranh Chấp Một', 'Tranh Chấp Hai', 'Tranh Chấp Ba', 'Tranh Chấp Bốn'].map((name) =>
        nominated(`Đỗ Văn ${name}`),
      ),
    );
    await proxy({
      conflicts: true,
      hold: { table: runtime.tableName, keys: [metaKey(alone.id), metaKey(b.id)] },
    });
    const action = (candidate: { version: number }) => ({
      action: step.action,
      expectedVersion: candidate.version,
      payload: step.payload,
    });

    // One action: nothing written, the error shape with Retry-After.
    const singleKey = randomUUID();
    const refused = await send(runtime.url, 'POST', `/candidates/${alone.id}/actions`, {
      token: tokens['cell-officer'],
      key: singleKey,
      body: action(alone),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toEqual({
      code: 'CONTENTION',
      message: expect.stringContaining('Idempotency-Key'),
      message_en: expect.stringContaining('nothing was written'),
      details: { retryAfterSeconds: 1 },
    });

    // A bulk request: the held candidate is refused alone; the others are applied.
    const bulkKey = randomUUID();
    const bulkBody = { items: [a, b, c].map((x) => ({ candidateId: x.id, ...action(x) })) };
    const bulk = await send(runtime.url, 'POST', '/candidates/bulk-actions', {
      token: tokens['cell-officer'],
      key: bulkKey,
      body: bulkBody,
    });
    expect(bulk.status).toBe(200);
    expect(bulk.headers.get('retry-after')).toBe('1');
    expect(bulk.body.results.map((r: { status: string }) => r.status)).toEqual([
      'APPLIED',
      'REFUSED',
      'APPLIED',
    ]);
    expect(bulk.body.results[1]).toMatchObject({
      candidateId: b.id,
      httpStatus: 503,
      error: { code: 'CONTENTION', details: { retryAfterSeconds: 1 } },
    });
    const untouched = await send(runtime.url, 'GET', `/candidates/${b.id}`, {
      token: tokens['cell-officer'],
    });
    expect(untouched.body).toMatchObject({ stage: 'NOMINATED', version: b.version });

    // The contention passes: the same requests, with the same keys, complete.
    await proxy({ releaseHeld: true });
    // As a client does: a 503 is retried after its Retry-After (the released items can still be
    // busy for a moment with the transitions the first answers started), a few times at most.
    const honouringRetryAfter = async (request: () => ReturnType<typeof send>) => {
      for (let attempt = 1; ; attempt++) {
        const answer = await request();
        if (answer.status !== 503 || attempt === 5) return answer;
        await sleep(1000 * Number(answer.headers.get('retry-after') ?? 1));
      }
    };
    const replayed = await honouringRetryAfter(() =>
      send(runtime.url, 'POST', `/candidates/${alone.id}/actions`, {
        token: tokens['cell-officer'],
        key: singleKey,
        body: action(alone),
      }),
    );
    expect(replayed.status).toBe(202);
    const bulkAgain = await honouringRetryAfter(() =>
      send(runtime.url, 'POST', '/candidates/bulk-actions', {
        token: tokens['cell-officer'],
        key: bulkKey,
        body: bulkBody,
      }),
    );
    expect(bulkAgain.status).toBe(200);
    expect(bulkAgain.body.summary).toMatchObject({ total: 3, applied: 3, refused: 0 });
    for (const x of [alone, a, b, c]) {
      const next = await settledAt(
        () => runtime.url,
        tokens['cell-officer'],
        x.id,
        'AWARENESS_CLASS',
      );
      expect(
        (next.history as { fromStage?: string }[]).filter((e) => e.fromStage === 'NOMINATED'),
      ).toHaveLength(1);
    }
  });
});
