import { randomUUID } from 'node:crypto';
import { HAPPY_PATH } from '../support/happy-path';
import { type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process';
import { nominationFor, type RawResponse, roleTokens, send, settledAt, sleep } from './support';

jest.setTimeout(90_000);

let runtime: RuntimeProcess;
let tokens: Record<string, string>;

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  tokens = await roleTokens(runtime);
});
afterAll(() => runtime?.stop());

/** Replays until the answer is not "still in progress" (a replay that overlapped the first). */
async function replay(path: string, key: string, body: unknown): Promise<RawResponse> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const r = await send(runtime.url, 'POST', path, { token: tokens['cell-officer'], key, body });
    if (r.body?.code !== 'REQUEST_IN_PROGRESS') return r;
    await sleep(100);
  }
  throw new Error('still in progress after 100 attempts');
}

const comparable = (r: RawResponse) => ({ status: r.status, body: r.body });

describe('one write replayed 100 times with one Idempotency-Key', () => {
  it('has one effect and 100 identical answers; another body under the key is refused', async () => {
    const nomination = nominationFor('Phan Văn Lặp Lại');
    const nominationKey = randomUUID();
    const nominations = await Promise.all(
      Array.from({ length: 100 }, () => replay('/candidates', nominationKey, nomination)),
    );
    expect(nominations[0].status).toBe(201);
    for (const r of nominations) expect(comparable(r)).toEqual(comparable(nominations[0]));
    const id = nominations[0].body.id as string;

    const parked = await settledAt(() => runtime.url, tokens['cell-officer'], id, 'NOMINATED');
    const step = HAPPY_PATH[0];
    const body = { action: step.action, expectedVersion: parked.version, payload: step.payload };
    const key = randomUUID();
    const path = `/candidates/${id}/actions`;
    const answers = await Promise.all(Array.from({ length: 100 }, () => replay(path, key, body)));
    expect(answers[0].status).toBe(202);
    for (const r of answers) expect(comparable(r)).toEqual(comparable(answers[0]));

    const next = await settledAt(() => runtime.url, tokens['cell-officer'], id, 'AWARENESS_CLASS');
    expect(next.version).toBe(parked.version + 1);
    expect(next.history).toHaveLength(2);
    // Still the stored answer after the step moved on.
    expect(comparable(await replay(path, key, body))).toEqual(comparable(answers[0]));

    const reused = await replay(path, key, {
      ...body,
      payload: { ...(step.payload as Record<string, unknown>), x: 1 },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const reusedNomination = await replay('/candidates', nominationKey, {
      ...nomination,
      fullName: 'Người khác',
    });
    expect(reusedNomination.status).toBe(422);
    expect(reusedNomination.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // One candidate with that name in the unit.
    const listed = await send(runtime.url, 'GET', '/candidates?unit=dd-xltbd-kythuat&limit=100', {
      token: tokens['cell-officer'],
    });
    expect(listed.status).toBe(200);
    const items = (listed.body.items ?? listed.body.candidates) as { fullName: string }[];
    expect(items.filter((c) => c.fullName === nomination.fullName)).toHaveLength(1);
  });
});
