import { CfnOutput, Stack, type StackProps, Token } from 'aws-cdk-lib';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type Construct } from 'constructs';
import { Api } from './api';
import { callerRateLimits } from './caller-rate-limit';
import { capacityModel } from './capacity-model';
import { Console } from './console';
import { AdmissionFunction } from './constructs/admission-function';
import { DailyDigest } from './daily-digest';
import { Delivery } from './delivery';
import { Identity } from './identity';
import { Notifications } from './notifications';
import { Observability } from './observability';
import { QuotaReporting } from './quota-reporting';
import { Repair } from './repair';
import { SigningSecret } from './secrets';
import { Storage } from './storage';
import { CLOUDFRONT_WAF_REGION, WebFirewall } from './web-firewall';
import { Workflow } from './workflow';

/** The whole system: storage, the admission workflow, and the officers' API. */
export class AdmissionStack extends Stack {
  readonly storage: Storage;
  readonly notifications: Notifications;
  /** Keys the ID-number fingerprints and signs approval links. */
  readonly signing: SigningSecret;
  readonly workflow: Workflow;
  /** The in-flight index and the repair of executions that ended without a terminal stage. */
  readonly repair: Repair;
  readonly identity: Identity;
  /** E-mail to people (SES), with bounces and complaints recorded on the person. */
  readonly delivery: Delivery;
  readonly api: Api;
  readonly quotas: QuotaReporting;
  readonly digest: DailyDigest;
  readonly observability: Observability;
  /**
   * AWS WAF in front of the console's distribution (managed rules, per-caller limits), when the
   * stack is in us-east-1 or environment-agnostic; elsewhere it is bin/edge.ts's stack.
   */
  readonly firewall?: WebFirewall;
  /** The officers' console: S3 and CloudFront, the API under /api, Cognito managed login. */
  readonly console: Console;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.storage = new Storage(this, 'Storage');
    this.notifications = new Notifications(this, 'Notifications');
    this.signing = new SigningSecret(this, 'Signing');
    this.workflow = new Workflow(this, 'Workflow', {
      storage: this.storage,
      notifications: this.notifications,
    });
    this.repair = new Repair(this, 'Repair', { storage: this.storage, workflow: this.workflow });
    this.identity = new Identity(this, 'Identity');
    this.delivery = new Delivery(this, 'Delivery', { storage: this.storage });
    this.api = new Api(this, 'Api', {
      delivery: this.delivery,
      storage: this.storage,
      workflow: this.workflow,
      identity: this.identity,
      signing: this.signing,
      notifications: this.notifications,
    });
    this.workflow.deliverToPeople({
      delivery: this.delivery,
      signing: this.signing,
      approvalBaseUrl: this.api.httpApi.apiEndpoint,
    });

    this.firewall = this.webFirewallHere()
      ? new WebFirewall(this, 'Firewall', {
          limits: callerRateLimits(capacityModel(this.node.tryGetContext('capacityModel'))),
        })
      : undefined;
    this.console = new Console(this, 'Console', {
      httpApi: this.api.httpApi,
      identity: this.identity,
      webAclArn: this.firewall?.webAcl.attrArn ?? this.edgeWebAclArn(),
    });

    this.digest = new DailyDigest(this, 'Digest', {
      storage: this.storage,
      delivery: this.delivery,
    });

    // Quotas and operations: the hourly attainment job, the quota widget, dashboard and alarms.
    this.quotas = new QuotaReporting(this, 'Quotas', { storage: this.storage });
    this.observability = new Observability(this, 'Observability', {
      stateMachine: this.workflow.stateMachine,
      recognitionStateMachine: this.workflow.recognitionStateMachine,
      scheduleDeadLetterQueue: this.workflow.scheduleDeadLetters.queue,
      httpApi: this.api.httpApi,
      apiThrottles: this.api.throttledRequests,
      functions: this.node
        .findAll()
        .filter((c): c is AdmissionFunction => c instanceof AdmissionFunction),
      table: this.storage.table,
      quotaWidgetFunction: this.quotas.widget,
    });
    // Bounces and complaints page the operators like the other alarms; so do callers blocked by
    // the web firewall's rate rules, and digests that did not go out.
    for (const alarm of [
      this.delivery.problemsAlarm,
      this.digest.failuresAlarm,
      this.firewall?.rateLimitedAlarm ?? [],
    ].flat()) {
      alarm.addAlarmAction(new cloudwatchActions.SnsAction(this.observability.alarmTopic));
    }

    new CfnOutput(this, 'ConsoleUrl', { value: this.console.url, key: 'ConsoleUrl' });
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName, key: 'TableName' });
    new CfnOutput(this, 'NotificationTopicArn', {
      value: this.notifications.topic.topicArn,
      key: 'NotificationTopicArn',
    });
    new CfnOutput(this, 'StateMachineArn', {
      value: this.workflow.stateMachine.stateMachineArn,
      key: 'StateMachineArn',
    });
    new CfnOutput(this, 'RecognitionStateMachineArn', {
      value: this.workflow.recognitionStateMachine.stateMachineArn,
      key: 'RecognitionStateMachineArn',
    });
  }

  /**
   * A CloudFront web ACL can only be made in us-east-1; an environment-agnostic stack (the tests,
   * the local runtime) is taken to be deployed there.
   */
  private webFirewallHere(): boolean {
    return Token.isUnresolved(this.region) || this.region === CLOUDFRONT_WAF_REGION;
  }

  /** In another region the web ACL comes from bin/edge.ts's stack, by the `webAclArn` context. */
  private edgeWebAclArn(): string {
    const arn: unknown = this.node.tryGetContext('webAclArn');
    if (typeof arn !== 'string' || !arn.startsWith('arn:')) {
      throw new Error(
        `The console's web ACL must be in ${CLOUDFRONT_WAF_REGION} and this stack is in ${this.region}: ` +
          'run `npm run edge:deploy`, then deploy with `-c webAclArn=<its output WebAclArn>` (README, "Deploy to AWS").',
      );
    }
    return arn;
  }
}
