/**
 * Repair without scans: the in-flight index, the rule on Step Functions' execution status events,
 * its target's permission and the least privilege of the repair function, evaluated as AWS does
 * (the local runtime's IAM reading the synthesized template).
 */
import { Match } from 'aws-cdk-lib/assertions';
import { authorizeRuleInvoke } from '../../lib/local/iam/service-paths';
import { denialOf, evaluatedTemplate } from './evaluated-template';

const { template, resolve, permissions, access, logicalId, arnOf, refOf } = evaluatedTemplate(
  () => undefined,
);
const { region, accountId } = permissions;

const table = `arn:aws:dynamodb:${region}:${accountId}:table/${refOf(
  logicalId('AWS::DynamoDB::Table', 'StorageAdmissionTable'),
)}`;
const admission = refOf(logicalId('AWS::StepFunctions::StateMachine', 'WorkflowAdmission'));
const recognition = refOf(logicalId('AWS::StepFunctions::StateMachine', 'WorkflowRecognition'));
const repairFunction = logicalId('AWS::Lambda::Function', 'RepairExecutionRepair');
const rule = logicalId('AWS::Events::Rule', 'RepairExecutionEnded');

describe('the in-flight index', () => {
  it('is a sparse GSI keyed by a shard number, the id in order within it', () => {
    const [tableResource] = Object.values(template.findResources('AWS::DynamoDB::Table')).filter(
      (t) => JSON.stringify(t.Properties.KeySchema).includes('"PK"'),
    );
    const index = (tableResource.Properties.GlobalSecondaryIndexes as { IndexName: string }[]).find(
      (i) => i.IndexName === 'InFlight',
    );
    expect(index).toEqual({
      IndexName: 'InFlight',
      KeySchema: [
        { AttributeName: 'inFlightShard', KeyType: 'HASH' },
        { AttributeName: 'inFlightSK', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    });
    expect(tableResource.Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining([
        { AttributeName: 'inFlightShard', AttributeType: 'N' },
        { AttributeName: 'inFlightSK', AttributeType: 'S' },
      ]),
    );
  });
});

describe('the rule on execution status events', () => {
  it('matches the admission machines ending FAILED, TIMED_OUT or ABORTED, nothing else', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.states'],
        'detail-type': ['Step Functions Execution Status Change'],
        detail: {
          status: ['FAILED', 'TIMED_OUT', 'ABORTED'],
          stateMachineArn: [Match.anyValue(), Match.anyValue()],
        },
      },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [repairFunction, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        }),
      ],
    });
    const pattern = template.findResources('AWS::Events::Rule')[rule].Properties.EventPattern;
    expect(resolve(pattern.detail.stateMachineArn)).toEqual([admission, recognition]);
  });

  it('reaches the repair function through its Lambda permission, from this rule only', () => {
    const functionArn = arnOf(repairFunction);
    const ruleArn = arnOf(rule);
    expect(denialOf(() => authorizeRuleInvoke(access, { ruleArn, functionArn }))).toBeUndefined();
    expect(
      denialOf(() => authorizeRuleInvoke(access, { ruleArn: `${ruleArn}-other`, functionArn })),
    ).toMatchObject({ principal: 'events.amazonaws.com', reason: 'noResourceAllow' });
    // The sweep's schedule may not invoke it either.
    const schedule = arnOf(logicalId('AWS::Events::Rule', 'WorkflowResumeSchedule'));
    expect(
      denialOf(() => authorizeRuleInvoke(access, { ruleArn: schedule, functionArn })),
    ).toMatchObject({ reason: 'noResourceAllow' });
  });
});

describe('the repair function, least privilege', () => {
  const session = access.sessionOf(
    permissions.functionRoles.get(repairFunction)!,
    refOf(repairFunction),
  );
  const allowed = (action: string, resource: string) =>
    denialOf(() => access.authorize({ caller: session, action, resource }));
  const execution = (machine: string) =>
    `${machine.replace(':stateMachine:', ':execution:')}:c1-g2`;

  it('reads one candidate and records its next execution: GetItem and UpdateItem only', () => {
    expect(allowed('dynamodb:GetItem', table)).toBeUndefined();
    expect(allowed('dynamodb:UpdateItem', table)).toBeUndefined();
    for (const action of [
      'dynamodb:Scan',
      'dynamodb:Query',
      'dynamodb:PutItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
    ]) {
      expect([action, allowed(action, table)]).toEqual([
        action,
        expect.objectContaining({ reason: 'noIdentityAllow' }),
      ]);
    }
    expect(allowed('dynamodb:Query', `${table}/index/InFlight`)).toMatchObject({
      reason: 'noIdentityAllow',
    });
  });

  it('starts and describes executions of the two machines, and nothing else of Step Functions', () => {
    expect(allowed('states:StartExecution', admission)).toBeUndefined();
    expect(allowed('states:StartExecution', recognition)).toBeUndefined();
    expect(allowed('states:DescribeExecution', execution(admission))).toBeUndefined();
    expect(allowed('states:StopExecution', execution(admission))).toMatchObject({
      reason: 'noIdentityAllow',
    });
    expect(allowed('states:SendTaskSuccess', admission)).toMatchObject({
      reason: 'noIdentityAllow',
    });
  });

  it('creates probation schedules only in the probation group', () => {
    const schedule = (group: string) =>
      `arn:aws:scheduler:${region}:${accountId}:schedule/${group}/probation-c1`;
    expect(
      allowed('scheduler:CreateSchedule', schedule('TestAdmission-probation')),
    ).toBeUndefined();
    expect(allowed('scheduler:CreateSchedule', schedule('default'))).toMatchObject({
      reason: 'noIdentityAllow',
    });
    expect(allowed('scheduler:DeleteSchedule', schedule('TestAdmission-probation'))).toMatchObject({
      reason: 'noIdentityAllow',
    });
  });
});
