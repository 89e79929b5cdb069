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
  const deadLetterQueue = logicalIdOf('AWS::SQS::Queue', 'WorkflowScheduleDeadLetters');
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
      // With EventBridge Scheduler the dead-letter permission is on the execution role.
      expect.objectContaining({
        Action: 'sqs:SendMessage',
        Resource: { 'Fn::GetAtt': [deadLetterQueue, 'Arn'] },
      }),
    ]);
  });

  it.each([
    'WorkflowApplyTransition',
    'WorkflowResumeInFlight',
    'RepairExecutionRepair',
    'ApiOnboarding',
  ])(
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
      (p) =>
        !/ApplyTransition|ResumeInFlight|ExecutionRepair|ApiOnboarding/.test(
          JSON.stringify(p.Properties.Roles),
        ),
    );
    const text = JSON.stringify(others.map((p) => p.Properties.PolicyDocument));
    expect(text).not.toContain('scheduler:');
    expect(text).not.toContain('iam:PassRole');
  });
});

describe('undelivered probation wake-ups (the scheduler dead-letter queue)', () => {
  const queueId = logicalIdOf('AWS::SQS::Queue', 'WorkflowScheduleDeadLetters');

  it('is a standard queue, encrypted, reachable over TLS only', () => {
    const queue = template.findResources('AWS::SQS::Queue')[queueId];
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true });
    expect(queue.Properties.FifoQueue).toBeUndefined();
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it.each(['WorkflowApplyTransition', 'WorkflowResumeInFlight', 'RepairExecutionRepair'])(
    'is named to %s, which writes it into each schedule, and only the scheduler role may send to it',
    (fn) => {
      const [lambda] = Object.values(template.findResources('AWS::Lambda::Function')).filter((f) =>
        JSON.stringify(f.Properties.Role).includes(fn),
      );
      expect(lambda.Properties.Environment.Variables.SCHEDULE_DEAD_LETTER_QUEUE_ARN).toEqual({
        'Fn::GetAtt': [queueId, 'Arn'],
      });
      const sending = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
        JSON.stringify(p.Properties.PolicyDocument).includes('sqs:'),
      );
      expect(sending.map((p) => JSON.stringify(p.Properties.Roles))).toEqual([
        expect.stringContaining('WorkflowProbationSchedulerRole'),
      ]);
    },
  );

  it('alarms as soon as one message is visible', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });
});
