import * as fs from 'node:fs';
import { GetScheduleCommand, ResourceNotFoundException } from '@aws-sdk/client-scheduler';
import { addMonths } from '../../functions/domain/rules/calendar-date';
import { probationScheduleName } from '../../functions/services/probation-schedule';
import { loadStackTemplate, type CfnTemplate } from '../../lib/local/template';
import { awsClients } from './support/aws-clients';
import { moveClock } from './support/clock';
import { DEMO_NOMINATION, HAPPY_PATH } from './support/happy-path';
import { denials, fireAlarm } from './support/iam';
import {
  CDK_OUT,
  dropAction,
  dropTopicStatement,
  mutatedCdkOut,
  setTrustCondition,
} from './support/mutated-template';
import { demoOfficers } from './support/officers';
import { probationScheduleTarget } from './support/probation-schedule-target';
import { today, walkToAdmitted, walkToOfficial, type Officers } from './support/recognition-walk';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

/**
 * The local runtime enforces the synthesized IAM: a template with one permission dropped, one
 * trust condition broken or the ops topic's Allow removed is refused exactly where AWS refuses
 * it, with AWS's message; the intact template walks a candidate to OFFICIAL with nothing denied.
 */
jest.setTimeout(300_000);

const ACCOUNT = '000000000000';
const { template } = loadStackTemplate(CDK_OUT);
const logicalIdOf = (type: string, prefix: string) => {
  const ids = Object.entries(template.Resources)
    .filter(([id, r]) => r.Type === type && id.startsWith(prefix))
    .map(([id]) => id);
  expect(ids).toHaveLength(1);
  return ids[0];
};
/** The session a function's calls carry: its role (logical id) and its name (logical id). */
const sessionOf = (functionPrefix: string) =>
  `arn:aws:sts::${ACCOUNT}:assumed-role/${logicalIdOf('AWS::IAM::Role', `${functionPrefix}Role`)}/${logicalIdOf('AWS::Lambda::Function', functionPrefix)}`;
const ADMISSION = `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:AdmissionPipeline-admission`;
const OPS_TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:${logicalIdOf('AWS::SNS::Topic', 'ObservabilityOpsTopic')}`;
const ALARM = logicalIdOf('AWS::CloudWatch::Alarm', 'ObservabilityApi5xxAlarm');
const FIRST = HAPPY_PATH[0];

async function started(cdkOut?: string) {
  const runtime = await startRuntimeProcess({ cdkOut });
  return { runtime, officers: await demoOfficers(runtime) };
}

async function nominate(officers: Officers): Promise<string> {
  const response = await officers.cell.nominate(DEMO_NOMINATION);
  expect(response.status).toBe(201);
  return response.body.id as string;
}

/** The first action of the walk, on the candidate parked at NOMINATED. */
async function confirm(officers: Officers, id: string) {
  const parked = await officers.cell.waitForStage(id, FIRST.stage);
  return officers
    .forAction(FIRST.stage, FIRST.action)
    .act(id, { action: FIRST.action, expectedVersion: parked.version, payload: FIRST.payload });
}

async function denialFor(runtime: RuntimeProcess, action: string) {
  for (let i = 0; i < 600; i++) {
    const found = (await denials(runtime)).find((d) => d.action === action);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`No denial of ${action}; runtime output:\n${runtime.output()}`);
}

async function scheduleCreated(runtime: RuntimeProcess, name: string) {
  const { scheduler } = awsClients(runtime);
  const { groupName } = probationScheduleTarget();
  for (let i = 0; i < 600; i++) {
    try {
      return await scheduler.send(new GetScheduleCommand({ Name: name, GroupName: groupName }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The schedule ${name} was never created; runtime output:\n${runtime.output()}`);
}

/** Time for a workflow that would move to have moved. */
const aMoment = () => new Promise((r) => setTimeout(r, 1500));

function withMutant(mutate: (t: CfnTemplate) => void) {
  const context: { runtime?: RuntimeProcess; officers?: Officers; dir?: string } = {};
  beforeAll(async () => {
    context.dir = mutatedCdkOut(mutate);
    Object.assign(context, await started(context.dir));
  });
  afterAll(async () => {
    await context.runtime?.stop();
    if (context.dir) fs.rmSync(context.dir, { recursive: true, force: true });
  });
  return context as Required<typeof context>;
}

describe('the intact template', () => {
  let runtime: RuntimeProcess;
  let officers: Officers;
  beforeAll(async () => ({ runtime, officers } = await started()));
  afterAll(() => runtime?.stop());

  it('walks a candidate to OFFICIAL with nothing denied', async () => {
    const admittedOn = await today(runtime);
    const id = await nominate(officers);
    await walkToAdmitted(officers, id, { admittedOn });
    const probationEndsOn = addMonths(admittedOn, 12);
    // As below: the wake-up schedule exists before the clock moves (a schedule created after the
    // move starts two minutes late, beyond this wait).
    await scheduleCreated(runtime, probationScheduleName(id));
    await moveClock(runtime, { to: `${probationEndsOn}T09:00:00+07:00` });
    await officers.cell.waitForStage(id, 'RECOGNITION_CELL_REVIEW', 60_000);
    const official = await walkToOfficial(runtime, officers, id);
    expect(official).toMatchObject({ stage: 'OFFICIAL', status: 'CLOSED' });
    expect(await denials(runtime)).toEqual([]);
  });

  it('lets an alarm publish to the ops topic', async () => {
    const fired = await fireAlarm(runtime, ALARM);
    expect(fired).toMatchObject({ status: 200, body: { published: [{ topicArn: OPS_TOPIC }] } });
    expect(await denials(runtime)).toEqual([]);
  });
});

describe('SubmitAction without states:SendTaskSuccess, ops topic without the CloudWatch Allow', () => {
  const mutant = withMutant((t) => {
    dropAction(t, 'ApiSubmitActionRole', 'states:SendTaskSuccess');
    dropTopicStatement(t, 'ObservabilityOpsTopicPolicy', 'AllowCloudWatchAlarmsToPublish');
  });

  it('refuses the task token completion with AWS AccessDeniedException; the workflow stays put', async () => {
    const id = await nominate(mutant.officers);
    await confirm(mutant.officers, id);
    const denial = await denialFor(mutant.runtime, 'states:SendTaskSuccess');
    const principal = sessionOf('ApiSubmitAction');
    expect(denial).toMatchObject({
      principal,
      resource: ADMISSION,
      message: `User: ${principal} is not authorized to perform: states:SendTaskSuccess on resource: ${ADMISSION} because no identity-based policy allows the states:SendTaskSuccess action`,
    });
    await aMoment();
    expect((await mutant.officers.cell.candidate(id)).body).toMatchObject({ stage: FIRST.stage });
  });

  it('refuses the alarm publication (no resource-based policy allows SNS:Publish)', async () => {
    const fired = await fireAlarm(mutant.runtime, ALARM);
    expect(fired).toMatchObject({
      status: 403,
      body: {
        code: 'ALARM_ACTION_DENIED',
        awsError: 'AuthorizationError',
        message_en: `User: cloudwatch.amazonaws.com is not authorized to perform: SNS:Publish on resource: ${OPS_TOPIC} because no resource-based policy allows the SNS:Publish action`,
      },
    });
  });
});

describe('ApplyTransition without dynamodb:PutItem', () => {
  const mutant = withMutant((t) =>
    dropAction(t, 'WorkflowApplyTransitionRoleDefaultPolicy', 'dynamodb:PutItem'),
  );

  it('refuses the Put of its transaction; the candidate does not move', async () => {
    const id = await nominate(mutant.officers);
    expect(await confirm(mutant.officers, id)).toMatchObject({ status: 202 });
    const denial = await denialFor(mutant.runtime, 'dynamodb:PutItem');
    const principal = sessionOf('WorkflowApplyTransition');
    const table = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${mutant.runtime.tableName}`;
    expect(denial).toMatchObject({
      principal,
      resource: table,
      message: `User: ${principal} is not authorized to perform: dynamodb:PutItem on resource: ${table} because no identity-based policy allows the dynamodb:PutItem action`,
    });
    await aMoment();
    expect((await mutant.officers.cell.candidate(id)).body).toMatchObject({ stage: FIRST.stage });
  });
});

describe('the probation scheduler role trusting schedule ARNs instead of the group ARN', () => {
  const mutant = withMutant((t) =>
    setTrustCondition(t, 'WorkflowProbationSchedulerRole', {
      StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
      ArnLike: {
        'aws:SourceArn': `arn:aws:scheduler:us-east-1:${ACCOUNT}:schedule/AdmissionPipeline-probation/*`,
      },
    }),
  );

  it('cannot be assumed when probation ends: the member stays ADMITTED', async () => {
    const admittedOn = await today(mutant.runtime);
    const id = await nominate(mutant.officers);
    await walkToAdmitted(mutant.officers, id, { admittedOn });
    // The apply step creates the wake-up schedule after the ADMITTED commit: wait for it, so that
    // moving the clock cannot race its creation on a loaded machine.
    await scheduleCreated(mutant.runtime, probationScheduleName(id));
    await moveClock(mutant.runtime, { to: `${addMonths(admittedOn, 12)}T09:00:00+07:00` });
    const role = `arn:aws:iam::${ACCOUNT}:role/${logicalIdOf('AWS::IAM::Role', 'WorkflowProbationSchedulerRole')}`;
    expect(await denialFor(mutant.runtime, 'sts:AssumeRole')).toMatchObject({
      principal: 'scheduler.amazonaws.com',
      resource: role,
      reason: 'noResourceAllow',
    });
    await aMoment();
    expect((await mutant.officers.cell.candidate(id)).body).toMatchObject({ stage: 'ADMITTED' });
  });
});

describe('the park step without ses:SendEmail', () => {
  const mutant = withMutant((t) =>
    dropAction(t, 'WorkflowParkAtStageRoleDefaultPolicy', 'ses:SendEmail'),
  );

  it('is refused by SES with AWS AccessDeniedException on the sending identity', async () => {
    const id = await nominate(mutant.officers);
    const denial = await denialFor(mutant.runtime, 'ses:SendEmail');
    const principal = sessionOf('WorkflowParkAtStage');
    const identity = `arn:aws:ses:us-east-1:${ACCOUNT}:identity/ketnap.example.vn`;
    expect(denial).toMatchObject({
      principal,
      resource: identity,
      message: `User: ${principal} is not authorized to perform: ses:SendEmail on resource: ${identity} because no identity-based policy allows the ses:SendEmail action`,
    });
    // The file itself was nominated and parked; only the e-mail was refused.
    expect((await mutant.officers.cell.candidate(id)).body).toMatchObject({ stage: FIRST.stage });
  });
});
