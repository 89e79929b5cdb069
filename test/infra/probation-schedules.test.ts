import { Match } from 'aws-cdk-lib/assertions';
import { synthesizeTemplate } from './synthesize';

const { template } = synthesizeTemplate();

const logicalIdOf = (type: string, prefix: string) => {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  expect(ids).toHaveLength(1);
  return ids[0];
};

/** Every statement of the inline policies attached to roles whose logical id starts with `role`. */
function statementsOf(rolePrefix: string): { Action: string | string[]; Resource: unknown }[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(rolePrefix))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

describe('probation schedules (EventBridge Scheduler wakes the recognition workflow)', () => {
  const recognition = logicalIdOf(
    'AWS::StepFunctions::StateMachine',
    'WorkflowRecognitionStateMachine',
  );
  const schedulerRole = logicalIdOf('AWS::IAM::Role', 'WorkflowProbationSchedulerRole');
  const group = logicalIdOf('AWS::Scheduler::ScheduleGroup', 'WorkflowProbationSchedules');

  it('keeps the schedules in their own group', () => {
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', {
      Name: 'TestAdmission-probation',
    });
  });

  it('gives the scheduler a role that only starts the recognition state machine', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            // Scheduler presents the schedule group's ARN, not the schedule's.
            Condition: {
              StringEquals: {
                'aws:SourceAccount': { Ref: 'AWS::AccountId' },
                'aws:SourceArn': { 'Fn::GetAtt': [group, 'Arn'] },
              },
            },
          }),
        ],
      },
    });
    const statements = statementsOf(schedulerRole);
    expect(statements).toEqual([
      expect.objectContaining({
        Action: 'states:StartExecution',
        Resource: { Ref: recognition },
      }),
    ]);
  });

  it.each(['WorkflowApplyTransition', 'WorkflowResumeInFlight'])(
    'lets %s create schedules in that group only, passing that role only to the scheduler',
    (fn) => {
      const statements = statementsOf(`${fn}Role`);
      const create = statements.filter((s) =>
        [s.Action].flat().includes('scheduler:CreateSchedule'),
      );
      expect(create).toHaveLength(1);
      expect(JSON.stringify(create[0].Resource)).toContain(':schedule/TestAdmission-probation/*');
      expect(
        statements.flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith('scheduler:')),
      ).toEqual(['scheduler:CreateSchedule']);
      expect(statements).toContainEqual(
        expect.objectContaining({
          Action: 'iam:PassRole',
          Resource: { 'Fn::GetAtt': [schedulerRole, 'Arn'] },
          Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
        }),
      );
      const fnId = logicalIdOf('AWS::Lambda::Function', fn);
      const env =
        template.findResources('AWS::Lambda::Function')[fnId].Properties.Environment.Variables;
      expect(env).toMatchObject({
        PROBATION_SCHEDULE_GROUP: 'TestAdmission-probation',
        PROBATION_SCHEDULER_ROLE_ARN: { 'Fn::GetAtt': [schedulerRole, 'Arn'] },
      });
      expect(JSON.stringify(env.RECOGNITION_STATE_MACHINE_ARN)).toContain(
        ':stateMachine:TestAdmission-recognition',
      );
    },
  );

  it('gives no other function scheduler permissions or the right to pass the role', () => {
    const others = Object.values(template.findResources('AWS::IAM::Policy')).filter(
      (p) => !/ApplyTransition|ResumeInFlight/.test(JSON.stringify(p.Properties.Roles)),
    );
    const text = JSON.stringify(others.map((p) => p.Properties.PolicyDocument));
    expect(text).not.toContain('scheduler:');
    expect(text).not.toContain('iam:PassRole');
  });
});
