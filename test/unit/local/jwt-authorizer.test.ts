import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { App, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Identity } from '../../../lib/identity';
import { startHttpApi, type RunningHttpApi } from '../../../lib/local/http-api';
import {
  createJwtAuthorizer,
  localAudience,
  readJwtAuthorizers,
  toApiGatewayClaims,
  verifyJwt,
} from '../../../lib/local/jwt-authorizer';
import {
  base64UrlJson,
  createLocalJwtIssuer,
  LOCAL_ISSUER,
  type IssueTokenInput,
} from '../../../lib/local/jwt-issuer';
import { createResolver, resolveOutputs, type CfnTemplate } from '../../../lib/local/template';

/** A stack with the real Identity construct guarding one route, as the local runtime reads it. */
function synthesize(): CfnTemplate {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'JwtLocal');
  const identity = new Identity(stack, 'Identity');
  const echo = new lambda.Function(stack, 'Echo', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async (e) => e;'),
  });
  const api = new apigwv2.HttpApi(stack, 'Api');
  api.addRoutes({
    path: '/candidates',
    methods: [apigwv2.HttpMethod.GET],
    integration: new HttpLambdaIntegration('EchoIntegration', echo),
    authorizer: identity.authorizer(),
  });
  return Template.fromStack(stack).toJSON() as CfnTemplate;
}

const template = synthesize();
const resolve = createResolver({ template, stackName: 'JwtLocal' });
const [definition] = readJwtAuthorizers(template, resolve);
const clientId = localAudience(template, resolve)!;
let clock = Date.UTC(2026, 0, 15, 8, 0, 0);
const nowSeconds = () => Math.floor(clock / 1000);
const issuer = createLocalJwtIssuer({ now: () => clock });
/** Same shape, different key: its kid is not in `issuer`'s JWKS. */
const stranger = createLocalJwtIssuer({ now: () => clock });

const person: IssueTokenInput = {
  sub: '0f1e2d3c-0000-4000-8000-000000000001',
  name: 'Trần Thị Bình',
  groups: ['cell-officer', 'approver'],
  unitId: 'dd-xltbd-kythuat',
};
const token = (overrides: Partial<IssueTokenInput> = {}) =>
  issuer.issueToken({ ...person, audience: clientId, ...overrides });

/** Re-signs nothing: swaps a part of a token while keeping the others. */
function withPart(jwt: string, index: 0 | 1 | 2, part: string): string {
  const parts = jwt.split('.');
  parts[index] = part;
  return parts.join('.');
}
function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

describe('template reading', () => {
  it('finds the Identity authorizer with the Cognito issuer and the client as audience', () => {
    expect(readJwtAuthorizers(template, resolve)).toEqual([
      {
        logicalId: definition.logicalId,
        authorizerId: definition.logicalId,
        apiId: expect.any(String),
        name: 'officers-cognito',
        issuer: expect.stringMatching(/^https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/\w+$/),
        audience: [clientId],
        identitySource: ['$request.header.Authorization'],
      },
    ]);
    expect(clientId).toMatch(/OfficersClient/);
    expect(resolveOutputs({ template, stackName: 'JwtLocal' })).toMatchObject({
      UserPoolIssuerUrl: definition.issuer,
      UserPoolClientId: clientId,
    });
  });
});

interface ResponseBody {
  jwt: { claims: Record<string, string>; scopes: string[] | null };
}

describe('JWT authorizer behind the local HTTP API', () => {
  let http: RunningHttpApi;
  const reasons: string[] = [];
  let invocations = 0;

  beforeAll(async () => {
    http = await startHttpApi({
      template,
      resolve,
      invoke: async (_arn, event) => {
        invocations++;
        const { requestContext } = event as APIGatewayProxyEventV2 & {
          requestContext: { authorizer?: unknown };
        };
        return { statusCode: 200, body: JSON.stringify(requestContext.authorizer) };
      },
      authorize: createJwtAuthorizer({
        template,
        resolve,
        issuerOverride: { [definition.issuer]: issuer.issuer },
        jwks: () => issuer.jwks(),
        now: () => clock,
        log: (line) => reasons.push(line),
      }),
      log: () => undefined,
    });
  });
  afterAll(() => http.close());
  beforeEach(() => {
    clock = Date.UTC(2026, 0, 15, 8, 0, 0);
    reasons.length = 0;
    invocations = 0;
  });

  const call = async (authorization?: string) => {
    const response = await fetch(`${http.url}/candidates`, {
      headers: authorization === undefined ? {} : { authorization },
    });
    return { status: response.status, body: (await response.json()) as ResponseBody };
  };
  /** Asserts API Gateway's refusal and that the handler never ran; returns the logged reason. */
  const expectRefused = async (authorization: string | undefined) => {
    const response = await call(authorization);
    expect(response).toEqual({ status: 401, body: { message: 'Unauthorized' } });
    expect(invocations).toBe(0);
    return reasons.join('\n');
  };

  it('passes a valid token, with the claims shaped as API Gateway passes them', async () => {
    const jwt = token();
    const response = await call(`Bearer ${jwt}`);
    expect(response.status).toBe(200);
    const issued = claimsOf(jwt);
    expect(response.body).toEqual({
      jwt: {
        claims: {
          sub: person.sub,
          'cognito:groups': '[cell-officer approver]',
          iss: LOCAL_ISSUER,
          'cognito:username': person.sub,
          origin_jti: issued.origin_jti,
          aud: clientId,
          event_id: issued.event_id,
          token_use: 'id',
          auth_time: String(nowSeconds()),
          name: 'Trần Thị Bình',
          'custom:unit_id': 'dd-xltbd-kythuat',
          exp: String(nowSeconds() + 3600),
          iat: String(nowSeconds()),
          jti: issued.jti,
        },
        scopes: null,
      },
    });
  });

  it('accepts the token without the Bearer prefix', async () => {
    expect((await call(token())).status).toBe(200);
  });

  it('refuses a request without the Authorization header', async () => {
    expect(await expectRefused(undefined)).toMatch(/no token in the identity source/);
  });

  it('refuses an expired token, from the second of exp on', async () => {
    const jwt = token({ expiresInSeconds: 60 });
    clock += 59_000;
    expect((await call(`Bearer ${jwt}`)).status).toBe(200);
    invocations = 0;
    clock += 1_000;
    expect(await expectRefused(`Bearer ${jwt}`)).toMatch(/the token has expired/);
  });

  it('refuses a token that is not yet valid (nbf or iat in the future)', async () => {
    const notBefore = token({ extraClaims: { nbf: nowSeconds() + 30 } });
    expect(await expectRefused(`Bearer ${notBefore}`)).toMatch(/nbf is in the future/);
    const issuedLater = token({ extraClaims: { iat: nowSeconds() + 30 } });
    expect(await expectRefused(`Bearer ${issuedLater}`)).toMatch(/iat is in the future/);
  });

  it('refuses a token from another issuer, even one signed with a trusted key', async () => {
    const other = token({ extraClaims: { iss: 'https://cognito-idp.us-east-1.amazonaws.com/x' } });
    expect(await expectRefused(`Bearer ${other}`)).toMatch(/valid issuer/);
  });

  it("refuses the template's own issuer once it is mapped to the local one", async () => {
    const cognito = token({ extraClaims: { iss: definition.issuer } });
    expect(await expectRefused(`Bearer ${cognito}`)).toMatch(/valid issuer/);
  });

  it('refuses a token for another audience', async () => {
    expect(await expectRefused(`Bearer ${token({ audience: 'another-client' })}`)).toMatch(
      /valid audience/,
    );
  });

  it('checks client_id only when the token has no aud, as for Cognito access tokens', async () => {
    const access = token({ extraClaims: { aud: undefined, client_id: clientId } });
    expect((await call(`Bearer ${access}`)).status).toBe(200);
    invocations = 0;
    const both = token({ audience: 'another-client', extraClaims: { client_id: clientId } });
    expect(await expectRefused(`Bearer ${both}`)).toMatch(/valid audience/);
  });

  it('refuses a tampered payload (bad signature)', async () => {
    const jwt = token();
    const claims = { ...claimsOf(jwt), 'custom:unit_id': 'hn', 'cognito:groups': ['admin'] };
    expect(await expectRefused(`Bearer ${withPart(jwt, 1, base64UrlJson(claims))}`)).toMatch(
      /signature is invalid/,
    );
  });

  it('refuses a token signed by a key the JWKS does not have (unknown kid)', async () => {
    const forged = stranger.issueToken({ ...person, audience: clientId });
    expect(await expectRefused(`Bearer ${forged}`)).toMatch(/no key in the JWKS matches kid/);
  });

  it('refuses alg none and HS256 signed with the public key', async () => {
    const jwt = token();
    const unsigned = withPart(
      withPart(jwt, 0, base64UrlJson({ kid: issuer.kid, alg: 'none' })),
      2,
      '',
    );
    expect(await expectRefused(`Bearer ${unsigned}`)).toMatch(/signing method none is invalid/);

    const header = base64UrlJson({ kid: issuer.kid, alg: 'HS256' });
    const body = jwt.split('.')[1];
    const mac = createHmac('sha256', JSON.stringify(issuer.jwks().keys[0]))
      .update(`${header}.${body}`)
      .digest('base64url');
    expect(await expectRefused(`Bearer ${header}.${body}.${mac}`)).toMatch(/HS256 is invalid/);
  });

  it('refuses garbage', async () => {
    expect(await expectRefused('Bearer not-a-jwt')).toMatch(/not a JWS/);
    expect(await expectRefused('Bearer a.b.c')).toMatch(/could not be decoded/);
  });
});

describe('verifyJwt', () => {
  const base = () => ({
    issuer: issuer.issuer,
    audience: [clientId],
    jwks: issuer.jwks(),
    nowSeconds: nowSeconds(),
  });

  it('requires one of the route scopes, else 403, and then passes the token scopes', () => {
    const scoped = token({
      extraClaims: { scope: 'candidates/read aws.cognito.signin.user.admin' },
    });
    expect(verifyJwt(scoped, { ...base(), requiredScopes: ['candidates/read'] })).toMatchObject({
      ok: true,
      scopes: ['candidates/read', 'aws.cognito.signin.user.admin'],
    });
    expect(verifyJwt(scoped, { ...base(), requiredScopes: ['candidates/write'] })).toEqual({
      ok: false,
      statusCode: 403,
      reason: expect.stringMatching(/scope/),
    });
    expect(verifyJwt(token(), { ...base(), requiredScopes: ['candidates/read'] })).toMatchObject({
      ok: false,
      statusCode: 403,
    });
  });

  it('requires exp', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'k', alg: 'RS256' };
    const input = `${base64UrlJson({ kid: 'k', alg: 'RS256' })}.${base64UrlJson({
      iss: issuer.issuer,
      aud: clientId,
    })}`;
    const jwt = `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
    const jwks = { keys: [{ kty: 'RSA', n: jwk.n, e: jwk.e, kid: 'k', alg: 'RS256' }] };
    expect(verifyJwt(jwt, { ...base(), jwks })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/exp/),
    });
  });
});

describe('toApiGatewayClaims', () => {
  it('renders every claim as a string, arrays as [a b], and drops nulls', () => {
    expect(
      toApiGatewayClaims({
        s: 'x',
        n: 1700000000,
        b: true,
        groups: ['cell-officer', 'approver'],
        one: ['admin'],
        empty: [],
        object: { a: 1 },
        nothing: null,
      }),
    ).toEqual({
      s: 'x',
      n: '1700000000',
      b: 'true',
      groups: '[cell-officer approver]',
      one: '[admin]',
      empty: '[]',
      object: '{"a":1}',
    });
  });
});
