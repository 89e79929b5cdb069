import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import {
  AssetHashType,
  DockerImage,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
} from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import {
  acknowledgeWildcard,
  acknowledgeWildcardAction,
  arnTokenOf,
} from './constructs/acknowledge-wildcard';
import { DataKey } from './data-key';
import type { ConsoleSignIn, Identity } from './identity';

const PROJECT_ROOT = path.join(__dirname, '..');
/** The console is served under this path; its links are hash routes below it. */
export const CONSOLE_PATH = '/app/';
/** The HTTP API is served under this prefix on the same origin: the console needs no CORS. */
export const API_PREFIX = '/api';

/**
 * The officers' console (console/) bundled at synth time by `tsx console/build.ts <outDir>` on
 * this machine: no Docker, like the functions' esbuild bundling. The build runs in a child process
 * because CDK's local bundling is synchronous.
 */
function consoleBundle(): s3deploy.ISource {
  return s3deploy.Source.asset(path.join(PROJECT_ROOT, 'console'), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: tryBundle always builds locally or fails the synthesis.
      image: DockerImage.fromRegistry('local-bundling-only'),
      local: {
        tryBundle(outputDir: string): boolean {
          const result = spawnSync(
            process.execPath,
            ['--import', 'tsx', path.join(PROJECT_ROOT, 'console', 'build.ts'), outputDir],
            { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
          );
          if (result.status !== 0) {
            throw new Error(`console/build.ts failed (exit ${result.status ?? result.signal})`);
          }
          return true;
        },
      },
    },
  });
}

/**
 * The console's CSP: everything from its own origin (the API included, under /api), no inline
 * script or style, and Cognito's managed login as the only other place it talks to (the token
 * endpoint) or sends the browser to (sign-in, sign-out).
 */
function consoleContentSecurityPolicy(cognitoBaseUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${cognitoBaseUrl}`,
    `form-action 'self' ${cognitoBaseUrl}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * `/` and `/app` go to `/app/`; a path ending in `/` is its index.html (S3 has no directory
 * index, and the bucket is reached through origin access control, not as a website).
 */
const CONSOLE_REWRITE = `function handler(event) {
  var request = event.request;
  if (request.uri === '/' || request.uri === '${CONSOLE_PATH.slice(0, -1)}') {
    return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '${CONSOLE_PATH}' } } };
  }
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  return request;
}`;

/** The API's routes are keyed without the prefix (`GET /tasks`): it is removed at the edge. */
const API_PREFIX_STRIP = `function handler(event) {
  var request = event.request;
  request.uri = request.uri.slice(${API_PREFIX.length}) || '/';
  return request;
}`;

export interface ConsoleProps {
  httpApi: apigwv2.HttpApi;
  identity: Identity;
  /** The web ACL (lib/web-firewall.ts) in front of the distribution. */
  webAclArn: string;
}

/**
 * The officers' console on AWS: a private S3 bucket behind CloudFront (origin access control),
 * the HTTP API behind the same distribution under /api (no CORS), Cognito's managed login for
 * sign-in, security headers with a CSP that allows no inline code, and AWS WAF in front.
 */
export class Console extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly bucket: s3.Bucket;
  readonly signIn: ConsoleSignIn;
  /** `https://<distribution domain>/app/` */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleProps) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // A build artefact, rebuilt from the repository on every deployment: a version history of
      // it would keep nothing the repository does not.
      versioned: false,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds only the console build (the same files for everyone, no data) and is ' +
        'read only by CloudFront through origin access control; S3 access logs would record ' +
        "nothing but CloudFront's own fetches.",
    });

    const securityHeaders = (contentSecurityPolicy?: string) => ({
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(730),
        includeSubdomains: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      referrerPolicy: {
        referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
      ...(contentSecurityPolicy
        ? { contentSecurityPolicy: { contentSecurityPolicy, override: true } }
        : {}),
    });

    // The CSP names the managed login domain (which depends on the pool only); the app client
    // needs the console's URL as its callback, so it comes after the distribution.
    const cognitoBaseUrl = props.identity.managedLoginDomain().baseUrl();
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Officers console and API',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: new cloudfront.ResponseHeadersPolicy(this, 'ConsoleHeaders', {
          comment: 'Officers console: strict CSP (no inline code), HSTS, no framing',
          securityHeadersBehavior: securityHeaders(consoleContentSecurityPolicy(cognitoBaseUrl)),
        }),
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'ConsolePaths', {
              code: cloudfront.FunctionCode.fromInline(CONSOLE_REWRITE),
              runtime: cloudfront.FunctionRuntime.JS_2_0,
              comment: '/ and /app to /app/; a directory to its index.html',
            }),
          },
        ],
      },
      additionalBehaviors: {
        [`${API_PREFIX}/*`]: {
          origin: new origins.HttpOrigin(Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint)), {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          // Every answer is for one officer (the token decides what they see): never cached.
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Headers, query and body pass through; the Host is execute-api's own.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: new cloudfront.ResponseHeadersPolicy(this, 'ApiHeaders', {
            comment: 'API responses: transport and framing headers (the API sets its own types)',
            securityHeadersBehavior: securityHeaders(),
          }),
          functionAssociations: [
            {
              eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
              function: new cloudfront.Function(this, 'ApiPrefix', {
                code: cloudfront.FunctionCode.fromInline(API_PREFIX_STRIP),
                runtime: cloudfront.FunctionRuntime.JS_2_0,
                comment: `Removes ${API_PREFIX} before the request reaches the HTTP API`,
              }),
            },
          ],
        },
      },
      // Vietnam's edge locations (Hanoi, Ho Chi Minh City) are in price class 200; class 100
      // would serve officers from Singapore or further.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      webAclId: props.webAclArn,
      enableLogging: false,
    });
    this.url = `https://${this.distribution.distributionDomainName}${CONSOLE_PATH}`;
    this.signIn = props.identity.addConsoleSignIn(this.url);

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: party organisations abroad (cells in embassies and overseas ' +
        'enterprises) use the console too; AWS WAF (reputation lists, rate limits) guards it.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR3',
      reason:
        "Standard logs would store every officer's address and path; the API's calls are in its " +
        "own access log (request id, route, status), and AWS WAF's metrics and sampled requests " +
        'show what was blocked. The console files are the same for everyone.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        "The distribution's *.cloudfront.net name uses CloudFront's default certificate, whose " +
        'security policy cannot be chosen (viewers negotiate TLS 1.2 or 1.3 in practice); a custom ' +
        'domain with an ACM certificate would allow TLSv1.2_2021 as the minimum.',
    });

    const config = {
      apiBase: API_PREFIX,
      auth: {
        authorizeUrl: `${this.signIn.baseUrl}/oauth2/authorize`,
        tokenUrl: `${this.signIn.baseUrl}/oauth2/token`,
        logoutUrl: `${this.signIn.baseUrl}/logout`,
        clientId: this.signIn.client.userPoolClientId,
        redirectUri: this.url,
        scopes: ['openid', 'email', 'profile'],
      },
    };

    // BucketDeployment's function, with a role of our own: no AWS managed policy, its logs in an
    // encrypted group that it alone writes to.
    const deployLogs = new logs.LogGroup(this, 'DeploymentLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
      encryptionKey: DataKey.of(this),
    });
    const deployRole = new iam.Role(this, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the console build into its bucket and invalidates the distribution',
    });
    deployLogs.grantWrite(deployRole);
    new s3deploy.BucketDeployment(this, 'Deployment', {
      sources: [consoleBundle(), s3deploy.Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: CONSOLE_PATH.slice(1),
      // The file names are not content-hashed: browsers revalidate every load (ETag), and the
      // deployment invalidates CloudFront's copies.
      cacheControl: [s3deploy.CacheControl.fromString('no-cache')],
      distribution: this.distribution,
      distributionPaths: [`${CONSOLE_PATH}*`],
      role: deployRole,
      logGroup: deployLogs,
      memoryLimit: 512,
    });
    this.acknowledgeDeployment(deployRole);
  }

  /**
   * What cdk-nag reports on BucketDeployment: its grants to our role, whose wildcards the construct
   * writes (object keys only known at deploy time), and its provider function's runtime.
   */
  private acknowledgeDeployment(role: iam.Role): void {
    const copies =
      'BucketDeployment reads the uploaded build from the CDK asset bucket and replaces every ' +
      'object of the console bucket (copy, then prune what the new build lacks): the keys are ' +
      'only known at deploy time, so the construct grants object-level wildcards on those two ' +
      'buckets and nothing else.';
    for (const action of [
      's3:GetObject*',
      's3:GetBucket*',
      's3:List*',
      's3:DeleteObject*',
      's3:Abort*',
    ]) {
      acknowledgeWildcardAction(role, action, copies);
    }
    acknowledgeWildcard(role, `${arnTokenOf(this.bucket)}/*`, copies);
    // cdk-nag prints the default asset bucket with the stack's account and region, or their
    // pseudo parameters when the stack is environment-agnostic.
    const stack = Stack.of(this);
    const named = (value: string, pseudo: string) =>
      Token.isUnresolved(value) ? `<${pseudo}>` : value;
    const assetBucket = `cdk-hnb659fds-assets-${named(stack.account, 'AWS::AccountId')}-${named(stack.region, 'AWS::Region')}`;
    acknowledgeWildcard(
      role,
      `arn:${named(stack.partition, 'AWS::Partition')}:s3:::${assetBucket}/*`,
      copies,
    );
    acknowledgeWildcard(
      role,
      '*',
      'BucketDeployment invalidates the distribution with cloudfront:CreateInvalidation and ' +
        'GetInvalidation on "*" (the construct does not scope them to the distribution).',
    );
    const provider = stack.node.children
      .filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'))
      .map((child) => child.node.defaultChild ?? child);
    for (const fn of provider) {
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          "BucketDeployment's provider function runs the Python runtime that aws-cdk-lib pins " +
          'with its AWS CLI layer; it runs only during deployments and takes no input from users.',
      });
    }
  }
}
