/**
 * The daily digest's infrastructure (lib/daily-digest.ts): a starter on the 07:00 rule, a state
 * machine that sends the subscriber shards in parallel with bounded concurrency, each shard a
 * checkpointed loop that fails alone, and least privilege for each of the three functions, as the
 * template says and as the local runtime's IAM evaluates it.
 */
import { Match } from 'aws-cdk-lib/assertions';
import {
  authorizeRuleInvoke,
  authorizeStateMachineInvoke,
} from '../../lib/local/iam/service-paths';
import { DIGEST_SHARDS_AT_ONCE } from '../../functions/domain/digest-subscriber';
import { denialOf, evaluatedTemplate } from './evaluated-template';

const { template, permissions, access, logicalId, arnOf, refOf } = evaluatedTemplate();
const fnArn = (prefix: string) => arnOf(logicalId('AWS::Lambda::Function', prefix));

/** Every action the policies of a role grant (its own statements, all resources). */
function actionsOf(rolePrefix: string): string[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) =>
    JSON.stringify(policy.Properties.Roles ?? []).includes(rolePrefix)
      ? policy.Properties.PolicyDocument.Statement.flatMap((s: { Action: unknown }) => [s.Action])
          .flat()
          .map(String)
      : [],
  );
}
/** Logs and X-Ray: what every function of the stack may do. */
const housekeeping = (action: string) => /^(logs|xray):/.test(action);

const machineId = logicalId('AWS::StepFunctions::StateMachine', 'DigestDailyDigestRun');
const machine = template.findResources('AWS::StepFunctions::StateMachine')[machineId];
const machineArn = refOf(machineId);
type State = Record<string, unknown> & { Type: string };
const definition = JSON.parse(
  (machine.Properties.DefinitionString['Fn::Join'][1] as unknown[])
    .map((part) => (typeof part === 'string' ? part : 'TOKEN'))
    .join(''),
) as { StartAt: string; States: Record<string, State>; TimeoutSeconds?: number };

describe('the daily digest run', () => {
  it('starts at 07:00 Vietnam time from a starter that may only start the digest run', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 0 * * ? *)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DigestStartDailyDigests'), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2 },
        }),
      ],
    });
    expect(actionsOf('DigestStartDailyDigestsRole').filter((a) => !housekeeping(a))).toEqual([
      'states:StartExecution',
    ]);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: "Daily 07:00 (Vietnam): starts the day's digest run",
      Environment: {
        Variables: Match.objectLike({ DIGEST_STATE_MACHINE_ARN: { Ref: machineId } }),
      },
    });
  });

  it('sends the shards in a Map with bounded concurrency, each a checkpointed loop that fails alone', () => {
    const map = definition.States[definition.StartAt] as State & {
      ItemProcessor: { StartAt: string; States: Record<string, State> };
    };
    expect(map).toMatchObject({
      Type: 'Map',
      ItemsPath: '$.shards',
      MaxConcurrency: DIGEST_SHARDS_AT_ONCE,
      ItemSelector: { 'day.$': '$.day', 'shard.$': '$$.Map.Item.Value' },
      ResultPath: '$.outcomes',
    });
    expect(DIGEST_SHARDS_AT_ONCE).toBeGreaterThan(1);
    const inner = map.ItemProcessor.States;
    const send = inner[map.ItemProcessor.StartAt];
    expect(send).toMatchObject({
      Type: 'Task',
      Retry: expect.arrayContaining([
        expect.objectContaining({ ErrorEquals: ['States.ALL'], MaxAttempts: 3 }),
      ]),
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'ShardFailed' }],
      Next: 'ShardFinished',
    });
    // The loop: while the slice answers a cursor, the next slice goes on from it.
    expect(inner.ShardFinished).toMatchObject({
      Type: 'Choice',
      Choices: [{ Variable: '$.cursor', IsPresent: true, Next: map.ItemProcessor.StartAt }],
      Default: 'ShardSent',
    });
    expect(inner.ShardFailed).toMatchObject({
      Type: 'Pass',
      Parameters: { 'shard.$': '$.shard', failed: true },
    });
    // After every shard: the summary, then the run fails if a shard did (the alarm sees it).
    expect(definition.States[String(map.Next)]).toMatchObject({ Type: 'Task' });
    expect(definition.States.EveryShardSent).toMatchObject({
      Choices: [{ Variable: '$.complete', BooleanEquals: true, Next: 'RunSent' }],
      Default: 'SomeShardsFailed',
    });
    expect(definition.States.SomeShardsFailed).toMatchObject({
      Type: 'Fail',
      Error: 'DigestShardsFailed',
    });
  });

  it('logs states without execution data (cursors name people), traces, and has a deadline', () => {
    expect(machine.Properties).toMatchObject({
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
    expect(definition.TimeoutSeconds).toBeLessThanOrEqual(6 * 3600);
  });

  it('gives the shard sender reads, puts and SES only, and the summary nothing', () => {
    const sender = actionsOf('DigestSendDailyDigestsRole');
    expect(sender.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
    expect(sender.filter((a) => a.startsWith('ses:'))).toEqual(['ses:SendEmail']);
    expect(sender.filter((a) => /^(states|sns|scheduler|cognito-idp|lambda):/.test(a))).toEqual([]);
    expect(actionsOf('DigestSummariseDailyDigestsRole').filter((a) => !housekeeping(a))).toEqual(
      [],
    );
  });

  it('pages the operators when a person is not reached or a shard or run fails', () => {
    const alarms = template.findResources('AWS::CloudWatch::Alarm');
    const [alarm] = Object.entries(alarms).filter(([id]) => id.startsWith('DigestDigestFailures'));
    const body = JSON.stringify(alarm[1].Properties);
    expect(body).toContain('"MetricName":"DigestFailures"');
    expect(body).toContain('"MetricName":"ExecutionsFailed"');
    expect(body).toContain(machineId);
    expect(JSON.stringify(alarm[1].Properties.AlarmActions)).toContain('OpsTopic');
  });
});

describe('the digest permissions as AWS evaluates them', () => {
  const session = (prefix: string) => {
    const fn = logicalId('AWS::Lambda::Function', prefix);
    return access.sessionOf(permissions.functionRoles.get(fn)!, refOf(fn));
  };
  const admission = refOf(logicalId('AWS::StepFunctions::StateMachine', 'WorkflowAdmission'));

  it('lets the starter start the digest run and nothing else', () => {
    const start = (resource: string) =>
      denialOf(() =>
        access.authorize({
          caller: session('DigestStartDailyDigests'),
          action: 'states:StartExecution',
          resource,
        }),
      );
    expect(start(machineArn)).toBeUndefined();
    expect(start(admission)).toMatchObject({ reason: 'noIdentityAllow' });
    const table = `arn:aws:dynamodb:${permissions.region}:${permissions.accountId}:table/${refOf(
      logicalId('AWS::DynamoDB::Table', 'StorageAdmissionTable'),
    )}`;
    expect(
      denialOf(() =>
        access.authorize({
          caller: session('DigestStartDailyDigests'),
          action: 'dynamodb:Query',
          resource: table,
        }),
      ),
    ).toMatchObject({ reason: 'noIdentityAllow' });
  });

  it('lets the run invoke its two functions only', () => {
    const invoked = (functionNameOrArn: string) =>
      denialOf(() =>
        authorizeStateMachineInvoke(access, {
          stateMachineArn: machineArn,
          executionArn: `${machineArn.replace(':stateMachine:', ':execution:')}:digest-1`,
          functionNameOrArn,
        }),
      );
    expect(invoked(fnArn('DigestSendDailyDigests'))).toBeUndefined();
    expect(invoked(fnArn('DigestSummariseDailyDigests'))).toBeUndefined();
    expect(invoked(fnArn('DigestStartDailyDigests'))).toMatchObject({
      reason: 'noIdentityAllow',
    });
    expect(invoked(fnArn('ApiNominate'))).toMatchObject({ reason: 'noIdentityAllow' });
  });

  it('lets the 07:00 rule invoke the starter, and no other rule', () => {
    const rule = arnOf(logicalId('AWS::Events::Rule', 'DigestDailyDigestSchedule'));
    const starter = fnArn('DigestStartDailyDigests');
    expect(
      denialOf(() => authorizeRuleInvoke(access, { ruleArn: rule, functionArn: starter })),
    ).toBeUndefined();
    expect(
      denialOf(() =>
        authorizeRuleInvoke(access, {
          ruleArn: rule,
          functionArn: fnArn('DigestSendDailyDigests'),
        }),
      ),
    ).toMatchObject({ reason: 'noResourceAllow' });
  });
});
