import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { callerRateLimits } from '../lib/caller-rate-limit';
import { capacityModel } from '../lib/capacity-model';
import { EdgeStack } from '../lib/edge-stack';

/**
 * The web firewall for a deployment outside us-east-1 (README, "Deploy to AWS"), as a CDK app of
 * its own so that the main app stays one stack (the local runtime reads one template):
 * `npm run edge:deploy`, then `npx cdk deploy -c webAclArn=<output WebAclArn>`.
 */
const app = new App();
new EdgeStack(app, 'AdmissionPipelineEdge', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT },
  description: 'Party admission pipeline: AWS WAF for the officers console (us-east-1)',
  limits: callerRateLimits(capacityModel(app.node.tryGetContext('capacityModel'))),
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
