/**
 * The local stand-in for Cognito managed login: the OAuth 2.0 authorization code grant with PKCE
 * that the officers' console uses (docs/architecture.md, "Console").
 *
 *   GET  /local/oauth2/authorize  the sign-in page: the people of the local pool, one button each
 *   POST /local/oauth2/authorize  the chosen person: a one-time code, sent to redirect_uri
 *   POST /local/oauth2/token      the code (and PKCE verifier) for ID and access tokens
 *   GET  /local/logout            ends the session: back to a registered logout_uri
 *
 * It refuses what Cognito refuses, with Cognito's answers: an unknown client or an unregistered
 * redirect URI gets an error page and no redirect; other authorization errors go back to the
 * redirect URI as `?error=…&state=…`; the token endpoint answers `400 {"error":"invalid_grant"}`
 * (or invalid_request, invalid_client, unsupported_grant_type). A code lives 5 minutes, is
 * redeemed once (a second try is invalid_grant even when the first failed), only by the client
 * and redirect URI it was issued for, and only with the verifier whose S256 hash was the challenge.
 */
import { createHash, randomBytes } from 'node:crypto';
import type * as http from 'node:http';
import { escapeHtml } from '../../functions/domain/escape-html';
import { ROLE_LABELS, isRole } from '../../functions/domain/roles';

export const AUTHORIZE_PATH = '/local/oauth2/authorize';
export const OAUTH_TOKEN_PATH = '/local/oauth2/token';
export const LOGOUT_PATH = '/local/logout';

/** Cognito's authorization codes are valid for five minutes. */
const CODE_LIFETIME_MS = 5 * 60 * 1000;
const TOKEN_LIFETIME_SECONDS = 3600;
/** The scopes a Cognito app client may be given besides custom resource-server scopes. */
const KNOWN_SCOPES = new Set([
  'openid',
  'email',
  'phone',
  'profile',
  'aws.cognito.signin.user.admin',
]);

export interface SignInUser {
  sub: string;
  name: string;
  groups: string[];
  unitId: string;
  /** The unit's name, shown on the sign-in page. */
  unitName?: string;
  username?: string;
  email?: string;
}

interface TokenClaims {
  sub: string;
  name: string;
  groups: string[];
  unitId: string;
  username?: string;
  email?: string;
  expiresInSeconds?: number;
}

/** What signs the tokens: the local issuer (lib/local/jwt-issuer.ts), which mounts this module. */
interface TokenSigner {
  issueToken(input: TokenClaims & { audience: string }): string;
  issueAccessToken(input: TokenClaims & { clientId: string; scopes: string[] }): string;
}

export interface ManagedLoginOptions {
  issuer: TokenSigner;
  /** The app client: its id and the callback and sign-out URLs registered for it. */
  client: () => { clientId: string; callbackUrls: string[]; logoutUrls: string[] };
  /** Who may sign in (the demo people and those the admins created). */
  users: () => SignInUser[];
  /** Awaited once a user signed in (the runtime puts them in the people directory). */
  afterSignIn?: (sub: string) => Promise<void>;
  now?: () => number;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge?: string;
  scopes: string[];
  user: SignInUser;
  expiresAt: number;
}

type OAuthError =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope';

/** A Node request listener for the paths above; returns false for any other path. */
export function createManagedLogin(
  options: ManagedLoginOptions,
): (request: http.IncomingMessage, response: http.ServerResponse) => boolean {
  const now = options.now ?? Date.now;
  const codes = new Map<string, IssuedCode>();

  const authorizeRequest = (params: URLSearchParams) => {
    const client = options.client();
    const clientId = params.get('client_id') ?? '';
    const redirectUri = params.get('redirect_uri') ?? '';
    // Without a known client and one of its callback URLs there is nowhere safe to redirect to.
    if (clientId !== client.clientId) return { kind: 'page', page: 'invalid_client' } as const;
    if (!client.callbackUrls.includes(redirectUri)) {
      return { kind: 'page', page: 'redirect_mismatch' } as const;
    }
    const state = params.get('state') ?? undefined;
    const back = (error: OAuthError) =>
      ({ kind: 'redirect', redirect: withQuery(redirectUri, { error, state }) }) as const;
    if (params.get('response_type') !== 'code') return back('unsupported_response_type');
    const scopes = (params.get('scope') ?? 'openid').split(/[ +]/).filter(Boolean);
    if (!scopes.every((s) => KNOWN_SCOPES.has(s))) return back('invalid_scope');
    const challenge = params.get('code_challenge') ?? undefined;
    const method = params.get('code_challenge_method') ?? undefined;
    // Cognito supports S256 only, and a challenge must name its method.
    if (
      (challenge || method) &&
      (method !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge ?? ''))
    ) {
      return back('invalid_request');
    }
    return { kind: 'valid', clientId, redirectUri, state, challenge, scopes } as const;
  };

  const authorize = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const query = new URL(request.url ?? '/', 'http://local').searchParams;
    const params = request.method === 'POST' ? new URLSearchParams(await readBody(request)) : query;
    const checked = authorizeRequest(params);
    if (checked.kind === 'page') return sendHtml(response, 400, errorPage(checked.page));
    if (checked.kind === 'redirect') return redirect(response, checked.redirect);
    if (request.method !== 'POST') {
      return sendHtml(response, 200, signInPage(params, options.users()));
    }
    const user = options.users().find((u) => u.sub === params.get('user'));
    if (!user) return sendHtml(response, 400, signInPage(params, options.users(), true));
    const code = randomBytes(24).toString('base64url');
    codes.set(code, {
      clientId: checked.clientId,
      redirectUri: checked.redirectUri,
      challenge: checked.challenge,
      scopes: checked.scopes,
      user,
      expiresAt: now() + CODE_LIFETIME_MS,
    });
    redirect(response, withQuery(checked.redirectUri, { code, state: checked.state }));
  };

  const token = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const fail = (error: OAuthError) => sendJson(response, 400, { error });
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const body = await readBody(request);
    if (type !== 'application/x-www-form-urlencoded') return fail('invalid_request');
    const form = new URLSearchParams(body);
    const grantType = form.get('grant_type');
    if (!grantType) return fail('invalid_request');
    if (grantType !== 'authorization_code') return fail('unsupported_grant_type');
    const clientId = form.get('client_id');
    const code = form.get('code');
    if (!clientId || !code) return fail('invalid_request');
    if (clientId !== options.client().clientId) return fail('invalid_client');
    const issued = codes.get(code);
    // Redeemed at most once: whatever this attempt's outcome, the code is spent.
    codes.delete(code);
    if (!issued || issued.expiresAt <= now()) return fail('invalid_grant');
    if (issued.clientId !== clientId) return fail('invalid_grant');
    if (form.get('redirect_uri') !== issued.redirectUri) return fail('invalid_grant');
    const verifier = form.get('code_verifier');
    if (issued.challenge) {
      if (!verifier) return fail('invalid_request');
      if (pkceChallengeOf(verifier) !== issued.challenge) return fail('invalid_grant');
    }
    const { user } = issued;
    const claims = {
      sub: user.sub,
      name: user.name,
      groups: user.groups,
      unitId: user.unitId,
      username: user.username,
      email: user.email,
      expiresInSeconds: TOKEN_LIFETIME_SECONDS,
    };
    const tokens = {
      id_token: options.issuer.issueToken({ ...claims, audience: clientId }),
      access_token: options.issuer.issueAccessToken({
        ...claims,
        clientId,
        scopes: issued.scopes,
      }),
      expires_in: TOKEN_LIFETIME_SECONDS,
      token_type: 'Bearer',
    };
    // Issuing registered the user in the local pool; the runtime then updates its directory.
    await options.afterSignIn?.(user.sub);
    sendJson(response, 200, tokens);
  };

  const logout = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const params = new URL(request.url ?? '/', 'http://local').searchParams;
    const client = options.client();
    if (params.get('client_id') !== client.clientId) {
      return sendHtml(response, 400, errorPage('invalid_client'));
    }
    const logoutUri = params.get('logout_uri') ?? '';
    if (!client.logoutUrls.includes(logoutUri)) {
      return sendHtml(response, 400, errorPage('redirect_mismatch'));
    }
    redirect(response, logoutUri);
  };

  return (request, response) => {
    const pathname = (request.url ?? '/').split('?')[0];
    const method = request.method ?? 'GET';
    const handlers: Record<string, () => Promise<void> | void> = {
      [`GET ${AUTHORIZE_PATH}`]: () => authorize(request, response),
      [`POST ${AUTHORIZE_PATH}`]: () => authorize(request, response),
      [`POST ${OAUTH_TOKEN_PATH}`]: () => token(request, response),
      [`GET ${LOGOUT_PATH}`]: () => logout(request, response),
    };
    const handle = handlers[`${method} ${pathname}`];
    if (!handle) {
      if (![AUTHORIZE_PATH, OAUTH_TOKEN_PATH, LOGOUT_PATH].includes(pathname)) return false;
      sendJson(response, 405, { error: 'invalid_request' });
      return true;
    }
    void Promise.resolve()
      .then(handle)
      .catch((error: Error) => {
        if (!response.headersSent)
          sendJson(response, 500, { error: 'server_error', message: error.message });
      });
    return true;
  };
}

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(verifier))). */
export function pkceChallengeOf(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function withQuery(url: string, params: Record<string, string | undefined>): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) target.searchParams.set(name, value);
  }
  return target.toString();
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function redirect(response: http.ServerResponse, location: string): void {
  response.writeHead(302, { location, 'cache-control': 'no-store' });
  response.end();
}

function sendJson(response: http.ServerResponse, status: number, body: object): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    pragma: 'no-cache',
    // The console redeems the code from its own origin, as browsers do with Cognito's domain.
    'access-control-allow-origin': '*',
  });
  response.end(payload);
}

/**
 * No form-action: a sign-in form's answer redirects to the app's callback URL on another origin,
 * and browsers apply form-action to that redirect too.
 */
const PAGE_CSP = "default-src 'none'; style-src 'sha256-STYLE'; frame-ancestors 'none'";

function sendHtml(response: http.ServerResponse, status: number, html: string): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': PAGE_CSP.replace(
      'sha256-STYLE',
      `sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}`,
    ),
  });
  response.end(html);
}

const PAGE_STYLE = `
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1b1b1b; background: #fafafa; }
header { background: #a50e0e; color: #fff; padding: .75rem 1rem; }
header p { margin: 0; font-weight: 600; }
main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
.en { color: #5a5a5a; font-size: .9em; }
header .en { color: #fff; }
ul { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
button { width: 100%; text-align: left; font: inherit; padding: .75rem 1rem; border: 1px solid #9a9a9a; border-radius: 6px; background: #fff; color: #1b1b1b; cursor: pointer; }
button:hover, button:focus-visible { border-color: #a50e0e; outline: 3px solid #a50e0e; outline-offset: 1px; }
.name { display: block; font-weight: 600; }
.role, .unit { display: block; color: #4a4a4a; font-size: .95em; }
[role=alert] { border-left: 4px solid #a50e0e; background: #fdecea; padding: .75rem 1rem; margin: 0 0 1rem; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${PAGE_STYLE}</style></head>
<body><header><p>Hệ thống kết nạp đảng viên <span class="en" lang="en">/ Party admission pipeline</span></p></header>
<main>${body}</main></body></html>`;
}

const AUTHORIZE_FIELDS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'scope',
  'code_challenge',
  'code_challenge_method',
];

function signInPage(params: URLSearchParams, users: SignInUser[], unknownUser = false): string {
  const hidden = AUTHORIZE_FIELDS.filter((name) => params.has(name))
    .map(
      (name) =>
        `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name) ?? '')}">`,
    )
    .join('');
  const roles = (groups: string[]) =>
    groups
      .filter(isRole)
      .map((g) => `${ROLE_LABELS[g].vi} <span class="en" lang="en">/ ${ROLE_LABELS[g].en}</span>`)
      .join(', ');
  const items = users
    .map(
      (user) => `<li><form method="post" action="${AUTHORIZE_PATH}">${hidden}
<button type="submit" name="user" value="${escapeHtml(user.sub)}" data-user="${escapeHtml(user.username ?? user.sub)}">
<span class="name">${escapeHtml(user.name)}</span>
<span class="role">${roles(user.groups)}</span>
<span class="unit">${escapeHtml(user.unitName ?? user.unitId)} (${escapeHtml(user.unitId)})</span>
</button></form></li>`,
    )
    .join('\n');
  return page(
    'Đăng nhập / Sign in',
    `<h1>Đăng nhập <span class="en" lang="en">/ Sign in</span></h1>
${unknownUser ? '<p role="alert">Không có người dùng này <span class="en" lang="en">/ No such user</span></p>' : ''}
<p>Máy cục bộ: chọn một người dùng mẫu để đăng nhập. <span class="en" lang="en">Local machine: choose a demo user to sign in as.</span></p>
<ul>${items}</ul>`,
  );
}

const ERROR_PAGES = {
  invalid_client: {
    vi: 'Ứng dụng không được đăng ký với nhóm người dùng này.',
    en: 'The app client is not registered with this user pool.',
  },
  redirect_mismatch: {
    vi: 'Địa chỉ chuyển hướng không có trong danh sách đã đăng ký.',
    en: 'The redirect URI is not one of the registered URLs (redirect_mismatch).',
  },
};

function errorPage(kind: keyof typeof ERROR_PAGES): string {
  const text = ERROR_PAGES[kind];
  return page(
    'Lỗi đăng nhập / Sign-in error',
    `<h1>Không thể đăng nhập <span class="en" lang="en">/ Sign-in error</span></h1>
<p role="alert" data-error="${kind}">${text.vi} <span class="en" lang="en">${text.en}</span></p>`,
  );
}
