import { randomUUID } from 'node:crypto';
import { DescribeExecutionCommand, GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import { DIGEST_SHARDS, digestShardOf } from '../../functions/domain/digest-subscriber';
import { ApiClient } from './support/api-client';
import {
  APPROVE,
  decide,
  deliveriesTo,
  officersOf,
  walkToDecision,
  waitForLink,
} from './support/approvals';
import { awsClients } from './support/aws-clients';
import { moveClock, readClock } from './support/clock';
import { officerClient } from './support/officers';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

/**
 * The daily digest on the local runtime: the 07:00 rule run on demand (POST
 * /local/schedules/{name}/run, through the rule's Lambda permission and the function's IAM)
 * starts the day's run, an execution of the digest state machine that sends every shard of the
 * subscriber index through its own invocations (a Map, each task through the machine's role); a
 * cell officer with an overdue file at their cell receives exactly one "Việc cần làm hôm nay",
 * a second run the same day sends nothing new, and none comes once they turn it off.
 */

let runtime: RuntimeProcess;
let admin: ApiClient;

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  admin = await officerClient(runtime, { roles: ['admin'], unitId: 'hn', name: 'Quản trị Hà Nội' });
});
afterAll(() => runtime?.stop());

const write = (client: ApiClient, method: string, path: string, body: unknown) =>
  client.request(method, path, { body, headers: { 'idempotency-key': randomUUID() } });

async function signIn(userId: string): Promise<ApiClient> {
  const response = await fetch(`${runtime.issuerUrl}/local/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: userId }),
  });
  if (!response.ok) throw new Error(`Sign-in refused: ${await response.text()}`);
  return new ApiClient(runtime.url, ((await response.json()) as { id_token: string }).id_token);
}

interface RunSummary {
  day: string;
  shards: number;
  read: number;
  sent: number;
  alreadySent: number;
  failures: number;
  failedShards: number[];
  complete: boolean;
}

/** Runs the 07:00 rule now and waits for the run it started; answers the run's summary. */
async function runDigest(): Promise<RunSummary & { shardsSent: number[] }> {
  const response = await fetch(`${runtime.url}/local/schedules/DigestDailyDigestSchedule/run`, {
    method: 'POST',
  });
  const body = (await response.json()) as {
    result: { day: string; shards: number; executionArn: string };
  };
  expect(response.status).toBe(200);
  expect(body.result.shards).toBe(DIGEST_SHARDS);
  const { sfn } = awsClients(runtime);
  const executionArn = body.result.executionArn;
  expect(executionArn).toContain(`:digest-${body.result.day}-`);
  let execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  for (const until = Date.now() + 120_000; execution.status === 'RUNNING';) {
    if (Date.now() > until) throw new Error(`The digest run ${executionArn} is still running`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  }
  expect(execution).toMatchObject({ status: 'SUCCEEDED' });
  // Every shard was its own iteration of the Map, each with its own invocations.
  const history = await sfn.send(
    new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }),
  );
  expect(history.nextToken).toBeUndefined();
  const iterations = history.events!.filter((e) => e.type === 'MapIterationSucceeded');
  const slices = history.events!.filter(
    (e) => e.type === 'TaskStateEntered' && e.stateEnteredEventDetails?.name === 'SendShardSlice',
  );
  expect(iterations).toHaveLength(DIGEST_SHARDS);
  expect(slices.length).toBeGreaterThanOrEqual(DIGEST_SHARDS);
  const summary = JSON.parse(execution.output!) as RunSummary;
  expect(summary).toMatchObject({ day: body.result.day, shards: DIGEST_SHARDS, complete: true });
  const shardsSent = slices.map(
    (e) => (JSON.parse(e.stateEnteredEventDetails!.input!) as { shard: number }).shard,
  );
  return { ...summary, shardsSent: [...new Set(shardsSent)].sort((a, b) => a - b) };
}

async function digestsOf(officer: ApiClient) {
  const response = await officer.request('GET', '/me/deliveries');
  expect(response.status).toBe(200);
  return (response.body.items as { kind: string; subject: string; status: string }[]).filter(
    (d) => d.kind === 'DIGEST',
  );
}

describe('the daily digest', () => {
  it('reaches an officer with an overdue file once a day, and not after they turn it off', async () => {
    const account = async (name: string, email: string, roles: string[]) => {
      const created = await write(admin, 'POST', '/accounts', {
        name,
        email,
        roles,
        unitId: 'dd-kdn',
      });
      expect(created.status).toBe(201);
      return (created.body as { userId: string }).userId;
    };
    const userId = await account('Lê Thị Hoa', 'hoa@example.vn', ['cell-officer']);
    const approverId = await account('Phạm Văn Dũng', 'dung@example.vn', ['approver']);
    const officer = await signIn(userId);
    const { committee } = await officersOf(runtime);
    // Walked to the decision and approved: the ceremony is the cell's, with a deadline.
    const id = await walkToDecision({ cell: officer, committee });
    const approver = { sub: approverId, api: await signIn(approverId) };
    const { approvalId } = await waitForLink(runtime, approver, id);
    expect((await decide(approver.api, approvalId, APPROVE)).status).toBe(200);
    await officer.waitForStage(id, 'CEREMONY');
    // The officer's own work queue says when the step is due.
    const tasks = await officer.request('GET', '/tasks');
    const task = (tasks.body.items as { id: string; dueOn?: string }[]).find((t) => t.id === id);
    expect(task?.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const fullName = (await officer.candidate(id)).body.fullName as string;

    // The decision was dated months ago: the ceremony is overdue already.
    expect(task!.dueOn! < (await readClock(runtime)).now.slice(0, 10)).toBe(true);
    const first = await runDigest();
    expect(first).toMatchObject({ failures: 0, failedShards: [] });
    expect(first.sent).toBeGreaterThanOrEqual(1);
    // The officer's shard was sent, like every other.
    expect(first.shardsSent).toContain(digestShardOf(userId));
    expect(first.shardsSent).toHaveLength(DIGEST_SHARDS);
    // The subscribers were read, not the units: the officer and the approver at least.
    expect(first.read).toBeGreaterThanOrEqual(2);
    const [digest, ...others] = await digestsOf(officer);
    expect(others).toEqual([]);
    expect(digest).toMatchObject({ status: 'SENT' });
    expect(digest.subject).toMatch(
      /^Việc cần làm hôm nay \d{2}\/\d{2}\/\d{4} \(\d+\) \/ Today's tasks/,
    );
    const mail = (await deliveriesTo(runtime, userId)).filter((d) =>
      d.subject?.startsWith('Việc cần làm hôm nay'),
    );
    expect(mail).toHaveLength(1);
    expect(mail[0].body).toContain(`${fullName} — `);
    expect(mail[0].body).toContain('(quá hạn)');
    expect(mail[0].body).toContain(`mã hồ sơ ${id}`);

    // The same day again: nothing new.
    const second = await runDigest();
    expect(second).toMatchObject({ failures: 0, sent: 0 });
    expect(second.alreadySent).toBe(first.sent);
    expect(await digestsOf(officer)).toHaveLength(1);

    // The next day: the next digest.
    await moveClock(runtime, { advanceDays: 1 });
    expect(await runDigest()).toMatchObject({ failures: 0 });
    expect(await digestsOf(officer)).toHaveLength(2);

    // Turned off: the day after sends nothing to them, though the file is still overdue; they
    // are no longer read at all (the account's write took them out of the subscriber index).
    const before = await runDigest();
    const off = await write(admin, 'PATCH', `/accounts/${userId}`, { digest: false });
    expect(off.status).toBe(200);
    await moveClock(runtime, { advanceDays: 1 });
    const after = await runDigest();
    expect(after).toMatchObject({ failures: 0 });
    expect(after.read).toBe(before.read - 1);
    expect(await digestsOf(officer)).toHaveLength(2);
    expect(
      (await deliveriesTo(runtime, userId)).filter((d) =>
        d.subject?.startsWith('Việc cần làm hôm nay'),
      ),
    ).toHaveLength(2);
  });

  it('answers an unknown schedule with 404 and a bilingual refusal', async () => {
    const response = await fetch(`${runtime.url}/local/schedules/NoSuchRule/run`, {
      method: 'POST',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      code: 'SCHEDULE_NOT_FOUND',
      message: expect.any(String),
      message_en: expect.any(String),
    });
  });
});
