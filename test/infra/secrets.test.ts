import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AdmissionFunction } from '../../lib/constructs/admission-function';
import { SigningSecret, SIGNING_SECRET_ENV } from '../../lib/secrets';

/** A stack with the signing secret read by one function; `extra` adds something to it. */
function build(extra?: (stack: Stack) => void) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'SecretsTest');
  const signing = new SigningSecret(stack, 'Signing');
  const reader = new AdmissionFunction(stack, 'Reader', {
    entry: 'api/get-candidate.ts',
    description: 'reads the signing key',
  });
  new AdmissionFunction(stack, 'Bystander', {
    entry: 'api/get-candidate.ts',
    description: 'does not read it',
  });
  signing.grantRead(reader);
  extra?.(stack);
  return { app, stack, signing };
}

const secretRef = { Ref: Match.stringLikeRegexp('^SigningSecret') };

describe('SigningSecret', () => {
  const { stack } = build();
  const template = Template.fromStack(stack);

  it('is one generated 64-character secret, encrypted with the data key and retained', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.hasResource('AWS::SecretsManager::Secret', {
      Properties: {
        GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false },
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataKey'), 'Arn'] },
        SecretString: Match.absent(),
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('grantRead gives the function the secret ARN in SIGNING_SECRET_ARN and read access', () => {
    expect(SIGNING_SECRET_ENV).toBe('SIGNING_SECRET_ARN');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'reads the signing key',
      Environment: { Variables: Match.objectLike({ SIGNING_SECRET_ARN: secretRef }) },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^ReaderRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
            Resource: secretRef,
          },
        ]),
      },
    });
    // Decrypt through Secrets Manager only, for that role only.
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'kms:Decrypt',
            Principal: { AWS: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ReaderRole'), 'Arn'] } },
            Condition: { StringEquals: { 'kms:ViaService': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('gives nothing to a function it was not granted to', () => {
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Description: 'does not read it' },
    });
    const [bystander] = Object.values(functions);
    expect(bystander.Properties.Environment.Variables.SIGNING_SECRET_ARN).toBeUndefined();
    const policies = template.findResources('AWS::IAM::Policy');
    const mentionsSecret = Object.values(policies).filter(
      (p) =>
        JSON.stringify(p.Properties.Roles).includes('BystanderRole') &&
        JSON.stringify(p.Properties.PolicyDocument).includes('secretsmanager'),
    );
    expect(mentionsSecret).toHaveLength(0);
  });
});

describe('SigningSecret under cdk-nag AwsSolutions', () => {
  const synthWithNag = (extra?: (stack: Stack) => void) => {
    const { app } = build(extra);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    app.synth();
  };

  it('has no unacknowledged finding (SMG4 acknowledged with its reason)', () => {
    expect(() => synthWithNag()).not.toThrow();
  });

  it('acknowledges SMG4 for this secret only: another unrotated secret fails synthesis', () => {
    expect(() => synthWithNag((stack) => new secretsmanager.Secret(stack, 'Careless'))).toThrow(
      /AwsSolutions-SMG4/,
    );
  });
});
