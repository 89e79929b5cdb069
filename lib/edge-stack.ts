import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { type Construct } from 'constructs';
import { type CallerRateLimits } from './caller-rate-limit';
import { createAlarmTopic } from './observability';
import { CLOUDFRONT_WAF_REGION, WebFirewall } from './web-firewall';

/**
 * The web firewall on its own, in us-east-1, for a system deployed in another region
 * (bin/edge.ts): a CloudFront web ACL and its metrics exist only in us-east-1, and an alarm can
 * only notify a topic of its own region, so the blocked-requests alarm has its own topic here.
 * The main stack is then deployed with `-c webAclArn=<output WebAclArn>`.
 */
export class EdgeStack extends Stack {
  readonly firewall: WebFirewall;
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: StackProps & { limits: CallerRateLimits }) {
    const { limits, ...stackProps } = props;
    super(scope, id, {
      ...stackProps,
      env: { ...stackProps.env, region: CLOUDFRONT_WAF_REGION },
    });
    this.firewall = new WebFirewall(this, 'Firewall', { limits });
    this.alarmTopic = createAlarmTopic(this);
    this.firewall.rateLimitedAlarm.addAlarmAction(new cloudwatchActions.SnsAction(this.alarmTopic));
    new CfnOutput(this, 'WebAclArn', { value: this.firewall.webAcl.attrArn, key: 'WebAclArn' });
    new CfnOutput(this, 'EdgeAlarmTopicArn', {
      value: this.alarmTopic.topicArn,
      key: 'EdgeAlarmTopicArn',
    });
  }
}
