import { App, CfnResource, type Stack } from 'aws-cdk-lib';
import { AdmissionStack } from '../../lib/admission-stack';

/**
 * aws-cdk-lib checks every synthesized template against CloudFormation's resource schemas. Its
 * findings are warnings unless `@aws-cdk/core:validateAgainstDefaultRules` is set, and nothing
 * reads warnings, so this test turns them into failures, once for the stack. The other tests
 * synthesize with the check off (test/support/skip-cloudformation-validation.ts): it costs seconds
 * per synthesis and would only repeat what is proven here.
 */
function synthValidated(addExtra?: (stack: Stack) => void): void {
  const app = new App({
    builtinCloudFormationValidation: true,
    context: {
      'aws:cdk:bundling-stacks': [],
      '@aws-cdk/core:validateAgainstDefaultRules': true,
      '@aws-cdk/core:strictCfnValidateErrors': true,
    },
  });
  const stack = new AdmissionStack(app, 'ValidatedAdmission');
  addExtra?.(stack);
  app.synth();
}

describe("CloudFormation's resource schemas", () => {
  const validationSwitch = process.env.CDK_VALIDATION;
  beforeAll(() => delete process.env.CDK_VALIDATION);
  afterAll(() => (process.env.CDK_VALIDATION = validationSwitch));

  it('accept every resource of the stack, without a warning', () => {
    expect(() => synthValidated()).not.toThrow();
  });

  it('refuse a resource CloudFormation would refuse', () => {
    expect(() =>
      synthValidated(
        (stack) =>
          new CfnResource(stack, 'Careless', {
            type: 'AWS::SQS::Queue',
            properties: { VisibilityTimeout: 'a while', NoSuchProperty: true },
          }),
      ),
    ).toThrow(/'NoSuchProperty' was unexpected/);
  });
});
