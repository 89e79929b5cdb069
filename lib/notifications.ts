import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { acknowledgeWildcardAction } from './constructs/acknowledge-wildcard';
import { DataKey } from './data-key';

/** The environment variable `grantPublish` sets; `functions/adapters/sns-notifier.ts` reads it. */
const NOTIFICATION_TOPIC_ENV = 'NOTIFICATION_TOPIC_ARN';

/**
 * The topic every stage notification goes to (parked, reminder, escalation). Messages carry the
 * string attributes `role`, `unitId`, `stage`, `kind` (and `link` when there is one), so each
 * subscriber receives only what is addressed to their role at their unit.
 *
 * The topic is encrypted with the stack's data key (the body names the candidate) and refuses
 * anything but TLS. `grantPublish` grants publishing — including the key use that publishing to
 * an encrypted topic needs — and sets NOTIFICATION_TOPIC_ARN in one call.
 *
 * How an approver (or officer) subscribes in AWS — e-mail, or SMS (the body is long; SMS splits
 * or truncates it, so prefer e-mail), with a filter policy on the message attributes:
 *
 *   aws sns subscribe --topic-arn <NotificationTopicArn> --protocol email \
 *     --notification-endpoint approver@example.vn \
 *     --attributes '{"FilterPolicyScope":"MessageAttributes",
 *       "FilterPolicy":"{\"role\":[\"approver\"],\"unitId\":[\"dd-kdn\"]}"}'
 *
 * (`--protocol sms --notification-endpoint +8490…` for SMS.) The address confirms the
 * subscription from the e-mail SNS sends. In CDK the same is
 *
 *   topic.addSubscription(new subscriptions.EmailSubscription('approver@example.vn', {
 *     filterPolicy: {
 *       role: sns.SubscriptionFilter.stringFilter({ allowlist: ['approver'] }),
 *       unitId: sns.SubscriptionFilter.stringFilter({ allowlist: ['dd-kdn'] }),
 *     },
 *   }));
 *
 * A subscription without a filter policy receives every unit's notifications: always set one.
 * The e-mail subject is the ASCII transliteration of the notification subject (SNS subjects must
 * be ASCII); the body keeps the full Vietnamese text with the English below it.
 */
export class Notifications extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Ket nap dang vien - Admission pipeline',
      masterKey: DataKey.of(this),
      enforceSSL: true,
    });
  }

  grantPublish(fn: lambda.Function): void {
    this.topic.grantPublish(fn);
    fn.addEnvironment(NOTIFICATION_TOPIC_ENV, this.topic.topicArn);
    acknowledgeWildcardAction(
      fn.role!,
      'kms:GenerateDataKey*',
      'Publishing to a KMS-encrypted SNS topic needs kms:GenerateDataKey*, limited to the one data key of the topic.',
    );
  }
}
