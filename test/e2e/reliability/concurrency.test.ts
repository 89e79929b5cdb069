import { randomUUID } from 'node:crypto';
import { HAPPY_PATH } from '../support/happy-path';
import { type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process';
import { nominationFor, roleTokens, send, settledAt } from './support';

jest.setTimeout(90_000);

let runtime: RuntimeProcess;
let tokens: Record<string, string>;

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  tokens = await roleTokens(runtime);
});
afterAll(() => runtime?.stop());

describe('50 officers act on the same pending step at once', () => {
  it('applies exactly one; the 49 others get 409 with the current version', async () => {
    const nominated = await send(runtime.url, 'POST', '/candidates', {
      token: tokens['cell-officer'],
      key: randomUUID(),
      body: nominationFor('Đặng Thị Tranh Chấp'),
    });
    expect(nominated.status).toBe(201);
    const id = nominated.body.id as string;
    const parked = await settledAt(() => runtime.url, tokens['cell-officer'], id, 'NOMINATED');
    const step = HAPPY_PATH[0];

    // Different keys, the same expectedVersion, and (for half of them) a different payload.
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send(runtime.url, 'POST', `/candidates/${id}/actions`, {
          token: tokens['cell-officer'],
          key: randomUUID(),
          body: {
            action: step.action,
            expectedVersion: parked.version,
            payload:
              i % 2
                ? step.payload
                : { ...(step.payload as Record<string, unknown>), helperMemberName: `Người ${i}` },
          },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body).toMatchObject({
        code: expect.any(String),
        message_en: expect.any(String),
      });
      expect(refused.body.details?.currentVersion).toEqual(expect.any(Number));
    }

    const next = await settledAt(() => runtime.url, tokens['cell-officer'], id, 'AWARENESS_CLASS');
    const fromNominated = (next.history as { fromStage?: string }[]).filter(
      (e) => e.fromStage === 'NOMINATED',
    );
    expect(fromNominated).toHaveLength(1);
    expect(next.version).toBe(parked.version + 1);
  });
});
