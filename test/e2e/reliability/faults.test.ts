import { HAPPY_PATH } from '../support/happy-path';
import { type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process';
import { setRemoteFaults } from '../support/fault-control';
import {
  actorOf,
  nominationFor,
  type RawResponse,
  roleTokens,
  send,
  sleep,
  stepAt,
} from './support';

jest.setTimeout(150_000);

/**
 * DynamoDB misbehaves under a walk: throttling errors (ProvisionedThroughputExceededException and
 * ThrottlingException, 10 % of requests, seeded) all along, and DynamoDB unreachable for 5 s in
 * the middle (lib/local/fault-proxy.ts between the functions and DynamoDB Local). The SDK retries
 * with backoff; what still fails reaches the caller as 503 SERVICE_UNAVAILABLE with Retry-After,
 * never a 500; the client retries with the same key; no transition is lost or applied twice.
 */
const CANDIDATES = 8;
const CONCURRENCY = 4;
const SEED = 7;

let runtime: RuntimeProcess;
let tokens: Record<string, string>;
const answers: RawResponse[] = [];

beforeAll(async () => {
  runtime = await startRuntimeProcess({ faultProxy: true });
  tokens = await roleTokens(runtime);
});
afterAll(() => runtime?.stop());

async function call(method: string, path: string, options: Parameters<typeof send>[3]) {
  const r = await send(runtime.url, method, path, options);
  answers.push(r);
  return r;
}

async function walk(index: number): Promise<string> {
  const deadline = Date.now() + 90_000;
  let id: string | undefined;
  while (Date.now() < deadline) {
    if (!id) {
      const r = await call('POST', '/candidates', {
        token: tokens['cell-officer'],
        key: `faults-nominate-${index}`,
        body: nominationFor(`Người Chịu Lỗi ${index}`),
      });
      if (r.status === 201) id = r.body.id as string;
      else await sleep(r.status === 503 ? 300 : 100);
      continue;
    }
    const got = await call('GET', `/candidates/${id}`, { token: tokens['cell-officer'] });
    if (got.status !== 200 || got.body.status === 'PROCESSING') {
      await sleep(100);
      continue;
    }
    if (got.body.stage === 'ADMITTED') return id;
    const step = stepAt(got.body.stage)!;
    const r = await call('POST', `/candidates/${id}/actions`, {
      token: tokens[actorOf(step.stage, step.action)],
      key: `faults-${id}-${got.body.version}`,
      body: { action: step.action, expectedVersion: got.body.version, payload: step.payload },
    });
    if (r.status !== 202) await sleep(r.status === 503 ? 300 : 100);
  }
  throw new Error(`candidate ${index} (${id}) not admitted in time`);
}

describe('DynamoDB throttled, then unreachable for 5 s, during a walk', () => {
  it('answers 503 where the caller must retry, and loses or duplicates nothing', async () => {
    await setRemoteFaults(runtime.faultProxyUrl!, {
      throttleRate: 0.1,
      seed: SEED,
      resetStats: true,
    });
    let next = 0;
    const ids: string[] = [];
    const walkers = Array.from({ length: CONCURRENCY }, async () => {
      while (next < CANDIDATES) ids.push(await walk(next++));
    });
    const outage = (async () => {
      await sleep(3_000);
      await setRemoteFaults(runtime.faultProxyUrl!, { down: true });
      await sleep(5_000);
      await setRemoteFaults(runtime.faultProxyUrl!, { down: false });
    })();
    await Promise.all([...walkers, outage]);
    const { stats } = await setRemoteFaults(runtime.faultProxyUrl!, { throttleRate: 0 });
    expect(stats.throttled).toBeGreaterThan(5);
    expect(stats.cut).toBeGreaterThan(0);

    // Every failure a caller saw is a clear, retryable 503 in the error shape.
    const failures = answers.filter((a) => a.status >= 500);
    for (const failure of failures) {
      expect({ status: failure.status, code: failure.body?.code }).toEqual({
        status: 503,
        code: 'SERVICE_UNAVAILABLE',
      });
      expect(failure.headers.get('retry-after')).toBeTruthy();
    }
    console.log(
      `faults: ${answers.length} requests, ${failures.length} × 503, ${stats.throttled} throttled, ${stats.cut} cut`,
    );

    // No lost or duplicated transition.
    expect(ids).toHaveLength(CANDIDATES);
    for (const id of ids) {
      const got = await send(runtime.url, 'GET', `/candidates/${id}`, {
        token: tokens['cell-officer'],
      });
      const history = got.body.history as {
        seq: number;
        fromStage?: string;
        submissionId?: string;
      }[];
      expect(got.body.stage).toBe('ADMITTED');
      expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(history.slice(1).map((e) => e.fromStage)).toEqual(HAPPY_PATH.map((s) => s.stage));
      expect(new Set(history.map((e) => e.submissionId)).size).toBe(history.length);
    }
  });
});
