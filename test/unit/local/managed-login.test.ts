import { randomBytes } from 'node:crypto';
import { pkceChallengeOf } from '../../../lib/local/managed-login';
import { type RunningJwtIssuer, startLocalJwtIssuer } from '../../../lib/local/jwt-issuer';
import { DEMO_USERS } from '../../../lib/local/local-accounts';

/**
 * The local managed login answers the console's authorization code + PKCE flow as Cognito does,
 * and refuses what Cognito refuses with Cognito's error codes.
 */
const CLIENT = 'officers-client';
const CALLBACK = 'http://127.0.0.1:3000/app/';
const USER = DEMO_USERS[0];

let issuer: RunningJwtIssuer;
let now = Date.parse('2025-06-02T03:00:00Z');
beforeAll(async () => {
  issuer = await startLocalJwtIssuer({
    now: () => now,
    signIn: {
      client: () => ({ clientId: CLIENT, callbackUrls: [CALLBACK], logoutUrls: [CALLBACK] }),
      users: () => DEMO_USERS.map((u) => ({ ...u, groups: [...u.groups] })),
    },
  });
});
afterAll(() => issuer.close());

const verifier = () => randomBytes(32).toString('base64url');

function authorizeParams(overrides: Record<string, string | undefined> = {}, challenge?: string) {
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: CLIENT,
    redirect_uri: CALLBACK,
    state: 'st4te',
    scope: 'openid email',
    code_challenge: challenge,
    code_challenge_method: challenge ? 'S256' : undefined,
    ...overrides,
  };
  return new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

/** Signs in as USER and returns the code the callback URL received. */
async function codeFor(challenge: string, overrides: Record<string, string> = {}) {
  const form = authorizeParams(overrides, challenge);
  form.set('user', USER.sub);
  const response = await fetch(`${issuer.url}/local/oauth2/authorize`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
  expect(location.searchParams.get('state')).toBe('st4te');
  return location.searchParams.get('code')!;
}

async function redeem(fields: Record<string, string>) {
  const response = await fetch(`${issuer.url}/local/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: CLIENT,
      redirect_uri: CALLBACK,
      ...fields,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

it('lists the demo users on a bilingual sign-in page', async () => {
  const response = await fetch(
    `${issuer.url}/local/oauth2/authorize?${authorizeParams({}, pkceChallengeOf(verifier()))}`,
  );
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toContain('Đăng nhập');
  expect(html).toContain('Sign in');
  for (const user of DEMO_USERS) expect(html).toContain(user.name);
  expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
});

it('exchanges a code and its verifier for ID and access tokens, once', async () => {
  const secret = verifier();
  const code = await codeFor(pkceChallengeOf(secret));
  const { status, body } = await redeem({ code, code_verifier: secret });
  expect(status).toBe(200);
  expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
  expect(claims(body.id_token as string)).toMatchObject({
    sub: USER.sub,
    aud: CLIENT,
    token_use: 'id',
    name: USER.name,
    'cognito:groups': USER.groups,
    'custom:unit_id': USER.unitId,
  });
  expect(claims(body.access_token as string)).toMatchObject({
    sub: USER.sub,
    client_id: CLIENT,
    token_use: 'access',
    scope: 'openid email',
  });
  expect(claims(body.access_token as string).aud).toBeUndefined();
  // A code is redeemed once.
  expect(await redeem({ code, code_verifier: secret })).toEqual({
    status: 400,
    body: { error: 'invalid_grant' },
  });
});

it('refuses a wrong verifier with invalid_grant, and the code is spent', async () => {
  const secret = verifier();
  const code = await codeFor(pkceChallengeOf(secret));
  expect(await redeem({ code, code_verifier: verifier() })).toEqual({
    status: 400,
    body: { error: 'invalid_grant' },
  });
  expect((await redeem({ code, code_verifier: secret })).body).toEqual({ error: 'invalid_grant' });
});

it('refuses a redirect URI other than the one the code was issued for', async () => {
  const secret = verifier();
  const code = await codeFor(pkceChallengeOf(secret));
  expect(
    await redeem({ code, code_verifier: secret, redirect_uri: 'http://127.0.0.1:3000/other/' }),
  ).toEqual({ status: 400, body: { error: 'invalid_grant' } });
});

it('refuses an expired code (five minutes), a missing verifier, an unknown client and grant', async () => {
  const secret = verifier();
  const expired = await codeFor(pkceChallengeOf(secret));
  now += 5 * 60 * 1000 + 1;
  expect((await redeem({ code: expired, code_verifier: secret })).body).toEqual({
    error: 'invalid_grant',
  });
  const code = await codeFor(pkceChallengeOf(secret));
  expect(await redeem({ code })).toEqual({ status: 400, body: { error: 'invalid_request' } });
  expect((await redeem({ code: 'x', client_id: 'someone-else' })).body).toEqual({
    error: 'invalid_client',
  });
  expect((await redeem({ code: 'x', grant_type: 'refresh_tokens' })).body).toEqual({
    error: 'unsupported_grant_type',
  });
});

it('shows an error page, with no redirect, for an unknown client or callback URL', async () => {
  for (const overrides of [{ client_id: 'nobody' }, { redirect_uri: 'https://evil.example/' }]) {
    const response = await fetch(
      `${issuer.url}/local/oauth2/authorize?${authorizeParams(overrides)}`,
      { redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  }
});

it('sends other authorization errors back to the callback URL', async () => {
  const cases: [Record<string, string>, string][] = [
    [{ code_challenge: 'abc', code_challenge_method: 'plain' }, 'invalid_request'],
    [{ response_type: 'token' }, 'unsupported_response_type'],
    [{ scope: 'openid admin:everything' }, 'invalid_scope'],
  ];
  for (const [overrides, error] of cases) {
    const response = await fetch(
      `${issuer.url}/local/oauth2/authorize?${authorizeParams(overrides)}`,
      { redirect: 'manual' },
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('state')).toBe('st4te');
  }
});
