/**
 * HTTP endpoint speaking the AWS JSON 1.1 protocol of Cognito user pools, so the unmodified
 * `@aws-sdk/client-cognito-identity-provider` (endpoint = url, or
 * AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER) lists the local users.
 *
 * Serves `ListUsersInGroup` only (`X-Amz-Target:
 * AWSCognitoIdentityProviderService.ListUsersInGroup`), for the template's user pools and groups,
 * over the users the local issuer registered (user-registry.ts): a user is in a group when their
 * latest token named it. Pages of `Limit` (1–60, default 60) with an opaque `NextToken`; errors
 * are HTTP 400 with `{"__type": "<Code>", "message": "..."}` as Cognito sends them.
 */
import { AwsServiceError, awsJsonListener, type AwsJsonProtocol } from './aws-json-protocol';
import { listenLocally } from './local-server';
import { listResources, type CfnTemplate, type Resolve } from './template';
import type { RegisteredUser, UserRegistry } from './user-registry';

export interface CognitoEndpointOptions {
  template: CfnTemplate;
  resolve: Resolve;
  users: Pick<UserRegistry, 'list'>;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** IAM (lib/local/iam/service-guards.ts): may refuse a request before it runs. */
  authorize?: AwsJsonProtocol<Pick<UserRegistry, 'list'>>['authorize'];
}

export interface CognitoEndpoint {
  /** e.g. http://127.0.0.1:54321 */
  url: string;
  port: number;
  /** The pool ids served (what `Ref` of each pool resolves to). */
  userPoolIds: string[];
  close(): Promise<void>;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const MAX_BODY_BYTES = 64 * 1024;
const MAX_LIMIT = 60;

interface Pool {
  id: string;
  groups: Set<string>;
}

/** The template's pools and, for each, the names of its groups. */
export function readUserPools(template: CfnTemplate, resolve: Resolve): Pool[] {
  const pools = listResources(template, 'AWS::Cognito::UserPool').map(({ logicalId }) => ({
    id: String(resolve({ Ref: logicalId })),
    groups: new Set<string>(),
  }));
  for (const { logicalId, resource } of listResources(template, 'AWS::Cognito::UserPoolGroup')) {
    const properties = resolve(resource.Properties ?? {}) as {
      UserPoolId?: string;
      GroupName?: string;
    };
    const pool = pools.find((p) => p.id === properties.UserPoolId);
    pool?.groups.add(properties.GroupName ?? logicalId);
  }
  return pools;
}

function userType(user: RegisteredUser) {
  const attributes = [
    { Name: 'sub', Value: user.sub },
    { Name: 'name', Value: user.name },
    { Name: 'custom:unit_id', Value: user.unitId },
    ...(user.email
      ? [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
        ]
      : []),
  ];
  return {
    Username: user.username ?? user.sub,
    Attributes: attributes,
    UserCreateDate: new Date(user.createdAt).getTime() / 1000,
    UserLastModifiedDate: new Date(user.updatedAt).getTime() / 1000,
    Enabled: true,
    UserStatus: 'CONFIRMED',
  };
}

function listUsersInGroup(
  pools: Pool[],
  users: Pick<UserRegistry, 'list'>,
  input: Record<string, unknown>,
): unknown {
  const { UserPoolId, GroupName, Limit, NextToken } = input;
  if (typeof UserPoolId !== 'string' || !UserPoolId) {
    throw new AwsServiceError('InvalidParameterException', 'UserPoolId is required');
  }
  if (typeof GroupName !== 'string' || !GroupName) {
    throw new AwsServiceError('InvalidParameterException', 'GroupName is required');
  }
  const pool = pools.find((p) => p.id === UserPoolId);
  if (!pool) throw new AwsServiceError('ResourceNotFoundException', 'User pool does not exist.');
  if (!pool.groups.has(GroupName)) {
    throw new AwsServiceError('ResourceNotFoundException', 'Group not found.');
  }
  const limit = Limit === undefined ? MAX_LIMIT : Number(Limit);
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) {
    throw new AwsServiceError('InvalidParameterException', `Limit must be 0-${MAX_LIMIT}`);
  }
  let start = 0;
  if (NextToken !== undefined) {
    start = Number(Buffer.from(String(NextToken), 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) {
      throw new AwsServiceError('InvalidParameterException', 'Invalid pagination token');
    }
  }
  const members = users.list().filter((u) => u.groups.includes(GroupName));
  const page = members.slice(start, start + limit);
  const next = start + limit < members.length ? start + limit : undefined;
  return {
    Users: page.map(userType),
    ...(next !== undefined ? { NextToken: Buffer.from(String(next)).toString('base64url') } : {}),
  };
}

export async function startCognitoEndpoint(
  options: CognitoEndpointOptions,
): Promise<CognitoEndpoint> {
  const pools = readUserPools(options.template, options.resolve);
  const server = await listenLocally(
    awsJsonListener(
      {
        targetPrefix: TARGET_PREFIX,
        contentType: 'application/x-amz-json-1.1',
        messageMember: 'message',
        operations: {
          ListUsersInGroup: (users: Pick<UserRegistry, 'list'>, input) =>
            listUsersInGroup(pools, users, input),
        },
        maxBodyBytes: MAX_BODY_BYTES,
        authorize: options.authorize,
      },
      options.users,
    ),
    options,
  );
  return { ...server, userPoolIds: pools.map((p) => p.id) };
}
