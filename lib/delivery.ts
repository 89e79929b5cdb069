import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { AdmissionFunction } from './constructs/admission-function';
import { DataKey } from './data-key';
import type { Storage } from './storage';

/** The environment variables `grantSend` sets; functions/adapters/ses-mailer.ts reads them. */
const MAIL_FROM_ENV = 'MAIL_FROM';
const MAIL_CONFIGURATION_SET_ENV = 'MAIL_CONFIGURATION_SET';
/** The sending domain when the `mailDomain` context value is not given (cdk.json). */
const DEFAULT_MAIL_DOMAIN = 'ketnap.example.vn';

/**
 * E-mail to people through Amazon SES: the sending domain's identity (DKIM; its DNS records are
 * the stack's outputs to publish), a configuration set every message goes through, and the
 * feedback loop — SES reports bounces and complaints to an encrypted SNS topic, a function
 * records them on the person (nothing more is sent to that address) and an alarm fires.
 *
 * `grantSend` lets a function send (ses:SendEmail on this identity and configuration set only)
 * and names the sender and configuration set to it, together.
 */
export class Delivery extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly feedbackTopic: sns.Topic;
  readonly feedback: AdmissionFunction;
  readonly problemsAlarm: cloudwatch.Alarm;
  readonly mailFrom: string;
  /** Known at synth (not a Ref), so that the grant names the configuration set's ARN exactly. */
  readonly configurationSetName: string;
  private readonly domain: string;

  constructor(scope: Construct, id: string, props: { storage: Storage }) {
    super(scope, id);
    const stack = Stack.of(this);
    this.domain = String(this.node.tryGetContext('mailDomain') ?? DEFAULT_MAIL_DOMAIN);
    this.mailFrom = `Ket nap dang vien <no-reply@${this.domain}>`;
    this.configurationSetName = `${stack.stackName}-mail`;
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: this.configurationSetName,
      // Sending stops on its own if bounces/complaints put the account at risk.
      reputationMetrics: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: ses.Identity.domain(this.domain),
      configurationSet: this.configurationSet,
    });

    const key = DataKey.of(this);
    this.feedbackTopic = new sns.Topic(this, 'FeedbackTopic', {
      displayName: 'SES bounces and complaints',
      masterKey: key,
      enforceSSL: true,
    });
    // SES publishes to the encrypted topic with the data key.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.snsTopic(this.feedbackTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });

    this.feedback = new AdmissionFunction(this, 'DeliveryFeedback', {
      entry: 'ops/delivery-feedback.ts',
      description: 'Records SES bounces and complaints on the person they concern',
    });
    props.storage.grantWriteCandidates(this.feedback);
    this.feedbackTopic.addSubscription(new subscriptions.LambdaSubscription(this.feedback));

    this.problemsAlarm = new cloudwatch.Alarm(this, 'DeliveryProblemsAlarm', {
      alarmDescription:
        'SES reported a bounce or a complaint: an officer no longer receives notifications (see the account in GET /accounts/{id}) / Thư bị trả lại hoặc bị khiếu nại',
      metric: this.feedbackTopic.metricNumberOfMessagesPublished({ period: Duration.hours(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  /** ses:SendEmail on the identity and the configuration set, nothing else; and the env vars. */
  grantSend(fn: lambda.Function): void {
    const stack = Stack.of(this);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: this.domain }),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSetName,
          }),
        ],
      }),
    );
    fn.addEnvironment(MAIL_FROM_ENV, this.mailFrom);
    fn.addEnvironment(MAIL_CONFIGURATION_SET_ENV, this.configurationSetName);
  }
}
