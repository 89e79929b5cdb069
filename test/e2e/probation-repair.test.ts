import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DeleteScheduleCommand, ListSchedulesCommand } from '@aws-sdk/client-scheduler';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/adapters/table-keys';
import { addDays, addMonths } from '../../functions/domain/rules/calendar-date';
import { vietnamDateOf } from '../../functions/domain/vietnam-time';
import { awsClients } from './support/aws-clients';
import { moveClock, readClock } from './support/clock';
import { DEMO_NOMINATION, HAPPY_PATH } from './support/happy-path';
import { demoOfficers } from './support/officers';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

/**
 * The process dies between the ADMITTED transition and the probation schedule: the item says
 * ADMITTED, no schedule exists and none is recorded. A restart (the resume job) completes it, and
 * the member is still woken at the end of probation.
 */
jest.setTimeout(300_000);

let dataDir: string;
let runtime: RuntimeProcess | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'admission-probation-'));
});
afterAll(async () => {
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function restart() {
  await runtime?.kill();
  runtime = await startRuntimeProcess({ dataDir });
  return demoOfficers(runtime);
}

const probationSchedules = async () => {
  const { Schedules = [] } = await awsClients(runtime!).scheduler.send(
    new ListSchedulesCommand({ NamePrefix: 'probation-' }),
  );
  return Schedules;
};

it('creates a missing probation schedule on restart, and the member is woken on time', async () => {
  let officers = await restart();
  const admittedOn = vietnamDateOf(new Date((await readClock(runtime!)).now));
  const id = (await officers.cell.nominate({ ...DEMO_NOMINATION, fullName: 'Lưu Văn Sống Lại' }))
    .body.id as string;
  for (const step of HAPPY_PATH) {
    const parked = await officers.cell.waitForStage(id, step.stage, 60_000);
    const payload =
      step.action === 'decideAdmission'
        ? { ...(step.payload as object), decisionDate: addDays(admittedOn, -10) }
        : step.action === 'recordCeremony'
          ? { ceremonyDate: admittedOn }
          : step.payload;
    const response = await officers
      .forAction(step.stage, step.action)
      .act(id, { action: step.action, expectedVersion: parked.version, payload });
    expect(response.status).toBe(202);
  }
  await officers.cell.waitForStage(id, 'ADMITTED', 60_000);
  let schedules = await probationSchedules();
  for (let i = 0; i < 100 && schedules.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    schedules = await probationSchedules();
  }
  expect(schedules.map((s) => s.Name)).toEqual([`probation-${id}`]);

  // What a crash right after the ADMITTED commit leaves: no schedule, nothing recorded.
  const { scheduler, documents } = awsClients(runtime!);
  await scheduler.send(
    new DeleteScheduleCommand({ Name: `probation-${id}`, GroupName: schedules[0].GroupName }),
  );
  await documents.send(
    new UpdateCommand({
      TableName: runtime!.tableName,
      Key: keys.candidate(id),
      UpdateExpression: 'REMOVE probationSchedule',
    }),
  );
  expect(await probationSchedules()).toEqual([]);
  expect((await officers.cell.candidate(id)).body.probationSchedule).toBeUndefined();

  officers = await restart();
  const probationEndsOn = addMonths(admittedOn, 12);
  expect((await officers.cell.candidate(id)).body).toMatchObject({
    stage: 'ADMITTED',
    probationSchedule: { name: `probation-${id}`, wakesOn: probationEndsOn },
  });
  expect((await probationSchedules()).map((s) => s.Name)).toEqual([`probation-${id}`]);

  await moveClock(runtime!, { advanceDays: 366 });
  const woken = await officers.cell.waitForStage(id, 'RECOGNITION_CELL_REVIEW', 60_000);
  expect(woken.history.at(-1)).toMatchObject({
    action: 'endProbation',
    findings: { probationEndsOn },
  });
});
