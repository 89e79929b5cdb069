import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { AdmissionStack } from '../../lib/admission-stack';

/**
 * aws-cdk-lib checks every synthesized template against CloudFormation's resource schemas. Its
 * findings are warnings unless `@aws-cdk/core:validateAgainstDefaultRules` is set, and nothing
 * reads warnings, so this test turns them into failures, once for the stack. The other tests
 * synthesize with the check off (test/support/skip-cloudformation-validation.ts): it costs seconds
 * per synthesis and would only repeat what is proven here.
 */
const validatedApp = () =>
  new App({
    builtinCloudFormationValidation: true,
    context: {
      'aws:cdk:bundling-stacks': [],
      '@aws-cdk/core:validateAgainstDefaultRules': true,
      '@aws-cdk/core:strictCfnValidateErrors': true,
    },
  });

describe("CloudFormation's resource schemas", () => {
  const validationSwitch = process.env.CDK_VALIDATION;
  beforeAll(() => delete process.env.CDK_VALIDATION);
  afterAll(() => {
    if (validationSwitch !== undefined) process.env.CDK_VALIDATION = validationSwitch;
  });

  it('accept every resource of the stack, without a warning', () => {
    const app = validatedApp();
    new AdmissionStack(app, 'ValidatedAdmission');
    expect(() => app.synth()).not.toThrow();
  });

  it('refuse a resource CloudFormation would refuse (a stack of its own: the check is per resource)', () => {
    const app = validatedApp();
    new CfnResource(new Stack(app, 'Careless'), 'Careless', {
      type: 'AWS::SQS::Queue',
      properties: { VisibilityTimeout: 'a while', NoSuchProperty: true },
    });
    expect(() => app.synth()).toThrow(/'NoSuchProperty' was unexpected/);
  });
});
