/**
 * aws-cdk-lib validates every template it synthesizes against CloudFormation's resource schemas:
 * seconds of CPU per synthesis, and unit and infrastructure tests synthesize the stack dozens of
 * times. test/infra/cloudformation-validation.test.ts runs the check once, with its findings as
 * failures; every other synthesis in a test skips it. (Each test file gets its own process.env.)
 */
process.env.CDK_VALIDATION = 'false';
