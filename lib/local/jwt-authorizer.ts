/**
 * API Gateway HTTP API JWT authorizers, emulated from the template's `AWS::ApiGatewayV2::Authorizer`
 * resources, following the documented evaluation order
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html):
 *
 * 1. the token comes from the identity source, alone or prefixed with `Bearer `;
 * 2. it is decoded; 3. its algorithm must be RSA (RS256/384/512) and its signature must verify
 *    against the issuer's JWKS key named by `kid`;
 * 4. `iss` must equal the configured issuer; `aud` must match an audience entry, or `client_id`
 *    when the token has no `aud`; `exp` must be after now, `nbf` and `iat` not after now (no skew
 *    allowance is documented, so none is given); when the route has `AuthorizationScopes`, `scope`
 *    or `scp` must hold at least one of them (else 403, every other failure is 401).
 *
 * On success the Lambda sees `requestContext.authorizer.jwt` as API Gateway builds it for payload
 * 2.0: every claim a string (numbers and booleans stringified, arrays as `[a b]`, null claims left
 * out), and `scopes` null unless the route asks for scopes.
 *
 * Issuer mapping: the template's issuer is the Cognito pool URL
 * (`https://cognito-idp.<region>.amazonaws.com/<pool>`), for which there are no keys locally.
 * `issuerUrl` / `issuerOverride` replace it with the local issuer's identifier, so the very same
 * synthesized template is served locally and every other check stays as configured.
 */
import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Authorize, AuthorizeResult, HttpRoute } from './http-api';
import type { Jwk, Jwks } from './jwt-issuer';
import { listResources, type CfnTemplate, type Resolve } from './template';

export interface JwtAuthorizerDefinition {
  logicalId: string;
  /** The value routes reference in `AuthorizerId` (the Ref of the authorizer). */
  authorizerId: string;
  apiId: string;
  name?: string;
  issuer: string;
  audience: string[];
  identitySource: string[];
}

/** `requestContext.authorizer` of a payload 2.0 event behind a JWT authorizer. */
interface JwtAuthorizerContext {
  jwt: { claims: Record<string, string>; scopes: string[] | null };
}

type JwksSource = Jwks | (() => Jwks | Promise<Jwks>);

export interface JwtAuthorizerOptions {
  template: CfnTemplate;
  resolve: Resolve;
  jwks: JwksSource;
  /** Expected `iss` for every JWT authorizer, replacing the template's (see the file comment). */
  issuerUrl?: string;
  /** Template issuer → expected `iss`; wins over `issuerUrl` for the issuers it names. */
  issuerOverride?: Record<string, string>;
  /** Milliseconds since the epoch; `Date.now` by default. */
  now?: () => number;
  /** Why a request was refused (what AWS puts in `www-authenticate`); stderr by default. */
  log?: (message: string) => void;
}

export function readJwtAuthorizers(
  template: CfnTemplate,
  resolve: Resolve,
): JwtAuthorizerDefinition[] {
  return listResources(template, 'AWS::ApiGatewayV2::Authorizer')
    .map(({ logicalId, resource }) => ({
      logicalId,
      properties: resolve(resource.Properties ?? {}) as {
        ApiId?: string;
        AuthorizerType?: string;
        Name?: string;
        IdentitySource?: string[];
        JwtConfiguration?: { Issuer?: string; Audience?: string[] };
      },
    }))
    .filter(({ properties }) => properties.AuthorizerType === 'JWT')
    .map(({ logicalId, properties }) => ({
      logicalId,
      authorizerId: String(resolve({ Ref: logicalId })),
      apiId: String(properties.ApiId),
      name: properties.Name,
      issuer: String(properties.JwtConfiguration?.Issuer ?? ''),
      audience: (properties.JwtConfiguration?.Audience ?? []).map(String),
      identitySource: properties.IdentitySource ?? [],
    }));
}

/**
 * The app client id local tokens should carry: the first audience of the template's JWT
 * authorizers (the officers' tools, lib/identity.ts; the console's client follows it), when they
 * all start with the same one.
 */
export function localAudience(template: CfnTemplate, resolve: Resolve): string | undefined {
  const firsts = new Set(readJwtAuthorizers(template, resolve).map((a) => a.audience[0]));
  return firsts.size === 1 ? [...firsts][0] : undefined;
}

export function createJwtAuthorizer(options: JwtAuthorizerOptions): Authorize {
  const authorizers = new Map(
    readJwtAuthorizers(options.template, options.resolve).map((a) => [a.authorizerId, a]),
  );
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const loadJwks = async () =>
    typeof options.jwks === 'function' ? await options.jwks() : options.jwks;

  return async (event, route) => {
    if (route.authorizationType !== 'JWT') {
      throw new Error(
        `Route ${route.routeKey} uses ${route.authorizationType} authorization, which the local runtime does not emulate.`,
      );
    }
    const authorizer = route.authorizerId ? authorizers.get(route.authorizerId) : undefined;
    if (!authorizer) {
      throw new Error(`Route ${route.routeKey}: JWT authorizer ${route.authorizerId} not found.`);
    }
    const issuer =
      options.issuerOverride?.[authorizer.issuer] ?? options.issuerUrl ?? authorizer.issuer;
    const result = verifyJwt(readToken(event, authorizer.identitySource), {
      issuer,
      audience: authorizer.audience,
      jwks: await loadJwks(),
      nowSeconds: Math.floor(now() / 1000),
      requiredScopes: route.authorizationScopes,
    });
    if (!result.ok) {
      log(`[jwt-authorizer] ${result.statusCode} ${route.routeKey}: ${result.reason}`);
      return { authorized: false, statusCode: result.statusCode };
    }
    const authorizerContext: JwtAuthorizerContext = {
      jwt: { claims: toApiGatewayClaims(result.payload), scopes: result.scopes },
    };
    return { authorized: true, authorizer: authorizerContext } satisfies AuthorizeResult;
  };
}

/** The token from the (single) identity source, without its optional `Bearer ` prefix. */
function readToken(
  event: Pick<APIGatewayProxyEventV2, 'headers' | 'queryStringParameters'>,
  identitySource: string[],
): string | undefined {
  const source = identitySource[0] ?? '$request.header.Authorization';
  const header = /^\$request\.header\.(.+)$/i.exec(source);
  const query = /^\$request\.querystring\.(.+)$/i.exec(source);
  const value = header
    ? event.headers?.[header[1].toLowerCase()]
    : query
      ? event.queryStringParameters?.[query[1]]
      : undefined;
  if (!value) return undefined;
  return value.startsWith('Bearer ') ? value.slice('Bearer '.length) : value;
}

export interface VerifyJwtOptions {
  issuer: string;
  audience: string[];
  jwks: Jwks;
  nowSeconds: number;
  requiredScopes?: HttpRoute['authorizationScopes'];
}

export type VerifyJwtResult =
  | { ok: true; payload: Record<string, unknown>; scopes: string[] | null }
  | { ok: false; statusCode: 401 | 403; reason: string };

const RSA_HASHES: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };

export function verifyJwt(token: string | undefined, options: VerifyJwtOptions): VerifyJwtResult {
  const refuse = (reason: string, statusCode: 401 | 403 = 401): VerifyJwtResult => ({
    ok: false,
    statusCode,
    reason,
  });
  if (!token) return refuse('no token in the identity source');

  const parts = token.split('.');
  if (parts.length !== 3) return refuse('the token is not a JWS compact serialization');
  const header = decodeJson(parts[0]);
  const payload = decodeJson(parts[1]);
  if (!header || !payload) return refuse('the token could not be decoded');

  const hash = typeof header.alg === 'string' ? RSA_HASHES[header.alg] : undefined;
  if (!hash) return refuse(`signing method ${String(header.alg)} is invalid`);
  const jwk = options.jwks.keys.find((key) => key.kid !== undefined && key.kid === header.kid);
  if (!jwk) return refuse(`no key in the JWKS matches kid ${String(header.kid)}`);
  if (jwk.kty !== 'RSA' || (jwk.alg !== undefined && jwk.alg !== header.alg)) {
    return refuse(`key ${jwk.kid} cannot verify ${String(header.alg)}`);
  }
  const signature = Buffer.from(parts[2], 'base64url');
  if (!checkSignature(hash, `${parts[0]}.${parts[1]}`, publicKeyOf(jwk), signature)) {
    return refuse('the token signature is invalid');
  }

  if (payload.iss !== options.issuer) return refuse('the token does not have a valid issuer');
  // `client_id` counts only when there is no `aud` (Cognito access tokens have none).
  const audiences =
    payload.aud !== undefined ? [payload.aud].flat() : [payload.client_id].filter(Boolean);
  if (!audiences.some((aud) => typeof aud === 'string' && options.audience.includes(aud))) {
    return refuse('the token does not have a valid audience');
  }

  const now = options.nowSeconds;
  if (typeof payload.exp !== 'number') return refuse('the token has no valid exp claim');
  if (payload.exp <= now) return refuse('the token has expired');
  for (const claim of ['nbf', 'iat'] as const) {
    const value = payload[claim];
    if (value === undefined) continue;
    if (typeof value !== 'number') return refuse(`the token's ${claim} claim is not a number`);
    if (value > now) return refuse(`the token's ${claim} is in the future`);
  }

  const required = options.requiredScopes ?? [];
  if (required.length === 0) return { ok: true, payload, scopes: null };
  const scopes = tokenScopes(payload);
  if (!scopes.some((scope) => required.includes(scope))) {
    return refuse('the token does not have a required scope', 403);
  }
  return { ok: true, payload, scopes };
}

/** `scp` (array or space-separated) wins over `scope` (Cognito: space-separated). */
function tokenScopes(payload: Record<string, unknown>): string[] {
  for (const claim of ['scp', 'scope']) {
    const value = payload[claim];
    if (Array.isArray(value)) return value.map(String);
    if (typeof value === 'string' && value.trim()) return value.trim().split(/\s+/);
  }
  return [];
}

/**
 * Claims as API Gateway hands them to the integration: strings as they are, numbers and booleans
 * as text, arrays as `[a b]` (e.g. `cognito:groups` → `"[cell-officer approver]"`), objects as
 * JSON text, null claims dropped.
 */
export function toApiGatewayClaims(payload: Record<string, unknown>): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === null || value === undefined) continue;
    claims[name] = renderClaim(value);
  }
  return claims;
}

function renderClaim(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    return `[${value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(' ')}]`;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function decodeJson(segment: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const publicKeys = new Map<string, KeyObject>();

function publicKeyOf(jwk: Jwk): KeyObject | undefined {
  const cacheKey = `${jwk.kid}:${jwk.n}:${jwk.e}`;
  let key = publicKeys.get(cacheKey);
  if (!key) {
    try {
      key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
    } catch {
      return undefined;
    }
    publicKeys.set(cacheKey, key);
  }
  return key;
}

function checkSignature(
  hash: string,
  signingInput: string,
  key: KeyObject | undefined,
  signature: Buffer,
): boolean {
  if (!key) return false;
  try {
    return verifySignature(hash, Buffer.from(signingInput), key, signature);
  } catch {
    return false;
  }
}
