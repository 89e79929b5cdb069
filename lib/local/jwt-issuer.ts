/**
 * A local stand-in for the Cognito user pool: an RS256 signing key, an OpenID-style discovery
 * document and JWKS, and ID tokens shaped like the ones Cognito issues. Built on node:crypto only
 * (jose 6 is ESM-only, which jest's CommonJS runtime cannot load without extra transforms).
 *
 * The issuer identifier (`iss`) is deliberately port-independent. The discovery server binds
 * port 0, so its URL changes at every start; an `iss` that named the port would invalidate every
 * token at each restart, and `npm run token`, which signs without starting the server, could not
 * know it. The local JWT authorizer is handed the JWKS directly and never does discovery, so the
 * discovery document simply names this identifier as `issuer` and the real server URL as
 * `jwks_uri`.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createManagedLogin, type ManagedLoginOptions } from './managed-login';
import { createUserRegistry, type UserRegistry } from './user-registry';

/** `iss` of every locally issued token; `localhost` names make clear it is not a real pool. */
export const LOCAL_ISSUER = 'http://cognito-idp.localhost/local-user-pool';
/** The audience used when neither the caller nor the template names an app client. */
export const LOCAL_CLIENT_ID = 'local-officers-client';
const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
/** Relative to the runtime's data dir. */
export const SIGNING_KEY_FILE = path.join('jwt-issuer', 'signing-key.json');

export interface Jwk extends JsonWebKey {
  kid?: string;
  alg?: string;
  use?: string;
}

export interface Jwks {
  keys: Jwk[];
}

export interface LocalJwtIssuerOptions {
  /** Persist the signing key under `<dataDir>/jwt-issuer/`; without it the key lives in memory. */
  dataDir?: string;
  /** `iss` of the tokens; `LOCAL_ISSUER` by default. */
  issuer?: string;
  /** `aud` when `issueToken` is not given one; `LOCAL_CLIENT_ID` by default. */
  defaultAudience?: string;
  /** Milliseconds since the epoch; `Date.now` by default (tests move the clock). */
  now?: () => number;
  /**
   * Where every issued token's user is registered (what the local Cognito endpoint lists);
   * `<dataDir>/users.jsonl` when there is a data dir, else none.
   */
  users?: Pick<UserRegistry, 'register'> & Partial<Pick<UserRegistry, 'find'>>;
  /** Awaited after `POST /local/tokens` registered its user (the runtime syncs its directory). */
  afterRegister?: (sub: string) => Promise<void>;
}

/** The server's managed login (lib/local/managed-login.ts): the app client and who may sign in. */
export type LocalSignIn = Omit<ManagedLoginOptions, 'issuer' | 'afterSignIn' | 'now'>;

export interface IssueTokenInput {
  /** Cognito's user id (a UUID in AWS). */
  sub: string;
  /** Becomes `name`. */
  name: string;
  /** Becomes `cognito:groups`; omitted when empty, as Cognito does. */
  groups: string[];
  /** Becomes `custom:unit_id`. */
  unitId: string;
  /** The app client id; becomes `aud`. The issuer's `defaultAudience` by default. */
  audience?: string;
  expiresInSeconds?: number;
  /** `cognito:username`; the `sub` by default, as for pools that sign in by email. */
  username?: string;
  email?: string;
  /** Extra or overriding claims, e.g. `nbf`, `scope` (tests). */
  extraClaims?: Record<string, unknown>;
}

export interface LocalJwtIssuer {
  readonly issuer: string;
  readonly kid: string;
  /** Where the key is kept, or undefined when in memory. */
  readonly keyFile?: string;
  jwks(): Jwks;
  /** A Cognito-shaped ID token (`token_use: id`, `aud` = app client), signed RS256. */
  issueToken(input: IssueTokenInput): string;
  /**
   * A Cognito-shaped access token (`token_use: access`, `client_id`, `scope`, no `aud` and no
   * custom attributes), what the managed login's token endpoint returns beside the ID token.
   */
  issueAccessToken(input: IssueAccessTokenInput): string;
}

interface IssueAccessTokenInput {
  sub: string;
  groups: string[];
  clientId: string;
  scopes: string[];
  username?: string;
  expiresInSeconds?: number;
}

export interface RunningJwtIssuer extends LocalJwtIssuer {
  /** The discovery server, e.g. `http://127.0.0.1:51234`. */
  url: string;
  close(): Promise<void>;
}

interface StoredKey {
  kid: string;
  privateJwk: JsonWebKey;
  createdAt: string;
}

/** Loads (or creates, once) the signing key; no server. What `npm run token` uses. */
export function createLocalJwtIssuer(options: LocalJwtIssuerOptions = {}): LocalJwtIssuer {
  const issuer = options.issuer ?? LOCAL_ISSUER;
  const now = options.now ?? Date.now;
  const keyFile = options.dataDir ? path.join(options.dataDir, SIGNING_KEY_FILE) : undefined;
  const stored = keyFile ? loadOrCreateKey(keyFile) : newKey();
  const privateKey = createPrivateKey({ key: stored.privateJwk, format: 'jwk' });
  const publicJwk = publicJwkOf(privateKey, stored.kid);
  const users =
    options.users ??
    (options.dataDir ? createUserRegistry({ dataDir: options.dataDir }) : undefined);

  return {
    issuer,
    kid: stored.kid,
    keyFile,
    jwks: () => ({ keys: [{ ...publicJwk }] }),
    issueToken(input) {
      const known = users?.find?.(input.sub);
      // Cognito refuses to sign in a disabled user: "User is disabled." (NotAuthorizedException).
      if (known && known.enabled === false)
        throw new Error('NotAuthorizedException: User is disabled.');
      const iat = Math.floor(now() / 1000);
      const lifetime = input.expiresInSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
      // Claim order and names follow a Cognito ID token.
      const claims: Record<string, unknown> = {
        sub: input.sub,
        ...(input.groups.length && { 'cognito:groups': [...input.groups] }),
        ...(input.email && { email_verified: true }),
        iss: issuer,
        'cognito:username': input.username ?? input.sub,
        origin_jti: randomUUID(),
        aud: input.audience ?? options.defaultAudience ?? LOCAL_CLIENT_ID,
        event_id: randomUUID(),
        token_use: 'id',
        auth_time: iat,
        name: input.name,
        'custom:unit_id': input.unitId,
        exp: iat + lifetime,
        iat,
        jti: randomUUID(),
        ...(input.email && { email: input.email }),
        ...input.extraClaims,
      };
      users?.register({
        sub: input.sub,
        name: input.name,
        groups: input.groups,
        unitId: input.unitId,
        username: input.username,
        email: input.email,
      });
      return signJwt({ kid: stored.kid, alg: 'RS256' }, claims, privateKey);
    },
    issueAccessToken(input) {
      const iat = Math.floor(now() / 1000);
      const claims: Record<string, unknown> = {
        sub: input.sub,
        ...(input.groups.length && { 'cognito:groups': [...input.groups] }),
        iss: issuer,
        version: 2,
        client_id: input.clientId,
        origin_jti: randomUUID(),
        event_id: randomUUID(),
        token_use: 'access',
        scope: input.scopes.join(' '),
        auth_time: iat,
        exp: iat + (input.expiresInSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS),
        iat,
        jti: randomUUID(),
        username: input.username ?? input.sub,
      };
      return signJwt({ kid: stored.kid, alg: 'RS256' }, claims, privateKey);
    },
  };
}

/**
 * The issuer plus its server on 127.0.0.1 (port 0 picks a free port): the discovery document, the
 * JWKS, and `POST /local/tokens`, a local-only convenience with no Cognito counterpart that returns
 * `{ id_token, token_type, expires_in }` for an `IssueTokenInput` body. It lets a test or a tool
 * talking to an in-memory runtime (whose key exists nowhere else) get tokens; like the key file it
 * is reachable from this machine only.
 */
export async function startLocalJwtIssuer(
  options: LocalJwtIssuerOptions & { port?: number; host?: string; signIn?: LocalSignIn } = {},
): Promise<RunningJwtIssuer> {
  const issuer = createLocalJwtIssuer(options);
  const host = options.host ?? '127.0.0.1';
  let url = '';
  const managedLogin = options.signIn
    ? createManagedLogin({
        ...options.signIn,
        issuer,
        afterSignIn: options.afterRegister,
        now: options.now,
      })
    : undefined;
  const server = http.createServer((request, response) => {
    if (managedLogin?.(request, response)) return;
    const pathname = (request.url ?? '/').split('?')[0];
    if (pathname === TOKEN_PATH && request.method === 'POST') {
      return void readJson(request)
        .then((input) => tokenResponse(issuer, signInAs(options.users, input)))
        .then(async (token) => {
          await options.afterRegister?.(token.sub);
          return token.body;
        })
        .then(
          (token) => respond(response, 200, token),
          (error: Error) => respond(response, 400, { message: error.message }),
        );
    }
    const body =
      pathname === '/.well-known/jwks.json'
        ? issuer.jwks()
        : pathname === '/.well-known/openid-configuration'
          ? discoveryDocument(issuer.issuer, url)
          : undefined;
    respond(response, body ? 200 : 404, body ?? { message: 'Not Found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host}:${port}`;
  return {
    ...issuer,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const TOKEN_PATH = '/local/tokens';

function respond(response: http.ServerResponse, statusCode: number, body: object): void {
  const payload = JSON.stringify(body);
  response.writeHead(statusCode, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
  });
  response.end(response.req.method === 'HEAD' ? undefined : payload);
}

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Error('The body must be JSON.');
  }
}

function tokenResponse(issuer: LocalJwtIssuer, body: unknown) {
  const input = body as Partial<IssueTokenInput> | null;
  const text = (value: unknown) => typeof value === 'string' && value.length > 0;
  if (
    !input ||
    !text(input.sub) ||
    !text(input.name) ||
    !text(input.unitId) ||
    !Array.isArray(input.groups) ||
    !input.groups.every(text)
  ) {
    throw new Error('Expected { sub, name, unitId: non-empty strings, groups: string[] }.');
  }
  const token = issuer.issueToken(input as IssueTokenInput);
  return {
    sub: input.sub as string,
    body: {
      id_token: token,
      token_type: 'Bearer',
      expires_in: input.expiresInSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
    },
  };
}

/**
 * `{ "username": "…" }` (or `{ "sub": "…" }` alone) signs in as a user the pool already has — one
 * an admin created through the product — with the name, groups and unit the pool holds for them.
 */
function signInAs(users: LocalJwtIssuerOptions['users'], body: unknown): unknown {
  const input = body as { sub?: unknown; username?: unknown; groups?: unknown } | null;
  if (!input || input.groups !== undefined || !users?.find) return body;
  const name = typeof input.username === 'string' ? input.username : input.sub;
  const user = typeof name === 'string' ? users.find(name) : undefined;
  if (!user) return body;
  return {
    sub: user.sub,
    name: user.name,
    groups: user.groups,
    unitId: user.unitId,
    ...(user.username ? { username: user.username } : {}),
    ...(user.email ? { email: user.email } : {}),
  };
}

function discoveryDocument(issuer: string, serverUrl: string) {
  return {
    issuer,
    jwks_uri: `${serverUrl}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['none'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'token_use',
      'name',
      'email',
      'cognito:groups',
      'cognito:username',
      'custom:unit_id',
    ],
  };
}

function newKey(): StoredKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid: thumbprint(privateKey),
    privateJwk: privateKey.export({ format: 'jwk' }),
    createdAt: new Date().toISOString(),
  };
}

/**
 * Creates the key file at most once even when `npm start` and `npm run token` race: the key is
 * written to a temporary file and hard-linked into place, which fails if another process won.
 */
function loadOrCreateKey(keyFile: string): StoredKey {
  if (fs.existsSync(keyFile)) return readKey(keyFile);
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  const temporary = `${keyFile}.${process.pid}.${randomUUID()}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(newKey(), null, 2), { mode: 0o600 });
  try {
    fs.linkSync(temporary, keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return readKey(keyFile);
}

function readKey(keyFile: string): StoredKey {
  const stored = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as StoredKey;
  if (!stored.kid || stored.privateJwk?.kty !== 'RSA') {
    throw new Error(`${keyFile} is not a local JWT signing key; delete it to make a new one.`);
  }
  return stored;
}

function publicJwkOf(privateKey: KeyObject, kid: string): Jwk {
  const { kty, n, e } = createPublicKey(privateKey).export({ format: 'jwk' });
  return { kid, alg: 'RS256', kty, e, n, use: 'sig' };
}

/** RFC 7638 JWK thumbprint: stable for a key, so the `kid` never needs storing separately. */
function thumbprint(key: KeyObject): string {
  const { e, kty, n } = createPublicKey(key).export({ format: 'jwk' });
  return createHash('sha256').update(JSON.stringify({ e, kty, n })).digest('base64url');
}

export function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function signJwt(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  privateKey: KeyObject,
): string {
  const signingInput = `${base64UrlJson(header)}.${base64UrlJson(claims)}`;
  const signature = sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url');
  return `${signingInput}.${signature}`;
}
