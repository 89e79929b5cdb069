import { Match } from 'aws-cdk-lib/assertions';
import { API_PREFIX, CONSOLE_PATH } from '../../lib/console';
import { callerRateLimits } from '../../lib/caller-rate-limit';
import { NATIONAL_CAPACITY_MODEL } from '../../lib/capacity-model';
import { RATE_LIMITED_ERROR } from '../../lib/web-firewall';
import { synthesizeTemplate } from './synthesize';

/** The console on AWS: bucket, distribution, headers, the API under /api, sign-in and WAF. */
const { template } = synthesizeTemplate();
/** The one resource of a type; `prefix` picks the console's where the stack has others too. */
const only = (type: string, prefix = '') => {
  const resources = Object.entries(template.findResources(type)).filter(([id]) =>
    id.startsWith(prefix),
  );
  expect(resources).toHaveLength(1);
  const [[logicalId, resource]] = resources;
  return { logicalId, properties: resource.Properties };
};
const distribution = () => only('AWS::CloudFront::Distribution');
const config = () => distribution().properties.DistributionConfig;
const apiBehaviour = () =>
  (config().CacheBehaviors as Record<string, unknown>[]).find(
    (b) => b.PathPattern === `${API_PREFIX}/*`,
  )!;
/** A CloudFront Function's code, run on a viewer request as CloudFront would. */
const runFunction = (logicalIdPrefix: string, uri: string) => {
  const [fn] = Object.entries(template.findResources('AWS::CloudFront::Function')).filter(([id]) =>
    id.startsWith(logicalIdPrefix),
  );
  const handler = new Function(`${fn[1].Properties.FunctionCode}; return handler;`)() as (
    event: unknown,
  ) => Record<string, unknown>;
  return handler({ request: { uri, method: 'GET', headers: {} } });
};
const policyNamed = (comment: RegExp) =>
  Object.entries(template.findResources('AWS::CloudFront::ResponseHeadersPolicy')).find(([, p]) =>
    comment.test(p.Properties.ResponseHeadersPolicyConfig.Comment),
  )!;

describe('console bucket and distribution', () => {
  it('keeps the bucket private: public access blocked, TLS only, encrypted, no ACLs', () => {
    const bucket = only('AWS::S3::Bucket', 'ConsoleBucket').properties;
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0]).toMatchObject({
      ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' },
    });
    expect(bucket.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
  });

  it('lets only this distribution read the bucket (origin access control, aws:SourceArn)', () => {
    const oac = only('AWS::CloudFront::OriginAccessControl');
    expect(oac.properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const s3Origin = (config().Origins as Record<string, unknown>[]).find(
      (o) => 'S3OriginConfig' in o,
    )!;
    expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oac.logicalId, 'Id'] });

    const statements = only('AWS::S3::BucketPolicy', 'ConsoleBucket').properties.PolicyDocument
      .Statement as {
      Effect: string;
      Principal: unknown;
      Action: unknown;
      Condition?: Record<string, Record<string, unknown>>;
    }[];
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
    });
    const sourceArn = JSON.stringify(allows[0].Condition?.StringEquals?.['AWS:SourceArn']);
    expect(sourceArn).toContain(`{"Ref":"${distribution().logicalId}"}`);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });

  it('sends the console strict security headers: a CSP without unsafe-inline, HSTS, no framing', () => {
    const [id, policy] = policyNamed(/console/i);
    expect(config().DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: id });
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    // The token endpoint and the sign-in pages are Cognito's managed login domain.
    expect(csp).toMatch(
      /connect-src 'self' https:\/\/",\{"Ref":"IdentityUserPoolManagedLoginDomain/,
    );
    expect(csp).toMatch(
      /form-action 'self' https:\/\/",\{"Ref":"IdentityUserPoolManagedLoginDomain/,
    );
    expect(headers).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY' },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin' },
    });
    expect(config().DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('serves /app/ from index.html and sends / and /app there', () => {
    expect(runFunction('ConsoleConsolePaths', '/')).toMatchObject({
      statusCode: 302,
      headers: { location: { value: CONSOLE_PATH } },
    });
    expect(runFunction('ConsoleConsolePaths', '/app')).toMatchObject({ statusCode: 302 });
    expect(runFunction('ConsoleConsolePaths', '/app/')).toMatchObject({
      uri: '/app/index.html',
    });
    expect(runFunction('ConsoleConsolePaths', '/app/app.js')).toMatchObject({
      uri: '/app/app.js',
    });
  });

  it('serves the HTTP API under /api on the same origin: uncached, every method, prefix removed', () => {
    const behaviour = apiBehaviour();
    expect(behaviour).toMatchObject({
      // Managed policies: CachingDisabled and AllViewerExceptHostHeader.
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      ViewerProtocolPolicy: 'https-only',
    });
    expect(behaviour.AllowedMethods).toEqual(
      expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
    );
    const origin = (config().Origins as Record<string, unknown>[]).find(
      (o) => o.Id === behaviour.TargetOriginId,
    )!;
    expect(JSON.stringify(origin.DomainName)).toMatch(/ApiHttpApi\w+","ApiEndpoint"/);
    expect(origin.CustomOriginConfig).toEqual({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    // The API's routes are keyed without the prefix (GET /tasks).
    expect(runFunction('ConsoleApiPrefix', '/api/tasks')).toMatchObject({ uri: '/tasks' });
    expect(runFunction('ConsoleApiPrefix', '/api/candidates/c-1/history')).toMatchObject({
      uri: '/candidates/c-1/history',
    });
  });

  it('deploys the console build with its config.json, and invalidates the distribution', () => {
    const deployment = only('Custom::CDKBucketDeployment').properties;
    expect(deployment.SourceObjectKeys).toHaveLength(2);
    expect(deployment.DestinationBucketKeyPrefix).toBe('app/');
    expect(deployment.DistributionId).toEqual({ Ref: distribution().logicalId });
    expect(deployment.DistributionPaths).toEqual(['/app/*']);
    // config.json names the API prefix, the console client and the managed login endpoints.
    const markers = JSON.stringify(deployment.SourceMarkers);
    expect(markers).toMatch(/IdentityUserPoolConsoleClient/);
    expect(markers).toMatch(/IdentityUserPoolManagedLoginDomain/);
  });

  it('outputs the console URL', () => {
    template.hasOutput('ConsoleUrl', {
      Value: {
        'Fn::Join': [
          '',
          ['https://', { 'Fn::GetAtt': [distribution().logicalId, 'DomainName'] }, CONSOLE_PATH],
        ],
      },
    });
  });
});

describe('console sign-in (Cognito managed login)', () => {
  it('uses the newer managed login on a Cognito domain, styled for the console client', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
    template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      ClientId: { Ref: Match.stringLikeRegexp('^IdentityUserPoolConsoleClient') },
      UseCognitoProvidedValues: true,
    });
  });

  it('makes a public client: code grant only, no password flow, back to the console URL', () => {
    const clients = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
    const console = clients.find((c) => c.Properties.ClientName === 'officers-console')!;
    expect(console.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      SupportedIdentityProviders: ['COGNITO'],
      EnableTokenRevocation: true,
    });
    const consoleUrl = {
      'Fn::Join': [
        '',
        ['https://', { 'Fn::GetAtt': [distribution().logicalId, 'DomainName'] }, CONSOLE_PATH],
      ],
    };
    expect(console.Properties.CallbackURLs).toEqual([consoleUrl]);
    expect(console.Properties.LogoutURLs).toEqual([consoleUrl]);
    expect(console.Properties.WriteAttributes).toEqual([]);
  });

  it("has the API's JWT authorizer accept the console's tokens beside the officers' tools'", () => {
    const authorizer = only('AWS::ApiGatewayV2::Authorizer').properties;
    expect(authorizer.JwtConfiguration.Audience).toEqual([
      { Ref: expect.stringMatching(/^IdentityUserPoolOfficersClient/) },
      { Ref: expect.stringMatching(/^IdentityUserPoolConsoleClient/) },
    ]);
  });
});

interface WafRule {
  Name: string;
  Priority: number;
  Action?: unknown;
  Statement: {
    RateBasedStatement?: unknown;
    ManagedRuleGroupStatement?: { Name: string; RuleActionOverrides?: unknown };
  };
}
interface AlarmMetric {
  MetricStat?: { Metric: { MetricName: string; Dimensions: { Name: string; Value: string }[] } };
}

describe('web firewall', () => {
  const acl = () => only('AWS::WAFv2::WebACL');
  const rule = (name: string) =>
    (acl().properties.Rules as WafRule[]).find((r) => r.Name === name)!;
  const limits = callerRateLimits(NATIONAL_CAPACITY_MODEL);

  it('protects the distribution with a CloudFront web ACL', () => {
    expect(acl().properties.Scope).toBe('CLOUDFRONT');
    expect(config().WebACLId).toEqual({ 'Fn::GetAtt': [acl().logicalId, 'Arn'] });
    expect(acl().properties.DefaultAction).toEqual({ Allow: {} });
  });

  it("runs AWS's managed rule groups; the 8 KB body rule only counts (imports are larger)", () => {
    const managed = (acl().properties.Rules as WafRule[]).flatMap((r) =>
      r.Statement.ManagedRuleGroupStatement ? [r.Statement.ManagedRuleGroupStatement] : [],
    );
    expect(managed.map((m) => m.Name).sort()).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    expect(
      managed.find((m) => m.Name === 'AWSManagedRulesCommonRuleSet')?.RuleActionOverrides,
    ).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
  });

  it('limits each caller (Authorization header) and each address, from the capacity model', () => {
    expect(rule('PerCaller').Statement.RateBasedStatement).toEqual({
      AggregateKeyType: 'CUSTOM_KEYS',
      CustomKeys: [
        { Header: { Name: 'authorization', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
      ],
      Limit: limits.perCaller,
      EvaluationWindowSec: limits.evaluationWindowSeconds,
    });
    expect(rule('PerAddress').Statement.RateBasedStatement).toEqual({
      AggregateKeyType: 'IP',
      Limit: limits.perAddress,
      EvaluationWindowSec: limits.evaluationWindowSeconds,
    });
    // The rate rules come before the managed groups, so a flood is cut before it is inspected.
    expect(rule('PerCaller').Priority).toBeLessThan(rule('AWSManagedRulesCommonRuleSet').Priority);
  });

  it('answers a limited caller 429 with Retry-After and a body in the API error shape', () => {
    for (const name of ['PerCaller', 'PerAddress']) {
      expect(rule(name).Action).toEqual({
        Block: {
          CustomResponse: {
            ResponseCode: 429,
            CustomResponseBodyKey: 'rate-limited',
            ResponseHeaders: [{ Name: 'Retry-After', Value: String(limits.retryAfterSeconds) }],
          },
        },
      });
    }
    const body = acl().properties.CustomResponseBodies['rate-limited'];
    expect(body.ContentType).toBe('APPLICATION_JSON');
    const parsed = JSON.parse(body.Content);
    expect(parsed).toEqual(RATE_LIMITED_ERROR);
    expect(Object.keys(parsed).sort()).toEqual(['code', 'field', 'message', 'message_en']);
    expect(parsed.message).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỷỹđ]/);
  });

  it('pages the ops topic when the rate rules block requests', () => {
    const alarms = template.findResources('AWS::CloudWatch::Alarm');
    const [alarm] = Object.values(alarms).filter((a) =>
      JSON.stringify(a.Properties.Metrics ?? []).includes('AWS/WAFV2'),
    );
    const metrics = alarm.Properties.Metrics as AlarmMetric[];
    const blocked = metrics.flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : []));
    expect(blocked.map((m) => m.MetricName)).toEqual(['BlockedRequests', 'BlockedRequests']);
    const rules = blocked.map((m) => m.Dimensions.find((d) => d.Name === 'Rule')?.Value);
    expect(rules.sort()).toEqual(['PerAddress', 'PerCaller']);
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic')).filter((id) =>
      id.startsWith('ObservabilityOpsTopic'),
    );
    expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  });
});
