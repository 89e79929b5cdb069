import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CreateScheduleCommand } from '@aws-sdk/client-scheduler';
import { DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { HUMAN_STAGE_IDS, TERMINAL_STAGE_IDS } from '../../functions/domain/pipeline';
import { addDays } from '../../functions/domain/rules/calendar-date';
import { vietnamDateOf, vietnamWallClock } from '../../functions/domain/vietnam-time';
import {
  PIPELINE_DIMENSIONS,
  PIPELINE_NAMESPACE,
} from '../../functions/observability/transition-metrics';
import { API_ACCESS_NAMESPACE } from '../../lib/api';
import type { MetricSeries } from '../../lib/local/metric-recorder';
import { demoOrganisation } from '../../lib/local/demo-organisation';
import { listResources } from '../../lib/local/template';
import { awsClients } from './support/aws-clients';
import { moveClock, readClock } from './support/clock';
import { DEMO_NOMINATION, HAPPY_PATH } from './support/happy-path';
import { demoOfficers } from './support/officers';
import { probationScheduleTarget } from './support/probation-schedule-target';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';
import { synthesizedStack, watchedMetrics } from './support/template-alarms';

/**
 * Observability that fires: the walks of the other e2e files, in one runtime — a member admitted
 * and woken for recognition by its schedule, a decision left overdue until it is reminded and
 * escalated, the resume and attainment jobs (run at start), a second delivery of the schedule,
 * an undeliverable schedule — and then every metric an alarm of the synthesized template watches must have been
 * published, with the alarm's namespace, name and dimensions, by the code that runs in AWS (the
 * functions' EMF lines) or by the emulated service. Metrics never carry a person.
 */
jest.setTimeout(300_000);

let dataDir: string;
let runtime: RuntimeProcess;
let officers: Awaited<ReturnType<typeof demoOfficers>>;
const { template, resolve } = synthesizedStack();
const logicalIdOf = (type: string, prefix: string) =>
  listResources(template, type).find((r) => r.logicalId.startsWith(prefix))!.logicalId;
const probation = probationScheduleTarget();
const recognitionArn = probation.recognitionArn;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'admission-alarms-'));
  runtime = await startRuntimeProcess({ dataDir });
  officers = await demoOfficers(runtime);
});
afterAll(async () => {
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function publishedSeries(): Promise<MetricSeries[]> {
  const response = await fetch(`${runtime.url}/local/metrics`);
  return ((await response.json()) as { series: MetricSeries[] }).series;
}

async function walk(id: string, steps: typeof HAPPY_PATH, today: string) {
  for (const step of steps) {
    const parked = await officers.cell.waitForStage(id, step.stage, 60_000);
    // Probation is counted from a ceremony held today, so that it ends a year from now.
    const payload =
      step.action === 'decideAdmission'
        ? { ...(step.payload as object), decisionDate: addDays(today, -10) }
        : step.action === 'recordCeremony'
          ? { ceremonyDate: today }
          : step.payload;
    const response = await officers
      .forAction(step.stage, step.action)
      .act(id, { action: step.action, expectedVersion: parked.version, payload });
    expect(response.status).toBe(202);
  }
}

async function settled(executionArn: string) {
  const { sfn } = awsClients(runtime);
  for (let i = 0; i < 200; i++) {
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (execution.status !== 'RUNNING') return execution;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${executionArn} still running`);
}

const ids: string[] = [];
const STAGE_IDS: string[] = [...HUMAN_STAGE_IDS, ...TERMINAL_STAGE_IDS];

it('walks members through admission, probation, recognition and an overdue decision', async () => {
  const today = vietnamDateOf(new Date((await readClock(runtime)).now));
  const member = (
    await officers.cell.nominate({ ...DEMO_NOMINATION, fullName: 'Đào Thị Đo Lường' })
  ).body.id as string;
  const overdue = (await officers.cell.nominate({ ...DEMO_NOMINATION, fullName: 'Lê Văn Quá Hạn' }))
    .body.id as string;
  ids.push(member, overdue);
  await walk(member, HAPPY_PATH, today);
  await officers.cell.waitForStage(member, 'ADMITTED', 60_000);
  await walk(overdue, HAPPY_PATH.slice(0, -2), today);
  await officers.cell.waitForStage(overdue, 'ADMISSION_DECISION', 60_000);

  // A year on: the schedule wakes the member; the decision has long been overdue.
  await moveClock(runtime, { advanceDays: 366 });
  await officers.cell.waitForStage(member, 'RECOGNITION_CELL_REVIEW', 60_000);
  const reminded = (await officers.cell.candidate(overdue)).body;
  expect(reminded.stage).toBe('ADMISSION_DECISION');
  expect(reminded.history.map((e: { type: string }) => e.type)).toContain('REMINDER');
});

it('ends a second delivery of the schedule as a success, not as a failed execution', async () => {
  const { sfn } = awsClients(runtime);
  const [member] = ids;
  // What the scheduler does on a duplicate delivery: start recognition again for the member.
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: recognitionArn,
      name: `duplicate-${member}`,
      input: JSON.stringify({ candidateId: member }),
    }),
  );
  const duplicate = await settled(executionArn!);
  expect(duplicate.status).toBe('SUCCEEDED');
  expect((await officers.cell.candidate(member)).body.stage).toBe('RECOGNITION_CELL_REVIEW');
  const series = await publishedSeries();
  const ofRecognition = (name: string) =>
    series.find(
      (s) =>
        s.namespace === 'AWS/States' &&
        s.metricName === name &&
        s.dimensions.StateMachineArn === recognitionArn,
    );
  expect(ofRecognition('ExecutionsSucceeded')?.samples).toBeGreaterThanOrEqual(1);
  // Nothing in these walks failed: the failed-executions alarms saw no data point at all.
  expect(series.filter((s) => s.metricName === 'ExecutionsFailed')).toEqual([]);
});

it('puts a schedule whose start keeps failing into the dead-letter queue', async () => {
  const { scheduler } = awsClients(runtime);
  const queue = logicalIdOf('AWS::SQS::Queue', 'WorkflowScheduleDeadLetters');
  const now = new Date((await readClock(runtime)).now);
  await scheduler.send(
    new CreateScheduleCommand({
      Name: 'undeliverable',
      GroupName: probation.groupName,
      ScheduleExpression: `at(${vietnamWallClock(new Date(now.getTime() + 60_000))})`,
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: recognitionArn,
        RoleArn: probation.roleArn,
        // StartExecution refuses it (InvalidExecutionInput) on every attempt.
        Input: 'not json',
        RetryPolicy: { MaximumRetryAttempts: 0 },
        DeadLetterConfig: { Arn: String(resolve({ 'Fn::GetAtt': [queue, 'Arn'] })) },
      },
    }),
  );
  await moveClock(runtime, { advanceMs: 2 * 60_000 });
  const depth = (await publishedSeries()).find(
    (s) => s.namespace === 'AWS/SQS' && s.metricName === 'ApproximateNumberOfMessagesVisible',
  );
  expect(depth).toMatchObject({ dimensions: { QueueName: queue }, samples: 1, sum: 1 });
});

describe('every metric an alarm watches was published', () => {
  const watched = watchedMetrics();

  it('finds the alarms in the synthesized template', () => {
    expect(new Set(watched.map((w) => w.namespace))).toEqual(
      new Set([
        PIPELINE_NAMESPACE,
        API_ACCESS_NAMESPACE,
        'AWS/ApiGateway',
        'AWS/States',
        'AWS/SQS',
        'AWS/SNS',
        'AWS/WAFV2',
      ]),
    );
  });

  it.each(watched.filter((w) => w.namespace === PIPELINE_NAMESPACE).map((w) => [w.metricName, w]))(
    '%s: by a function, with the alarm dimensions',
    async (_name, metric) => {
      const seen = (await publishedSeries()).find(
        (s) =>
          s.namespace === metric.namespace &&
          s.metricName === metric.metricName &&
          JSON.stringify(s.dimensions) === JSON.stringify(metric.dimensions),
      );
      expect(seen).toBeDefined();
      expect(seen!.samples).toBeGreaterThan(0);
      const functions = listResources(template, 'AWS::Lambda::Function').map((f) => f.logicalId);
      for (const publisher of seen!.publishers) expect(functions).toContain(publisher);
    },
  );

  it('AWS/States: each alarmed state machine is one the walks ran', async () => {
    const started = (await publishedSeries())
      .filter((s) => s.namespace === 'AWS/States' && s.metricName === 'ExecutionsStarted')
      .map((s) => s.dimensions.StateMachineArn);
    const alarmed = watched.filter((w) => w.namespace === 'AWS/States');
    // The daily digest's run: started by its rule, which the runtime runs at start.
    const digestRun = String(
      resolve({ Ref: logicalIdOf('AWS::StepFunctions::StateMachine', 'DigestDailyDigestRun') }),
    );
    expect(new Set(alarmed.map((w) => w.dimensions.StateMachineArn))).toEqual(
      new Set([runtime.stateMachineArn, recognitionArn, digestRun]),
    );
    for (const metric of alarmed) expect(started).toContain(metric.dimensions.StateMachineArn);
  });

  it('AWS/SQS: the dead-letter alarm watches the queue the scheduler sent to', async () => {
    const series = await publishedSeries();
    for (const metric of watched.filter((w) => w.namespace === 'AWS/SQS')) {
      expect(series).toContainEqual(
        expect.objectContaining({
          namespace: metric.namespace,
          metricName: metric.metricName,
          dimensions: metric.dimensions,
        }),
      );
    }
  });

  it(`${API_ACCESS_NAMESPACE}: counted by a metric filter of the stage's access log (published locally as the throttling test shows)`, () => {
    const filters = listResources(template, 'AWS::Logs::MetricFilter').flatMap(
      ({ resource }) =>
        resource.Properties!.MetricTransformations as {
          MetricNamespace: string;
          MetricName: string;
        }[],
    );
    for (const metric of watched.filter((w) => w.namespace === API_ACCESS_NAMESPACE)) {
      expect(filters).toContainEqual(
        expect.objectContaining({
          MetricNamespace: metric.namespace,
          MetricName: metric.metricName,
        }),
      );
    }
  });

  it('AWS/ApiGateway (not emulated locally): the alarm names the HTTP API of the stack', () => {
    const api = logicalIdOf('AWS::ApiGatewayV2::Api', 'Api');
    for (const metric of watched.filter((w) => w.namespace === 'AWS/ApiGateway')) {
      expect(metric.dimensions).toEqual({ ApiId: String(resolve({ Ref: api })) });
    }
  });

  it('AWS/SNS (not emulated locally): the delivery-problems alarm watches the topic SES reports bounces to', () => {
    const topic = logicalIdOf('AWS::SNS::Topic', 'DeliveryFeedbackTopic');
    const alarmed = watched.filter((w) => w.namespace === 'AWS/SNS');
    expect(alarmed.map((w) => w.metricName)).toEqual(['NumberOfMessagesPublished']);
    for (const metric of alarmed) {
      expect(metric.dimensions).toEqual({
        TopicName: String(resolve({ 'Fn::GetAtt': [topic, 'TopicName'] })),
      });
    }
  });

  it('AWS/WAFV2 (not emulated locally): the rate-limited alarm watches the rate rules of the web ACL', () => {
    const acl = listResources(template, 'AWS::WAFv2::WebACL')[0].resource.Properties as {
      VisibilityConfig: { MetricName: string };
      Rules: { VisibilityConfig: { MetricName: string }; Statement: Record<string, unknown> }[];
    };
    const rateRules = acl.Rules.filter((r) => 'RateBasedStatement' in r.Statement).map(
      (r) => r.VisibilityConfig.MetricName,
    );
    const alarmed = watched.filter((w) => w.namespace === 'AWS/WAFV2');
    expect(alarmed.map((w) => w.metricName)).toEqual(rateRules.map(() => 'BlockedRequests'));
    expect(alarmed.map((w) => w.dimensions)).toEqual(
      rateRules.map((rule) => ({
        WebACL: String(resolve(acl.VisibilityConfig.MetricName)),
        Rule: rule,
      })),
    );
  });

  it('never carries a person: organisation-level dimensions with few values only', async () => {
    const ours = (await publishedSeries()).filter((s) => s.namespace === PIPELINE_NAMESPACE);
    expect(ours.length).toBeGreaterThan(0);
    const allowed = new Set<string>(Object.values(PIPELINE_DIMENSIONS));
    const values = new Map<string, Set<string>>();
    for (const series of ours) {
      for (const [name, value] of Object.entries(series.dimensions)) {
        expect(allowed).toContain(name);
        expect(value).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
        for (const id of ids) expect(value).not.toContain(id);
        values.set(name, (values.get(name) ?? new Set()).add(value));
      }
    }
    // At most one series per top-level committee and stage, never one per candidate or cell.
    const topUnits = demoOrganisation()
      .filter((u) => !u.parentId)
      .map((u) => u.id);
    expect(topUnits.length).toBeGreaterThan(0);
    for (const top of values.get(PIPELINE_DIMENSIONS.topUnit) ?? [])
      expect(topUnits).toContain(top);
    for (const stage of values.get(PIPELINE_DIMENSIONS.stage) ?? []) {
      expect(STAGE_IDS).toContain(stage);
    }
    const text = JSON.stringify(ours);
    for (const secret of ['Đào Thị Đo Lường', 'Lê Văn Quá Hạn', DEMO_NOMINATION.dateOfBirth]) {
      expect(text).not.toContain(secret);
    }
  });
});
