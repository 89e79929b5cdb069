import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AdmissionStack } from '../lib/admission-stack';

const app = new App();
new AdmissionStack(app, 'AdmissionPipeline', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  description: 'Party admission pipeline (quần chúng ưu tú → đảng viên): API, workflow, storage',
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
