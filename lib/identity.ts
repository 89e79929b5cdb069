import { Aws, CfnOutput, Duration, Lazy, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { UNIT_ID_ATTRIBUTE, USER_GROUP_DESCRIPTIONS, USER_GROUPS } from './user-groups';

export { USER_GROUPS } from './user-groups';

/** The Cognito calls the accounts feature and the reconcile tool make, and nothing else. */
export const ACCOUNT_ADMIN_ACTIONS = [
  'AdminCreateUser',
  'AdminGetUser',
  'AdminAddUserToGroup',
  'AdminRemoveUserFromGroup',
  'AdminListGroupsForUser',
  'AdminUpdateUserAttributes',
  'AdminDisableUser',
  'AdminEnableUser',
  'AdminUserGlobalSignOut',
  'ListUsers',
] as const;

/** Where API Gateway's JWT authorizer looks for the token (`Bearer ` prefix optional). */
const IDENTITY_SOURCE = '$request.header.Authorization';

/**
 * What every officers' app client shares: short tokens and a refresh token for a working day,
 * revocable, no hint whether a user exists, and ID tokens that carry the name, e-mail and unit.
 */
function officerTokens(): Partial<cognito.UserPoolClientOptions> {
  return {
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
    idTokenValidity: Duration.hours(1),
    accessTokenValidity: Duration.hours(1),
    refreshTokenValidity: Duration.hours(12),
    readAttributes: new cognito.ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
      .withCustomAttributes(UNIT_ID_ATTRIBUTE),
  };
}

/** What the officers' console needs to sign officers in with Cognito's managed login. */
export interface ConsoleSignIn {
  client: cognito.UserPoolClient;
  domain: cognito.UserPoolDomain;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: authorize, token and logout endpoints. */
  baseUrl: string;
}

/**
 * The officers' identities: a Cognito user pool with one group per role, each user bound to an
 * organisation unit (`custom:unit_id`), and one app client for the officers' tools. Routes are
 * protected with `authorizer()`, an API Gateway JWT authorizer that accepts this pool's ID tokens.
 */
export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly groups: Record<(typeof USER_GROUPS)[number], cognito.UserPoolGroup>;
  /** `https://cognito-idp.<region>.<url suffix>/<pool id>`, the `iss` of the pool's tokens. */
  readonly issuerUrl: string;
  private jwtAuthorizer?: HttpJwtAuthorizer;
  /** The app clients whose ID tokens the API accepts: the officers' tools, then the console. */
  private readonly audiences: cognito.UserPoolClient[] = [];

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      // Officers are invited by an admin, who also sets their unit; nobody signs up alone.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      autoVerify: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: true, mutable: true },
      },
      customAttributes: {
        [UNIT_ID_ATTRIBUTE]: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      // Plus tier with threat protection enforced: compromised-credential and risky sign-in checks
      // (cdk-nag AwsSolutions-COG8). Costs per monthly active user; officers are few.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'Tài khoản hệ thống kết nạp đảng viên / Your admission pipeline account',
        emailBody:
          'Tên đăng nhập / username: {username}<br>Mật khẩu tạm thời / temporary password: {####}',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional (TOTP only, no SMS) so that an admin can create officers with a temporary password and they enrol an authenticator at their own first sign-in; Plus-tier threat protection in full-function mode covers risky sign-ins meanwhile. Switch to Mfa.REQUIRED once every officer has enrolled.',
    });

    const groupEntries = USER_GROUPS.map((groupName, precedence) => [
      groupName,
      new cognito.UserPoolGroup(this, `Group-${groupName}`, {
        userPool: this.userPool,
        groupName,
        description: USER_GROUP_DESCRIPTIONS[groupName],
        precedence,
      }),
    ]);
    this.groups = Object.fromEntries(groupEntries) as Identity['groups'];

    // The unit is read into the ID token but never writable by the user: an officer who could
    // update their own `custom:unit_id` could move themselves into another unit's candidates.
    const userWritable = new cognito.ClientAttributes().withStandardAttributes({
      email: true,
      fullname: true,
    });
    this.client = this.userPool.addClient('OfficersClient', {
      userPoolClientName: 'officers-tools',
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      ...officerTokens(),
      writeAttributes: userWritable,
    });

    this.audiences.push(this.client);

    // Built by hand: the pool's ProviderURL attribute lacks the `https://` API Gateway requires.
    const stack = Stack.of(this);
    this.issuerUrl = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;

    new CfnOutput(this, 'UserPoolIdOutput', { key: 'UserPoolId', value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientIdOutput', {
      key: 'UserPoolClientId',
      value: this.client.userPoolClientId,
    });
    new CfnOutput(this, 'UserPoolIssuerUrlOutput', {
      key: 'UserPoolIssuerUrl',
      value: this.issuerUrl,
    });
  }

  /**
   * Cognito's managed login for the officers' console: a domain on the pool (prefix from the
   * `cognitoDomainPrefix` context value, else `<stack name>-<account>`, unique in the region).
   * Created once; the console's CSP names it before the console's client exists.
   */
  managedLoginDomain(): cognito.UserPoolDomain {
    const existing = this.userPool.node.tryFindChild('ManagedLoginDomain');
    if (existing) return existing as cognito.UserPoolDomain;
    const prefix: unknown = this.node.tryGetContext('cognitoDomainPrefix');
    return this.userPool.addDomain('ManagedLoginDomain', {
      cognitoDomain: {
        domainPrefix:
          typeof prefix === 'string'
            ? prefix
            : `${Stack.of(this).stackName.toLowerCase()}-${Aws.ACCOUNT_ID}`,
      },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
  }

  /**
   * The console's app client: public (a browser keeps no secret), the authorization code grant
   * only, redirected back to the console. The console sends a PKCE challenge with every
   * authorization request and Cognito checks the verifier when the code is redeemed. The newer
   * managed login shows nothing to a client without a branding style, so the client gets
   * Cognito's default style. Its ID tokens are accepted by the API's authorizer like the
   * officers' tools'.
   */
  addConsoleSignIn(consoleUrl: string): ConsoleSignIn {
    const domain = this.managedLoginDomain();
    const client = this.userPool.addClient('ConsoleClient', {
      userPoolClientName: 'officers-console',
      generateSecret: false,
      // No password flow from the browser: only managed login's code, and refreshing its tokens.
      authFlows: { userSrp: false },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [consoleUrl],
        logoutUrls: [consoleUrl],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      ...officerTokens(),
      // The managed login page must be completed within 5 minutes.
      authSessionValidity: Duration.minutes(5),
      writeAttributes: new cognito.ClientAttributes(),
    });
    new cognito.CfnManagedLoginBranding(this, 'ConsoleLoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    this.audiences.push(client);
    new CfnOutput(this, 'ConsoleClientIdOutput', {
      key: 'ConsoleClientId',
      value: client.userPoolClientId,
    });
    return { client, domain, baseUrl: domain.baseUrl() };
  }

  /**
   * Lets a function manage the pool's users — exactly the calls of
   * functions/adapters/cognito-identity-provider.ts, on this pool only — and names the pool to it
   * (USER_POOL_ID), together.
   */
  grantManageAccounts(fn: lambda.Function): void {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ACCOUNT_ADMIN_ACTIONS.map((action) => `cognito-idp:${action}`),
        resources: [this.userPool.userPoolArn],
      }),
    );
    fn.addEnvironment('USER_POOL_ID', this.userPool.userPoolId);
  }

  /**
   * The JWT authorizer for the officers' routes: issuer is this pool, audience is the officers'
   * client and the console's (added later, hence lazy). It validates `aud` (ID tokens, which carry `custom:unit_id`, `name` and
   * `cognito:groups`), or `client_id` when a token has no `aud` (access tokens). One instance is
   * returned for every call, so all routes share one `AWS::ApiGatewayV2::Authorizer`.
   */
  authorizer(): HttpJwtAuthorizer {
    this.jwtAuthorizer ??= new HttpJwtAuthorizer('OfficersAuthorizer', this.issuerUrl, {
      authorizerName: 'officers-cognito',
      jwtAudience: Lazy.list({
        produce: () => this.audiences.map((client) => client.userPoolClientId),
      }),
      identitySource: [IDENTITY_SOURCE],
    });
    return this.jwtAuthorizer;
  }
}
