import { Match } from 'aws-cdk-lib/assertions';
import { synthesizeTemplate } from './synthesize';

/**
 * E-mail to people through SES: the identity and configuration set, the bounce and complaint
 * loop (SES → encrypted SNS topic → function, alarmed), and sending granted on exactly the
 * identity and configuration set ARNs to exactly the functions that tell people.
 */
const { template } = synthesizeTemplate();

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
const sendStatements = () =>
  Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) =>
    (policy.Properties.PolicyDocument.Statement as Statement[])
      .filter((s) => [s.Action].flat().some((a) => a.startsWith('ses:')))
      .map((statement) => ({ roles: JSON.stringify(policy.Properties.Roles), statement })),
  );

describe('delivery through SES', () => {
  it('has a sending domain identity (DKIM) bound to a configuration set that requires TLS', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'TestAdmission-mail',
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      SuppressionOptions: { SuppressedReasons: Match.arrayWith(['BOUNCE', 'COMPLAINT']) },
    });
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'ketnap.example.vn',
      ConfigurationSetAttributes: { ConfigurationSetName: Match.anyValue() },
    });
  });

  it('sends bounces and complaints to an encrypted topic a function subscribes to, and alarms', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayEquals(['bounce', 'complaint']),
        SnsDestination: { TopicARN: { Ref: Match.stringLikeRegexp('^DeliveryFeedbackTopic') } },
      },
    });
    template.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'SES bounces and complaints',
      KmsMasterKeyId: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: Match.stringLikeRegexp('^DeliveryFeedbackTopic') },
      Endpoint: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DeliveryDeliveryFeedback'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'NumberOfMessagesPublished',
      Namespace: 'AWS/SNS',
      Threshold: 1,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('OpsTopic') }],
    });
    // SES may use the data key to publish to the encrypted topic, for this account only.
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'ses.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ]),
      },
    });
  });

  it('grants ses:SendEmail only, on the identity and configuration set only, to the functions that tell people', () => {
    const grants = sendStatements();
    const roles = grants.map((g) => /"(\w+?Role)[0-9A-F]{8}"/.exec(g.roles)?.[1]).sort();
    expect(roles).toEqual([
      'ApiAccountsRole',
      'DigestSendDailyDigestsRole',
      'WorkflowParkAtStageRole',
      'WorkflowWatchDeadlineRole',
    ]);
    for (const { statement } of grants) {
      expect(statement.Action).toBe('ses:SendEmail');
      const resources = JSON.stringify(statement.Resource);
      expect(resources).toContain(':identity/ketnap.example.vn');
      expect(resources).toContain(':configuration-set/TestAdmission-mail');
      expect([statement.Resource].flat()).toHaveLength(2);
      expect(resources).not.toContain('*');
    }
  });

  it('names the sender and configuration set to the functions it grants', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Records the pending human step a candidate waits at',
      Environment: {
        Variables: Match.objectLike({
          MAIL_FROM: 'Ket nap dang vien <no-reply@ketnap.example.vn>',
          MAIL_CONFIGURATION_SET: 'TestAdmission-mail',
        }),
      },
    });
  });
});
