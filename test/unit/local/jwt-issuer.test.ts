import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createLocalJwtIssuer,
  LOCAL_CLIENT_ID,
  LOCAL_ISSUER,
  SIGNING_KEY_FILE,
  startLocalJwtIssuer,
  TOKEN_PATH,
  type RunningJwtIssuer,
} from '../../../lib/local/jwt-issuer';
import { verifyJwt } from '../../../lib/local/jwt-authorizer';

interface Claims {
  [name: string]: unknown;
  exp: number;
  iat: number;
}

function decode(token: string): { header: Record<string, unknown>; claims: Claims } {
  const [header, claims] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  return { header, claims };
}

const NOW = Date.UTC(2026, 0, 15, 8, 0, 0);
const person = {
  sub: '0f1e2d3c-0000-4000-8000-000000000001',
  name: 'Trần Thị Bình',
  groups: ['cell-officer'],
  unitId: 'dd-xltbd-kythuat',
};

describe('local JWT issuer', () => {
  let dataDir: string;
  const running: RunningJwtIssuer[] = [];
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jwt-issuer-'));
  });
  afterEach(async () => {
    for (const issuer of running.splice(0)) await issuer.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('issues a Cognito-shaped ID token signed RS256 with the kid of its JWKS key', () => {
    const issuer = createLocalJwtIssuer({ now: () => NOW });
    const token = issuer.issueToken({ ...person, audience: 'client-123', expiresInSeconds: 600 });
    const { header, claims } = decode(token);

    expect(header).toEqual({ kid: issuer.kid, alg: 'RS256' });
    expect(issuer.jwks().keys.map((k) => k.kid)).toEqual([issuer.kid]);
    const iat = NOW / 1000;
    expect(claims).toEqual({
      sub: person.sub,
      'cognito:groups': ['cell-officer'],
      iss: LOCAL_ISSUER,
      'cognito:username': person.sub,
      origin_jti: expect.any(String),
      aud: 'client-123',
      event_id: expect.any(String),
      token_use: 'id',
      auth_time: iat,
      name: 'Trần Thị Bình',
      'custom:unit_id': 'dd-xltbd-kythuat',
      exp: iat + 600,
      iat,
      jti: expect.any(String),
    });
    expect(decode(issuer.issueToken(person)).claims.jti).not.toBe(claims.jti);
  });

  it('defaults to a one-hour token for the local client and omits cognito:groups when empty', () => {
    const issuer = createLocalJwtIssuer({ now: () => NOW });
    const { claims } = decode(issuer.issueToken({ ...person, groups: [] }));
    expect(claims.aud).toBe(LOCAL_CLIENT_ID);
    expect(claims.exp - claims.iat).toBe(3600);
    expect(claims).not.toHaveProperty('cognito:groups');
  });

  it('publishes only the public half of the key', () => {
    const [key] = createLocalJwtIssuer().jwks().keys;
    expect(key).toEqual({
      kid: expect.any(String),
      alg: 'RS256',
      kty: 'RSA',
      e: 'AQAB',
      n: expect.any(String),
      use: 'sig',
    });
    expect(key).not.toHaveProperty('d');
  });

  it('serves the discovery document and JWKS on 127.0.0.1', async () => {
    const issuer = await startLocalJwtIssuer();
    running.push(issuer);
    expect(issuer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const discovery = (await (
      await fetch(`${issuer.url}/.well-known/openid-configuration`)
    ).json()) as { jwks_uri: string };
    expect(discovery).toMatchObject({
      issuer: LOCAL_ISSUER,
      jwks_uri: `${issuer.url}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
    const jwks = await (await fetch(discovery.jwks_uri)).json();
    expect(jwks).toEqual(issuer.jwks());
    expect((await fetch(`${issuer.url}/nothing`)).status).toBe(404);
  });

  it('mints tokens over POST /local/tokens for its default audience, and checks the body', async () => {
    const issuer = await startLocalJwtIssuer({ defaultAudience: 'client-from-template' });
    running.push(issuer);
    const post = (body: unknown) =>
      fetch(`${issuer.url}${TOKEN_PATH}`, { method: 'POST', body: JSON.stringify(body) });

    const response = await post({ ...person, expiresInSeconds: 120 });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id_token: string };
    expect(body).toEqual({ id_token: expect.any(String), token_type: 'Bearer', expires_in: 120 });
    const verdict = verifyJwt(body.id_token, {
      issuer: LOCAL_ISSUER,
      audience: ['client-from-template'],
      jwks: issuer.jwks(),
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    expect(verdict).toMatchObject({ ok: true, payload: { 'custom:unit_id': person.unitId } });

    const refused = await post({ ...person, groups: 'admin' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ message: expect.stringMatching(/groups/) });
  });

  it('keeps its key in the data dir, so tokens survive a restart', async () => {
    const first = await startLocalJwtIssuer({ dataDir, now: () => NOW });
    const token = first.issueToken(person);
    await first.close();

    const keyFile = path.join(dataDir, SIGNING_KEY_FILE);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);

    const second = await startLocalJwtIssuer({ dataDir });
    running.push(second);
    expect(second.kid).toBe(first.kid);
    const verdict = verifyJwt(token, {
      issuer: LOCAL_ISSUER,
      audience: [LOCAL_CLIENT_ID],
      jwks: second.jwks(),
      nowSeconds: NOW / 1000 + 60,
    });
    expect(verdict).toMatchObject({ ok: true });
  });

  it('makes a new key per process without a data dir', () => {
    expect(createLocalJwtIssuer().kid).not.toBe(createLocalJwtIssuer().kid);
  });

  it('refuses a key file that is not one of its keys', () => {
    const keyFile = path.join(dataDir, SIGNING_KEY_FILE);
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    fs.writeFileSync(keyFile, JSON.stringify({ kid: 'x', privateJwk: { kty: 'EC' } }));
    expect(() => createLocalJwtIssuer({ dataDir })).toThrow(/not a local JWT signing key/);
  });
});
