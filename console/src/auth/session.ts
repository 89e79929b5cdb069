import type { ConsoleConfig } from '../config';
import { challengeOf, claimsOf, randomVerifier } from './pkce';

/**
 * Sign-in with the authorization code grant and PKCE (Cognito managed login on AWS, the local
 * issuer's sign-in page on this machine), tokens kept in this tab's sessionStorage only. The ID
 * token is what the API's JWT authorizer checks (its audience is the app client) and what carries
 * the officer's groups and unit; it is stored under `token`, where the approval page on the same
 * origin reads it too.
 */
const TOKEN_KEY = 'token';
const ACCESS_TOKEN_KEY = 'access_token';
const PENDING_KEY = 'signin';

export interface Officer {
  sub: string;
  name: string;
  roles: string[];
  unitId: string;
  expiresAt: number;
}

interface PendingSignIn {
  state: string;
  verifier: string;
  /** The page asked for before signing in (`#/candidates/…`). */
  returnTo: string;
}

export async function startSignIn(config: ConsoleConfig): Promise<void> {
  const pending: PendingSignIn = {
    state: randomVerifier(),
    verifier: randomVerifier(),
    returnTo: location.hash,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(config.auth.authorizeUrl, location.href);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.auth.clientId,
    redirect_uri: config.auth.redirectUri,
    scope: config.auth.scopes.join(' '),
    state: pending.state,
    code_challenge: await challengeOf(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

class SignInError extends Error {}

/**
 * Back from the authorization endpoint (`?code=…&state=…` or `?error=…`): redeems the code once,
 * removes it from the address bar, and returns to the page asked for. Nothing to do otherwise.
 */
export async function completeSignIn(config: ConsoleConfig): Promise<void> {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as PendingSignIn | null;
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', `${location.pathname}${pending?.returnTo ?? ''}`);
  if (params.has('error')) throw new SignInError(params.get('error') ?? 'error');
  if (!pending || params.get('state') !== pending.state) throw new SignInError('state_mismatch');
  const response = await fetch(config.auth.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.auth.clientId,
      code: params.get('code') ?? '',
      redirect_uri: config.auth.redirectUri,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await response.json()) as {
    id_token?: string;
    access_token?: string;
    error?: string;
  };
  if (!response.ok || !body.id_token) throw new SignInError(body.error ?? String(response.status));
  sessionStorage.setItem(TOKEN_KEY, body.id_token);
  if (body.access_token) sessionStorage.setItem(ACCESS_TOKEN_KEY, body.access_token);
}

export function currentToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** Who is signed in, from the ID token; `undefined` when nobody is or the token has expired. */
export function currentOfficer(now = Date.now()): Officer | undefined {
  const token = currentToken();
  const claims = token ? claimsOf(token) : undefined;
  if (!claims || typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return undefined;
  return {
    sub: String(claims.sub),
    name: String(claims.name ?? claims['cognito:username'] ?? claims.sub),
    roles: Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'].map(String) : [],
    unitId: String(claims['custom:unit_id'] ?? ''),
    expiresAt: claims.exp * 1000,
  };
}

/** Forgets the tokens and, where there is one, ends the session at the sign-in service too. */
export function signOut(config: ConsoleConfig): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(ACCESS_TOKEN_KEY);
  if (!config.auth.logoutUrl) {
    location.assign(config.auth.redirectUri);
    return;
  }
  const url = new URL(config.auth.logoutUrl, location.href);
  url.search = new URLSearchParams({
    client_id: config.auth.clientId,
    logout_uri: config.auth.redirectUri,
  }).toString();
  location.assign(url.toString());
}
