/**
 * HTTP endpoint speaking the AWS JSON 1.1 protocol of Cognito user pools, so the unmodified
 * `@aws-sdk/client-cognito-identity-provider` (endpoint = url, or
 * AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER) lists the local users.
 *
 * Serves what the product calls (`X-Amz-Target: AWSCognitoIdentityProviderService.<Op>`), for
 * the template's user pools and groups, over the local pool (user-registry.ts: users the issuer
 * issued tokens for, and users created here): ListUsersInGroup, ListUsers, AdminCreateUser,
 * AdminGetUser, AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser,
 * AdminUpdateUserAttributes, AdminDisableUser, AdminEnableUser and AdminUserGlobalSignOut.
 * Attributes are checked against the pool's schema (required, custom, unknown), usernames against
 * its alias configuration, as Cognito does. Pages of `Limit` (1–60, default 60) with an opaque
 * token; errors are HTTP 400 with `{"__type": "<Code>", "message": "..."}` as Cognito sends them.
 */
import { randomUUID } from 'node:crypto';
import { AwsServiceError, awsJsonListener, type AwsJsonProtocol } from './aws-json-protocol';
import { listenLocally } from './local-server';
import { listResources, type CfnTemplate, type Resolve } from './template';
import type { RegisteredUser, UserRegistry } from './user-registry';

export interface CognitoEndpointOptions {
  template: CfnTemplate;
  resolve: Resolve;
  users: UserRegistry;
  /** AdminCreateUser's invitation (temporary password), where the local mail goes. */
  invite?: (user: RegisteredUser, temporaryPassword: string) => void;
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
  /** Standard attributes the schema requires (`email`, `name` …). */
  required: Set<string>;
  /** Custom attributes the schema defines, as `custom:<name>`. */
  custom: Set<string>;
  /** AliasAttributes: with `email`, a username may not look like an e-mail address. */
  emailAlias: boolean;
}

const STANDARD_ATTRIBUTES = new Set([
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
]);

/** The template's pools and, for each, the names of its groups. */
function readUserPools(template: CfnTemplate, resolve: Resolve): Pool[] {
  const pools = listResources(template, 'AWS::Cognito::UserPool').map(({ logicalId, resource }) => {
    const properties = (resolve(resource.Properties ?? {}) ?? {}) as {
      Schema?: { Name?: string; Required?: boolean; AttributeDataType?: string }[];
      AliasAttributes?: string[];
    };
    const schema = properties.Schema ?? [];
    return {
      id: String(resolve({ Ref: logicalId })),
      groups: new Set<string>(),
      required: new Set(schema.filter((a) => a.Required && a.Name).map((a) => a.Name!)),
      custom: new Set(
        schema
          .filter((a) => a.Name && !STANDARD_ATTRIBUTES.has(a.Name))
          .map((a) => `custom:${a.Name}`),
      ),
      emailAlias: (properties.AliasAttributes ?? []).includes('email'),
    };
  });
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

function attributesOf(user: RegisteredUser) {
  return [
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
}

function userType(user: RegisteredUser) {
  return {
    Username: user.username ?? user.sub,
    Attributes: attributesOf(user),
    UserCreateDate: new Date(user.createdAt).getTime() / 1000,
    UserLastModifiedDate: new Date(user.updatedAt).getTime() / 1000,
    Enabled: user.enabled !== false,
    UserStatus: user.status ?? 'CONFIRMED',
  };
}

function required(input: Record<string, unknown>, name: string): string {
  const value = input[name];
  if (typeof value !== 'string' || !value) {
    throw new AwsServiceError(
      'InvalidParameterException',
      `1 validation error detected: Value at '${name[0].toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

function poolOf(pools: Pool[], input: Record<string, unknown>): Pool {
  const id = required(input, 'UserPoolId');
  const pool = pools.find((p) => p.id === id);
  if (!pool) throw new AwsServiceError('ResourceNotFoundException', 'User pool does not exist.');
  return pool;
}

function userOf(users: UserRegistry, input: Record<string, unknown>): RegisteredUser {
  const user = users.find(required(input, 'Username'));
  if (!user) throw new AwsServiceError('UserNotFoundException', 'User does not exist.');
  return user;
}

function groupOf(pool: Pool, input: Record<string, unknown>): string {
  const group = required(input, 'GroupName');
  if (!pool.groups.has(group))
    throw new AwsServiceError('ResourceNotFoundException', 'Group not found.');
  return group;
}

/** `[{Name, Value}]` checked against the pool's schema, as a map. */
function attributeMap(pool: Pool, list: unknown): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of Array.isArray(list) ? list : []) {
    const { Name, Value } = (entry ?? {}) as { Name?: unknown; Value?: unknown };
    if (typeof Name !== 'string' || typeof Value !== 'string') {
      throw new AwsServiceError('InvalidParameterException', 'Invalid attribute.');
    }
    const known = STANDARD_ATTRIBUTES.has(Name) || pool.custom.has(Name);
    if (!known || Name === 'sub') {
      throw new AwsServiceError(
        'InvalidParameterException',
        `Attributes did not conform to the schema: ${Name}: Attribute does not exist in the schema.\n`,
      );
    }
    map.set(Name, Value);
  }
  return map;
}

const EMAIL_LIKE = /^[^@\s]+@[^@\s]+$/;

function adminCreateUser(
  pool: Pool,
  users: UserRegistry,
  input: Record<string, unknown>,
  invite?: CognitoEndpointOptions['invite'],
) {
  const username = required(input, 'Username');
  if (pool.emailAlias && EMAIL_LIKE.test(username)) {
    throw new AwsServiceError(
      'InvalidParameterException',
      'Username cannot be of email format, since user pool is configured for email alias.',
    );
  }
  const attributes = attributeMap(pool, input.UserAttributes);
  const missing = [...pool.required].filter((name) => !attributes.get(name));
  if (missing.length) {
    throw new AwsServiceError(
      'InvalidParameterException',
      `Attributes did not conform to the schema: ${missing.map((m) => `${m}: The attribute ${m} is required`).join(', ')}`,
    );
  }
  if (users.find(username)) {
    throw new AwsServiceError('UsernameExistsException', 'User account already exists');
  }
  const email = attributes.get('email')?.toLowerCase();
  if (email && pool.emailAlias && users.list().some((u) => u.email === email)) {
    throw new AwsServiceError(
      'AliasExistsException',
      'An account with the given email already exists.',
    );
  }
  const sub = randomUUID();
  users.register({
    sub,
    username,
    name: attributes.get('name') ?? username,
    unitId: attributes.get('custom:unit_id') ?? '',
    groups: [],
    ...(email ? { email } : {}),
    enabled: true,
    status: 'FORCE_CHANGE_PASSWORD',
  });
  const user = users.find(sub)!;
  const suppressed = input.MessageAction === 'SUPPRESS';
  const mediums = Array.isArray(input.DesiredDeliveryMediums)
    ? input.DesiredDeliveryMediums
    : ['SMS'];
  if (!suppressed && mediums.includes('EMAIL') && user.email) {
    invite?.(user, `Tmp-${randomUUID().slice(0, 8)}!a1`);
  }
  return { User: userType(user) };
}

function updateUser(users: UserRegistry, user: RegisteredUser, patch: Partial<RegisteredUser>) {
  // The registry keeps the times itself (createdAt once, updatedAt on a change).
  const changed: Partial<RegisteredUser> = { ...user, ...patch };
  delete changed.createdAt;
  delete changed.updatedAt;
  users.register(changed as Omit<RegisteredUser, 'createdAt' | 'updatedAt'>);
  return {};
}

function listUsers(_pool: Pool, users: UserRegistry, input: Record<string, unknown>) {
  const { start, limit } = pageOf(input, 'PaginationToken');
  const all = users.list();
  const page = all.slice(start, start + limit);
  return {
    Users: page.map(userType),
    ...(start + limit < all.length ? { PaginationToken: tokenOf(start + limit) } : {}),
  };
}

function pageOf(input: Record<string, unknown>, tokenName: string) {
  const limit = input.Limit === undefined ? MAX_LIMIT : Number(input.Limit);
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) {
    throw new AwsServiceError('InvalidParameterException', `Limit must be 0-${MAX_LIMIT}`);
  }
  let start = 0;
  if (input[tokenName] !== undefined) {
    start = Number(Buffer.from(String(input[tokenName]), 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) {
      throw new AwsServiceError('InvalidParameterException', 'Invalid pagination token');
    }
  }
  return { start, limit };
}

const tokenOf = (n: number) => Buffer.from(String(n)).toString('base64url');

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
          ListUsersInGroup: (users: UserRegistry, input) => listUsersInGroup(pools, users, input),
          ...adminOperations(pools, options),
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

/** The operations beyond ListUsersInGroup: each checks the pool, then the user and group. */
function adminOperations(
  pools: Pool[],
  options: CognitoEndpointOptions,
): Record<string, (users: UserRegistry, input: Record<string, unknown>) => unknown> {
  const withUser =
    (
      apply: (
        pool: Pool,
        user: RegisteredUser,
        users: UserRegistry,
        input: Record<string, unknown>,
      ) => unknown,
    ) =>
    (users: UserRegistry, input: Record<string, unknown>) => {
      const pool = poolOf(pools, input);
      return apply(pool, userOf(users, input), users, input);
    };
  return {
    ListUsers: (users, input) => listUsers(poolOf(pools, input), users, input),
    AdminCreateUser: (users, input) =>
      adminCreateUser(poolOf(pools, input), users, input, options.invite),
    AdminGetUser: withUser((_pool, user) => {
      const { Attributes, ...rest } = userType(user);
      return { ...rest, UserAttributes: Attributes };
    }),
    AdminListGroupsForUser: withUser((pool, user, _users, input) => {
      const { start, limit } = pageOf(input, 'NextToken');
      const groups = user.groups.filter((g) => pool.groups.has(g));
      return {
        Groups: groups
          .slice(start, start + limit)
          .map((GroupName) => ({ GroupName, UserPoolId: pool.id })),
        ...(start + limit < groups.length ? { NextToken: tokenOf(start + limit) } : {}),
      };
    }),
    AdminAddUserToGroup: withUser((pool, user, users, input) => {
      const group = groupOf(pool, input);
      if (user.groups.includes(group)) return {};
      return updateUser(users, user, { groups: [...user.groups, group] });
    }),
    AdminRemoveUserFromGroup: withUser((pool, user, users, input) => {
      const group = groupOf(pool, input);
      return updateUser(users, user, { groups: user.groups.filter((g) => g !== group) });
    }),
    AdminUpdateUserAttributes: withUser((pool, user, users, input) => {
      const attributes = attributeMap(pool, input.UserAttributes);
      return updateUser(users, user, {
        ...(attributes.has('name') ? { name: attributes.get('name')! } : {}),
        ...(attributes.has('email') ? { email: attributes.get('email')!.toLowerCase() } : {}),
        ...(attributes.has('custom:unit_id') ? { unitId: attributes.get('custom:unit_id')! } : {}),
      });
    }),
    AdminDisableUser: withUser((_pool, user, users) => updateUser(users, user, { enabled: false })),
    AdminEnableUser: withUser((_pool, user, users) => updateUser(users, user, { enabled: true })),
    // Tokens the local issuer signed stay valid until they expire, as ID tokens do in AWS;
    // a disabled user gets no new one.
    AdminUserGlobalSignOut: withUser(() => ({})),
  };
}
