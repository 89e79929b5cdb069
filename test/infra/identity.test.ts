import { App, Stack, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Identity, USER_GROUPS } from '../../lib/identity';

/** Identity guarding two routes of an HTTP API; `extra` adds something to the stack. */
function build(extra?: (stack: Stack) => void) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'IdentityTest');
  const identity = new Identity(stack, 'Identity');
  const api = new apigwv2.HttpApi(stack, 'Api', { createDefaultStage: false });
  for (const path of ['/candidates', '/candidates/{id}']) {
    api.addRoutes({
      path,
      methods: [apigwv2.HttpMethod.GET],
      integration: new HttpUrlIntegration(`Backend${path.length}`, 'https://example.org'),
      authorizer: identity.authorizer(),
    });
  }
  extra?.(stack);
  return { app, stack, identity };
}

describe('Identity', () => {
  const { stack, identity } = build();
  const template = Template.fromStack(stack);
  const poolRef = { Ref: Match.stringLikeRegexp('^IdentityUserPool') };

  it('has the five groups, and nothing else', () => {
    expect(USER_GROUPS).toEqual([
      'cell-officer',
      'committee-officer',
      'approver',
      'admin',
      'ops-viewer',
    ]);
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', 5);
    for (const groupName of USER_GROUPS) {
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
        GroupName: groupName,
        UserPoolId: poolRef,
        Description: Match.anyValue(),
      });
    }
  });

  it('binds users to a unit with a mutable string attribute custom:unit_id', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'unit_id', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
  });

  it('is invitation-only, with a strong password policy, optional TOTP MFA and Plus tier', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
  });

  it('has one SRP client without secret that reads the unit but cannot write it', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: poolRef,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      ReadAttributes: Match.arrayWith(['custom:unit_id', 'name']),
    });
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
    expect(client.Properties.WriteAttributes).toEqual(expect.any(Array));
    expect(client.Properties.WriteAttributes).not.toContain('custom:unit_id');
    expect(client.Properties).not.toHaveProperty('AllowedOAuthFlows');
  });

  it('makes one JWT authorizer: the pool as issuer, the client as audience, Authorization header', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    const clientRef = { Ref: Match.stringLikeRegexp('^IdentityUserPoolOfficersClient') };
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [clientRef],
        Issuer: {
          'Fn::Join': [
            '',
            [
              'https://cognito-idp.',
              { Ref: 'AWS::Region' },
              '.',
              { Ref: 'AWS::URLSuffix' },
              '/',
              poolRef,
            ],
          ],
        },
      },
    });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    expect(routes).toHaveLength(2);
    for (const route of routes) {
      expect(route.Properties).toMatchObject({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: expect.stringMatching(/OfficersAuthorizer/) },
      });
    }
    expect(identity.authorizer()).toBe(identity.authorizer());
  });

  it('outputs the pool id, client id and issuer URL', () => {
    template.hasOutput('UserPoolId', { Value: poolRef });
    template.hasOutput('UserPoolClientId', {
      Value: { Ref: Match.stringLikeRegexp('OfficersClient') },
    });
    template.hasOutput('UserPoolIssuerUrl', {
      Value: { 'Fn::Join': ['', Match.arrayWith(['https://cognito-idp.'])] },
    });
  });
});

describe('Identity under cdk-nag AwsSolutions', () => {
  const synthWithNag = (extra?: (stack: Stack) => void) => {
    const { app } = build(extra);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    app.synth();
  };

  it('reports no unacknowledged finding', () => {
    expect(() => synthWithNag()).not.toThrow();
  });

  it('does report a user pool below its standard', () => {
    // Lite tier, no password policy: AwsSolutions-COG1 and COG8.
    expect(() =>
      synthWithNag(
        (stack) =>
          new cognito.UserPool(stack, 'Careless', { featurePlan: cognito.FeaturePlan.LITE }),
      ),
    ).toThrow(/AwsSolutions-COG/);
  });
});
