import { App, type Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AdmissionStack } from '../../lib/admission-stack';

function synthWithNag(addExtra?: (stack: Stack) => void): void {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new AdmissionStack(app, 'NagAdmission');
  addExtra?.(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  app.synth();
}

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding on the stack', () => {
    expect(() => synthWithNag()).not.toThrow();
  });

  it('does fail synthesis on a finding nobody acknowledged', () => {
    // A queue without a dead-letter queue or TLS enforcement: AwsSolutions-SQS3 and SQS4.
    expect(() => synthWithNag((stack) => new sqs.Queue(stack, 'Careless'))).toThrow(
      /AwsSolutions-SQS/,
    );
  });
});
