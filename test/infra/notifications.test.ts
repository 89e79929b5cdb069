import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AdmissionFunction } from '../../lib/constructs/admission-function';
import { Notifications } from '../../lib/notifications';

/** A stack with the topic and one function allowed to publish; `extra` adds something to it. */
function build(extra?: (stack: Stack, notifications: Notifications) => void) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'NotificationsTest');
  const notifications = new Notifications(stack, 'Notifications');
  const publisher = new AdmissionFunction(stack, 'Publisher', {
    entry: 'workflow/park-at-stage.ts',
    description: 'Publishes notifications',
  });
  notifications.grantPublish(publisher);
  new AdmissionFunction(stack, 'Bystander', {
    entry: 'api/get-candidate.ts',
    description: 'Does not publish',
  });
  extra?.(stack, notifications);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, notifications };
}

describe('Notifications', () => {
  const { stack } = build();
  const template = Template.fromStack(stack);
  const topicRef = { Ref: Match.stringLikeRegexp('^NotificationsTopic') };
  const keyArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataKey'), 'Arn'] };

  it('passes cdk-nag AwsSolutions (SNS2 encryption, SNS3 TLS) with no unacknowledged finding', () => {
    expect(() => build().app.synth()).not.toThrow();
  });

  it('fails cdk-nag for a topic without the key and TLS policy, so the check above can fail', () => {
    const careless = build((stack) => new sns.Topic(stack, 'Careless'));
    expect(() => careless.app.synth()).toThrow(/AwsSolutions-SNS[23]/);
  });

  it('encrypts the one topic with the stack data key', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: keyArn });
    template.resourceCountIs('AWS::KMS::Key', 1);
  });

  it('denies publishing without TLS', () => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [topicRef],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Resource: topicRef,
          }),
        ]),
      },
    });
  });

  it('grants publishing and the key, and sets NOTIFICATION_TOPIC_ARN, on the publisher only', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Publishes notifications',
      Environment: { Variables: Match.objectLike({ NOTIFICATION_TOPIC_ARN: topicRef }) },
    });
    const bystander = Object.values(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Description: 'Does not publish' },
      }),
    )[0];
    expect(bystander.Properties.Environment.Variables).not.toHaveProperty('NOTIFICATION_TOPIC_ARN');

    const policies = template.findResources('AWS::IAM::Policy');
    const statementsOf = (rolePrefix: string) =>
      Object.values(policies)
        .filter((p) =>
          (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref.startsWith(rolePrefix)),
        )
        .flatMap((p) => p.Properties.PolicyDocument.Statement as iam.PolicyStatementProps[]);
    const publisher = statementsOf('PublisherRole');
    const logicalIdOf = (type: string) => Object.keys(template.findResources(type))[0];
    expect(publisher).toContainEqual({
      Action: 'sns:Publish',
      Effect: 'Allow',
      Resource: { Ref: logicalIdOf('AWS::SNS::Topic') },
    });
    expect(publisher).toContainEqual({
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [logicalIdOf('AWS::KMS::Key'), 'Arn'] },
    });
    expect(JSON.stringify(statementsOf('BystanderRole'))).not.toContain('sns:Publish');
  });
});
