import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEMO_NOMINATION, HAPPY_PATH } from '../support/happy-path';
import { demoOfficers } from '../support/officers';
import { type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process';

let dataDir: string;
let runtime: RuntimeProcess | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'admission-crash-'));
});
afterAll(async () => {
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Officers = Awaited<ReturnType<typeof demoOfficers>>;

async function restart(): Promise<Officers> {
  await runtime?.kill();
  runtime = await startRuntimeProcess({ dataDir });
  return demoOfficers(runtime);
}

async function advance(officers: Officers, id: string, step: (typeof HAPPY_PATH)[number]) {
  const parked = await officers.cell.waitForStage(id, step.stage);
  const response = await officers
    .forAction(step.stage, step.action)
    .act(
      id,
      { action: step.action, expectedVersion: parked.version, payload: step.payload },
      randomUUID(),
    );
  expect(response.status).toBe(202);
}

describe('SIGKILL and restart', () => {
  it('continues parked and half-applied candidates with no lost or duplicated history', async () => {
    let officers = await restart();
    let api = officers.cell;
    const parkedId = (await api.nominate({ ...DEMO_NOMINATION, fullName: 'Vũ Thị Lan' })).body
      .id as string;
    const inFlightId = (await api.nominate({ ...DEMO_NOMINATION, fullName: 'Hoàng Văn Nam' })).body
      .id as string;
    for (const step of HAPPY_PATH.slice(0, 5)) await advance(officers, parkedId, step);
    await api.waitForStage(parkedId, 'CELL_RESOLUTION');

    // The second candidate is killed the instant its action is accepted: it may or may not
    // have been applied; after the restart it must be applied exactly once.
    for (const step of HAPPY_PATH.slice(0, 2)) await advance(officers, inFlightId, step);
    const parked = await api.waitForStage(inFlightId, 'APPLICATION');
    const accepted = await api.act(inFlightId, {
      action: HAPPY_PATH[2].action,
      expectedVersion: parked.version,
      payload: HAPPY_PATH[2].payload,
    });
    expect(accepted.status).toBe(202);

    officers = await restart();
    api = officers.cell;
    await api.waitForStage(parkedId, 'CELL_RESOLUTION');
    await api.waitForStage(inFlightId, 'BACKGROUND_CHECK');

    // Kill once more mid-walk, then finish both.
    await advance(officers, parkedId, HAPPY_PATH[5]);
    officers = await restart();
    api = officers.cell;
    for (const step of HAPPY_PATH.slice(6)) await advance(officers, parkedId, step);
    for (const step of HAPPY_PATH.slice(3)) await advance(officers, inFlightId, step);

    for (const id of [parkedId, inFlightId]) {
      const admitted = await api.waitForStage(id, 'ADMITTED');
      expect(admitted.version).toBe(10);
      const history = admitted.history as {
        seq: number;
        fromStage?: string;
        toStage: string;
        submissionId?: string;
      }[];
      expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(history.slice(1).map((e) => e.fromStage)).toEqual(HAPPY_PATH.map((s) => s.stage));
      expect(new Set(history.map((e) => e.submissionId)).size).toBe(history.length);
    }
  });
});
