/**
 * The stack's permissions as AWS evaluates them: the synthesized template read by the local
 * runtime's IAM (lib/local/iam), each service path asked the question AWS asks.
 */
import { AccessDenied } from '../../lib/local/iam/access-control';
import {
  authorizeAlarmActions,
  authorizeRuleInvoke,
  authorizeScheduleTarget,
  authorizeStateMachineInvoke,
} from '../../lib/local/iam/service-paths';
import { authorizePublish, sesGuard } from '../../lib/local/iam/service-guards';
import { accessKeyIdFor } from '../../lib/local/iam/access-control';
import { readMailSetup } from '../../lib/local/ses-endpoint';
import { evaluatedTemplate } from './evaluated-template';

const { cfn, resolve, permissions, access, logicalId, arnOf, refOf } = evaluatedTemplate();
const functionSession = (prefix: string) => {
  const fn = logicalId('AWS::Lambda::Function', prefix);
  return access.sessionOf(permissions.functionRoles.get(fn)!, refOf(fn));
};
const denialOf = (attempt: () => void) => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof AccessDenied) return error.denial;
    if (error instanceof Error) return { message: error.message };
  }
  return undefined;
};

const { region, accountId } = permissions;
const table = `arn:aws:dynamodb:${region}:${accountId}:table/${refOf(
  logicalId('AWS::DynamoDB::Table', 'StorageAdmissionTable'),
)}`;
const admission = refOf(logicalId('AWS::StepFunctions::StateMachine', 'WorkflowAdmission'));
const recognition = refOf(logicalId('AWS::StepFunctions::StateMachine', 'WorkflowRecognition'));

describe('EventBridge Scheduler and the probation role', () => {
  const role = arnOf(logicalId('AWS::IAM::Role', 'WorkflowProbationSchedulerRole'));
  const schedule = (groupName: string) =>
    denialOf(() =>
      authorizeScheduleTarget(access, {
        roleArn: role,
        groupName,
        scheduleName: 'probation-c1',
        action: 'states:StartExecution',
        target: recognition,
      }),
    );

  it('assumes the role with the schedule group ARN it presents, and starts recognition', () => {
    expect(schedule('TestAdmission-probation')).toBeUndefined();
  });

  it('is refused for a schedule of another group (confused deputy)', () => {
    expect(schedule('default')).toMatchObject({
      action: 'sts:AssumeRole',
      principal: 'scheduler.amazonaws.com',
      reason: 'noResourceAllow',
    });
  });

  it('cannot start the admission workflow with that role', () => {
    expect(
      denialOf(() =>
        authorizeScheduleTarget(access, {
          roleArn: role,
          groupName: 'TestAdmission-probation',
          scheduleName: 'probation-c1',
          action: 'states:StartExecution',
          target: admission,
        }),
      ),
    ).toMatchObject({ action: 'states:StartExecution', reason: 'noIdentityAllow' });
  });
});

describe('CloudWatch alarms and the ops topic', () => {
  const alarms = [...permissions.alarmActions.keys()];
  it.each(alarms)('%s may publish to its topic (topic policy and key policy)', (alarm) => {
    expect(denialOf(() => authorizeAlarmActions(access, alarm))).toBeUndefined();
  });

  it('refuses a publication without TLS (the enforceSSL Deny)', () => {
    const [alarm] = alarms;
    const [topic] = permissions.alarmActions.get(alarm)!;
    expect(
      denialOf(() =>
        authorizePublish(access, { service: 'cloudwatch.amazonaws.com' }, topic, {
          'aws:SourceArn': alarm,
          'aws:SourceAccount': accountId,
          'aws:SecureTransport': 'false',
        }),
      ),
    ).toMatchObject({ message: expect.stringMatching(/explicit deny in a resource-based policy/) });
  });

  it('refuses an alarm of another account', () => {
    const [alarm] = alarms;
    const [topic] = permissions.alarmActions.get(alarm)!;
    expect(
      denialOf(() =>
        authorizePublish(access, { service: 'cloudwatch.amazonaws.com' }, topic, {
          'aws:SourceArn': alarm.replace(accountId, '111122223333'),
          'aws:SourceAccount': '111122223333',
        }),
      ),
    ).toMatchObject({ message: expect.stringMatching(/not authorized to perform: SNS:Publish/) });
  });
});

describe('function roles, least privilege', () => {
  const allowed = (prefix: string, action: string, resource: string) =>
    denialOf(() => access.authorize({ caller: functionSession(prefix), action, resource }));

  it('lets SubmitAction complete the task tokens of both workflows', () => {
    expect(allowed('ApiSubmitAction', 'states:SendTaskSuccess', admission)).toBeUndefined();
    expect(allowed('ApiSubmitAction', 'states:SendTaskFailure', recognition)).toBeUndefined();
  });

  it('lets ApplyTransition write the table and its transactions, and read the indexes', () => {
    expect(allowed('WorkflowApplyTransition', 'dynamodb:PutItem', table)).toBeUndefined();
    expect(
      allowed('WorkflowApplyTransition', 'dynamodb:ConditionCheckItem', table),
    ).toBeUndefined();
    expect(
      allowed('WorkflowApplyTransition', 'dynamodb:Query', `${table}/index/GSI1`),
    ).toBeUndefined();
  });

  it('lets the audit export query the unit audit index and GSI3, and nothing wider', () => {
    for (const index of ['UnitAudit', 'GSI3']) {
      expect(
        allowed('ApiExportAudit', 'dynamodb:Query', `${table}/index/${index}`),
      ).toBeUndefined();
    }
    expect(allowed('ApiExportAudit', 'dynamodb:Scan', `${table}/index/UnitAudit`)).toMatchObject({
      reason: 'noIdentityAllow',
    });
    expect(allowed('ApiExportAudit', 'dynamodb:PutItem', table)).toMatchObject({
      reason: 'noIdentityAllow',
    });
  });

  it('lets the digest sender read its shards and note sends, never scan', () => {
    for (const action of ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem']) {
      expect(allowed('DigestSendDailyDigests', action, table)).toBeUndefined();
    }
    expect(allowed('DigestSendDailyDigests', 'dynamodb:Scan', table)).toMatchObject({
      reason: 'noIdentityAllow',
    });
  });

  it('keeps read-only functions read-only, with the AWS message', () => {
    const denial = allowed('ApiGetCandidate', 'dynamodb:PutItem', table);
    expect(denial?.message).toBe(
      `User: arn:aws:sts::${accountId}:assumed-role/${
        permissions.roles.get(
          permissions.functionRoles.get(logicalId('AWS::Lambda::Function', 'ApiGetCandidate'))!,
        )!.name
      }/${refOf(logicalId('AWS::Lambda::Function', 'ApiGetCandidate'))} is not authorized to perform: dynamodb:PutItem on resource: ${table} because no identity-based policy allows the dynamodb:PutItem action`,
    );
  });

  it('lets ApplyTransition create probation schedules only in the probation group', () => {
    const schedule = (group: string) =>
      `arn:aws:scheduler:${region}:${accountId}:schedule/${group}/probation-c1`;
    expect(
      allowed(
        'WorkflowApplyTransition',
        'scheduler:CreateSchedule',
        schedule('TestAdmission-probation'),
      ),
    ).toBeUndefined();
    expect(
      allowed('WorkflowApplyTransition', 'scheduler:CreateSchedule', schedule('default')),
    ).toMatchObject({ reason: 'noIdentityAllow' });
  });
});

describe('services invoking functions', () => {
  const fn = (prefix: string) => arnOf(logicalId('AWS::Lambda::Function', prefix));
  const invokedBy = (stateMachineArn: string, functionNameOrArn: string) =>
    denialOf(() =>
      authorizeStateMachineInvoke(access, {
        stateMachineArn,
        executionArn: `${stateMachineArn.replace(':stateMachine:', ':execution:')}:e1`,
        functionNameOrArn,
      }),
    );

  it('lets each state machine role invoke its task functions, qualified ARNs included', () => {
    expect(invokedBy(admission, fn('WorkflowParkAtStage'))).toBeUndefined();
    expect(invokedBy(admission, `${fn('WorkflowApplyTransition')}:$LATEST`)).toBeUndefined();
    expect(invokedBy(recognition, fn('WorkflowEndProbation'))).toBeUndefined();
  });

  it('refuses a function that is no task of the machine', () => {
    expect(invokedBy(admission, fn('WorkflowEndProbation'))).toMatchObject({
      action: 'lambda:InvokeFunction',
      reason: 'noIdentityAllow',
    });
    expect(invokedBy(admission, fn('ApiNominate'))).toMatchObject({ reason: 'noIdentityAllow' });
  });

  it('lets the hourly rule invoke PublishAttainment through its Lambda permission only', () => {
    const rule = arnOf(logicalId('AWS::Events::Rule', 'QuotasPublishAttainmentSchedule'));
    const target = fn('QuotasPublishAttainment');
    expect(
      denialOf(() => authorizeRuleInvoke(access, { ruleArn: rule, functionArn: target })),
    ).toBeUndefined();
    expect(
      denialOf(() =>
        authorizeRuleInvoke(access, { ruleArn: `${rule}-other`, functionArn: target }),
      ),
    ).toMatchObject({ principal: 'events.amazonaws.com', reason: 'noResourceAllow' });
  });
});

describe('sending e-mail (SESv2 SendEmail: the identity and the configuration set)', () => {
  const guard = sesGuard(access);
  const mail = readMailSetup(cfn, resolve);
  const [identity] = mail.identities;
  const [configurationSet] = mail.configurationSets;
  /** A SendEmail signed with the credentials the local runtime gives the function. */
  const send = (prefix: string, sending: { identity: string; configurationSet?: string }) => {
    const fn = logicalId('AWS::Lambda::Function', prefix);
    access.credentialsFor(fn, refOf(fn));
    const headers = {
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyIdFor(fn)}/20260101/${region}/ses/aws4_request`,
    };
    return denialOf(() => guard({ headers } as never, sending));
  };

  it('lets the park step and Accounts send through the stack identity and configuration set', () => {
    expect(mail.identities).toHaveLength(1);
    expect(mail.configurationSets).toHaveLength(1);
    expect(send('WorkflowPark', { identity, configurationSet })).toBeUndefined();
    expect(send('WorkflowWatchDeadline', { identity, configurationSet })).toBeUndefined();
    expect(send('ApiAccounts', { identity, configurationSet })).toBeUndefined();
  });

  it('refuses another identity or configuration set, and functions without the grant', () => {
    expect(
      send('WorkflowPark', { identity: 'other.example.vn', configurationSet })?.message,
    ).toMatch(
      `ses:SendEmail on resource: arn:aws:ses:${region}:${accountId}:identity/other.example.vn because no identity-based policy allows`,
    );
    expect(send('WorkflowPark', { identity, configurationSet: 'other-set' })?.message).toMatch(
      `ses:SendEmail on resource: arn:aws:ses:${region}:${accountId}:configuration-set/other-set because`,
    );
    expect(send('ApiGetCandidate', { identity, configurationSet })?.message).toMatch(
      new RegExp(
        `is not authorized to perform: ses:SendEmail on resource: arn:aws:ses:${region}:${accountId}:identity/${identity.replace(/\./g, '\\.')} because no identity-based policy allows the ses:SendEmail action$`,
      ),
    );
  });
});
