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
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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

class CognitoError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

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
    throw new CognitoError('InvalidParameterException', 'UserPoolId is required');
  }
  if (typeof GroupName !== 'string' || !GroupName) {
    throw new CognitoError('InvalidParameterException', 'GroupName is required');
  }
  const pool = pools.find((p) => p.id === UserPoolId);
  if (!pool) throw new CognitoError('ResourceNotFoundException', 'User pool does not exist.');
  if (!pool.groups.has(GroupName)) {
    throw new CognitoError('ResourceNotFoundException', 'Group not found.');
  }
  const limit = Limit === undefined ? MAX_LIMIT : Number(Limit);
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) {
    throw new CognitoError('InvalidParameterException', `Limit must be 0-${MAX_LIMIT}`);
  }
  let start = 0;
  if (NextToken !== undefined) {
    start = Number(Buffer.from(String(NextToken), 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) {
      throw new CognitoError('InvalidParameterException', 'Invalid pagination token');
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

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
  };
  if (errorType) headers['x-amzn-ErrorType'] = errorType;
  res.writeHead(status, headers);
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new CognitoError('InvalidParameterException', 'Request body too large', 413));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handle(
  pools: Pool[],
  users: Pick<UserRegistry, 'list'>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    throw new CognitoError('UnknownOperationException', `Unsupported method ${req.method}`, 405);
  }
  const target = String(req.headers['x-amz-target'] ?? '');
  const body = await readBody(req);
  if (target !== `${TARGET_PREFIX}ListUsersInGroup`) {
    throw new CognitoError('UnknownOperationException', `Unknown operation ${target || '(none)'}`);
  }
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    throw new CognitoError('SerializationException', 'Request body is not valid JSON');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new CognitoError('SerializationException', 'Request body must be a JSON object');
  }
  send(res, 200, listUsersInGroup(pools, users, input as Record<string, unknown>));
}

export async function startCognitoEndpoint(
  options: CognitoEndpointOptions,
): Promise<CognitoEndpoint> {
  const pools = readUserPools(options.template, options.resolve);
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((req, res) => {
    handle(pools, options.users, req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const error =
        err instanceof CognitoError
          ? err
          : new CognitoError('InternalErrorException', String(err), 500);
      send(res, error.statusCode, { __type: error.code, message: error.message }, error.code);
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    userPoolIds: pools.map((p) => p.id),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
