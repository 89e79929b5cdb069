import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DescribeExecutionCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type ApiClient } from './support/api-client';
import { awsClients } from './support/aws-clients';
import { DEMO_NOMINATION, HAPPY_PATH } from './support/happy-path';
import { demoOfficers } from './support/officers';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

const ROOT = path.join(__dirname, '..', '..');
let dataDir: string;
let runtime: RuntimeProcess;
let officers: Awaited<ReturnType<typeof demoOfficers>>;
let api: ApiClient;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'migrate-'));
  runtime = await startRuntimeProcess({ dataDir });
  officers = await demoOfficers(runtime);
  api = officers.cell;
});
afterAll(async () => {
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const migrate = async (...extra: string[]) =>
  (
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'bin/migrate-executions.ts', '--data-dir', dataDir, ...extra],
      { cwd: ROOT },
    )
  ).stdout;

async function executionOf(id: string): Promise<{ name: string; generation: number }> {
  const { Item } = await awsClients(runtime).documents.send(
    new GetCommand({
      TableName: runtime.tableName,
      Key: { PK: `CAND#${id}`, SK: 'META' },
      ConsistentRead: true,
    }),
  );
  return Item!.execution as { name: string; generation: number };
}

async function statusOf(name: string): Promise<string | undefined> {
  const [prefix, machine] = runtime.stateMachineArn.split(':stateMachine:');
  const { status } = await awsClients(runtime).sfn.send(
    new DescribeExecutionCommand({ executionArn: `${prefix}:execution:${machine}:${name}` }),
  );
  return status;
}

async function runningExecutionsOf(id: string): Promise<string[]> {
  const { executions = [] } = await awsClients(runtime).sfn.send(
    new ListExecutionsCommand({
      stateMachineArn: runtime.stateMachineArn,
      statusFilter: 'RUNNING',
      maxResults: 1000,
    }),
  );
  return executions.map((e) => e.name!).filter((name) => name.startsWith(id));
}

describe('npm run workflow:migrate: in-flight candidates onto the current definition', () => {
  it('gives each candidate one new execution at its stage, stops the old one, and they go on', async () => {
    const first = await api.nominate({ ...DEMO_NOMINATION, fullName: 'Đỗ Văn Chuyển' });
    const second = await api.nominate({ ...DEMO_NOMINATION, fullName: 'Hà Thị Di Trú' });
    const [a, b] = [first.body.id as string, second.body.id as string];
    const step = HAPPY_PATH[0];
    const parked = await api.waitForStage(b, step.stage);
    expect(
      (
        await officers
          .forAction(step.stage, step.action)
          .act(b, { action: step.action, expectedVersion: parked.version, payload: step.payload })
      ).status,
    ).toBe(202);
    const bStage = HAPPY_PATH[1].stage;
    await api.waitForStage(a, 'NOMINATED');
    await api.waitForStage(b, bStage);
    const before = { a: await executionOf(a), b: await executionOf(b) };

    const dryRun = await migrate('--dry-run');
    expect(dryRun).toMatch(/dry run: \d+ hồ sơ đang xử lý \/ in flight; chuyển 0/);
    expect(await executionOf(a)).toEqual(before.a);

    const output = await migrate();
    expect(output).toContain(`${a} NOMINATED: ${before.a.name}`);
    expect(output).toContain(`${b} ${bStage}: ${before.b.name}`);
    for (const [id, old, stage] of [
      [a, before.a, 'NOMINATED'],
      [b, before.b, bStage],
    ] as const) {
      const now = await executionOf(id);
      expect(now.generation).toBe(old.generation + 1);
      expect(await statusOf(old.name)).toBe('ABORTED');
      const parkedAgain = await api.waitForStage(id, stage);
      expect(await runningExecutionsOf(id)).toEqual([now.name]);
      expect(parkedAgain.version).toBe(stage === 'NOMINATED' ? 1 : 2);
    }

    // The migrated candidate goes on from where it was, on its new execution.
    const resumed = await api.waitForStage(a, 'NOMINATED');
    const accepted = await officers
      .forAction(step.stage, step.action)
      .act(a, { action: step.action, expectedVersion: resumed.version, payload: step.payload });
    expect(accepted.status).toBe(202);
    const moved = await api.waitForStage(a, bStage);
    expect(moved.version).toBe(2);
    const history = (await api.request('GET', `/candidates/${a}/history`)).body;
    const events = (Array.isArray(history) ? history : history.items) as { seq: number }[];
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
  });
});
