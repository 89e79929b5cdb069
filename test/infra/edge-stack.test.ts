import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AdmissionStack } from '../../lib/admission-stack';
import { callerRateLimits } from '../../lib/caller-rate-limit';
import { NATIONAL_CAPACITY_MODEL } from '../../lib/capacity-model';
import { EdgeStack } from '../../lib/edge-stack';

/** A deployment outside us-east-1: the web ACL lives in bin/edge.ts's stack, in us-east-1. */
const env = { account: '111122223333', region: 'ap-southeast-1' };
const webAclArn =
  'arn:aws:wafv2:us-east-1:111122223333:global/webacl/AdmissionPipelineEdge-edge/0000';
const app = (context: Record<string, unknown> = {}) =>
  new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });

describe('the system outside us-east-1', () => {
  it('refuses to synthesize without the web ACL of the edge stack, saying what to run', () => {
    expect(() => new AdmissionStack(app(), 'Singapore', { env })).toThrow(
      /must be in us-east-1.*npm run edge:deploy.*webAclArn/,
    );
  });

  it('puts the given web ACL on the distribution and makes none of its own; cdk-nag passes', () => {
    const scope = app({ webAclArn });
    const stack = new AdmissionStack(scope, 'Singapore', { env });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: { WebACLId: webAclArn },
    });
    Validations.of(scope).addPlugins(new AwsSolutionsChecks(scope));
    expect(() => scope.synth()).not.toThrow();
  });

  it('makes the edge stack in us-east-1: the web ACL, and its alarm on a topic of its own', () => {
    const scope = app();
    const edge = new EdgeStack(scope, 'Edge', {
      env: { account: env.account },
      limits: callerRateLimits(NATIONAL_CAPACITY_MODEL),
    });
    expect(edge.region).toBe('us-east-1');
    const template = Template.fromStack(edge);
    template.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT' });
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: topicId }] });
    template.hasOutput('WebAclArn', {});
    Validations.of(scope).addPlugins(new AwsSolutionsChecks(scope));
    expect(() => scope.synth()).not.toThrow();
  });
});
