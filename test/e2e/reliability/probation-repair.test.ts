import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DeleteScheduleCommand, ListSchedulesCommand } from '@aws-sdk/client-scheduler';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DescribeExecutionCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { keys } from '../../../functions/adapters/table-keys';
import { addDays, addMonths } from '../../../functions/domain/rules/calendar-date';
import { vietnamDateOf } from '../../../functions/domain/vietnam-time';
import { awsClients } from '../support/aws-clients';
import { moveClock, readClock } from '../support/clock';
import { DEMO_NOMINATION, HAPPY_PATH } from '../support/happy-path';
import { demoOfficers } from '../support/officers';
import { type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process';

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

/** Nominates someone and walks them to ADMITTED, the ceremony held today. */
async function admit(officers: Awaited<ReturnType<typeof restart>>, fullName: string) {
  const admittedOn = vietnamDateOf(new Date((await readClock(runtime!)).now));
  const id = (await officers.cell.nominate({ ...DEMO_NOMINATION, fullName })).body.id as string;
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
  return { id, admittedOn };
}

/** Waits until the apply step has created the member's probation schedule. */
async function scheduleOf(id: string) {
  for (let i = 0; i < 100; i++) {
    const found = (await probationSchedules()).find((s) => s.Name === `probation-${id}`);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`No probation schedule for ${id}`);
}

it('creates a missing probation schedule on restart, and the member is woken on time', async () => {
  let officers = await restart();
  const { id, admittedOn } = await admit(officers, 'Lưu Văn Sống Lại');
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

/**
 * Recognition executions of this runtime started at the scheduled entry (End_PROBATION: no
 * `resumeFrom`), by the candidate their input names. A restart forgets earlier executions, and the
 * resume job resumes members in recognition at their stage (with `resumeFrom`): not counted.
 */
async function probationEndings(): Promise<Map<string, string[]>> {
  const { sfn } = awsClients(runtime!);
  // `<stack>-admission` and `<stack>-recognition` (lib/workflow.ts).
  const stateMachineArn = runtime!.stateMachineArn.replace(/-admission$/, '-recognition');
  const { executions = [] } = await sfn.send(
    new ListExecutionsCommand({ stateMachineArn, maxResults: 1000 }),
  );
  const byCandidate = new Map<string, string[]>();
  for (const execution of executions) {
    const described = await sfn.send(
      new DescribeExecutionCommand({ executionArn: execution.executionArn }),
    );
    const { candidateId, resumeFrom } = JSON.parse(described.input ?? '{}') as {
      candidateId: string;
      resumeFrom?: string;
    };
    if (resumeFrom) continue;
    byCandidate.set(candidateId, [...(byCandidate.get(candidateId) ?? []), execution.name!]);
  }
  return byCandidate;
}

it('starts recognition exactly once for a member the schedule did not wake, and not for one it did', async () => {
  let officers = await restart();
  const lost = (await admit(officers, 'Phan Văn Lỡ Hẹn')).id;
  const woken = (await admit(officers, 'Hồ Thị Đúng Hẹn')).id;
  // The lost member's schedule is gone (deleted, or its deliveries dead-lettered); the item
  // still records it, so nothing recreates it.
  const { scheduler } = awsClients(runtime!);
  const schedule = await scheduleOf(lost);
  await scheduleOf(woken);
  await scheduler.send(
    new DeleteScheduleCommand({ Name: schedule.Name, GroupName: schedule.GroupName }),
  );

  // Past the end of probation (and the repair's hour of grace, whatever the time of day).
  await moveClock(runtime!, { advanceDays: 367 });
  await officers.cell.waitForStage(woken, 'RECOGNITION_CELL_REVIEW', 60_000);
  expect((await officers.cell.candidate(lost)).body.stage).toBe('ADMITTED');
  const beforeRepair = await probationEndings();
  expect(beforeRepair.get(lost)).toBeUndefined();
  expect(beforeRepair.get(woken)).toHaveLength(1); // the schedule's

  // The repair job (run at start) finds the member still admitted after probation.
  officers = await restart();
  const repaired = await officers.cell.waitForStage(lost, 'RECOGNITION_CELL_REVIEW', 60_000);
  expect(
    repaired.history.filter((e: { action?: string }) => e.action === 'endProbation'),
  ).toHaveLength(1);
  const afterRepair = await probationEndings();
  expect(afterRepair.get(lost)).toEqual([`${lost}-g2`]);
  // The member the schedule woke is resumed at its stage, never woken a second time.
  expect(afterRepair.get(woken)).toBeUndefined();

  // Another pass starts no recognition for anyone.
  officers = await restart();
  await officers.cell.waitForStage(lost, 'RECOGNITION_CELL_REVIEW', 60_000);
  expect(await probationEndings()).toEqual(new Map());
  for (const id of [lost, woken]) {
    const { history } = (await officers.cell.candidate(id)).body;
    expect(history.filter((e: { action?: string }) => e.action === 'endProbation')).toHaveLength(1);
  }
});
