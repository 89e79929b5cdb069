import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Identity } from '../../../lib/identity';
import {
  createJwtAuthorizer,
  localAudience,
  readJwtAuthorizers,
} from '../../../lib/local/jwt-authorizer';
import { createLocalJwtIssuer } from '../../../lib/local/jwt-issuer';
import type { HttpRoute } from '../../../lib/local/http-api';
import { createResolver, loadStackTemplate } from '../../../lib/local/template';

const ROOT = path.join(__dirname, '../../..');

/** `npm run token`, without npm in between. */
function token(args: string[]) {
  return spawnSync(process.execPath, [require.resolve('tsx/cli'), 'bin/token.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('npm run token', () => {
  let work: string;
  let cdkOut: string;
  let dataDir: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'token-cli-'));
    cdkOut = path.join(work, 'cdk.out');
    dataDir = path.join(work, 'data');
    const app = new App({ outdir: cdkOut, context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'TokenCli');
    const identity = new Identity(stack, 'Identity');
    new apigwv2.HttpApi(stack, 'Api').addRoutes({
      path: '/candidates',
      methods: [apigwv2.HttpMethod.GET],
      integration: new HttpUrlIntegration('Backend', 'https://example.org'),
      authorizer: identity.authorizer(),
    });
    app.synth();
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('prints only a token, signed with the persisted key, that the local authorizer accepts', async () => {
    const run = token([
      ...['--role', 'cell-officer', '--role', 'approver', '--unit', 'dd-xltbd-kythuat'],
      ...['--name', 'Trần Thị Bình', '--sub', 'u-123', '--expires', '600'],
      ...['--cdk-out', cdkOut, '--data-dir', dataDir],
    ]);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    const printed = run.stdout.trim();
    expect(printed).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    const { template, stackName } = loadStackTemplate(cdkOut);
    const resolve = createResolver({ template, stackName });
    // readHttpApi serves Lambda routes only; this stack's route is an HTTP proxy.
    const route: HttpRoute = {
      routeLogicalId: 'Route',
      routeKey: 'GET /candidates',
      functionArn: 'unused',
      authorizationType: 'JWT',
      authorizerId: readJwtAuthorizers(template, resolve)[0].authorizerId,
    };
    // What the runtime does: the same data dir, hence the same key, and the local issuer.
    const issuer = createLocalJwtIssuer({ dataDir });
    const authorize = createJwtAuthorizer({
      template,
      resolve,
      issuerUrl: issuer.issuer,
      jwks: issuer.jwks(),
      log: () => undefined,
    });
    const decision = await authorize(
      { headers: { authorization: `Bearer ${printed}` } } as never,
      route,
    );
    expect(decision).toEqual({
      authorized: true,
      authorizer: {
        jwt: {
          claims: expect.objectContaining({
            sub: 'u-123',
            name: 'Trần Thị Bình',
            'cognito:groups': '[cell-officer approver]',
            'custom:unit_id': 'dd-xltbd-kythuat',
            aud: localAudience(template, resolve),
          }),
          scopes: null,
        },
      },
    });
    const claims = (decision as { authorizer: { jwt: { claims: Record<string, string> } } })
      .authorizer.jwt.claims;
    expect(Number(claims.exp) - Number(claims.iat)).toBe(600);
  });

  it('refuses an unknown role in both languages, listing the five groups', () => {
    const run = token([
      '--role',
      'boss',
      '--unit',
      'hn',
      '--cdk-out',
      cdkOut,
      '--data-dir',
      dataDir,
    ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Vai trò không hợp lệ \/ unknown role "boss"/);
    expect(run.stderr).toMatch(/cell-officer, committee-officer, approver, admin, ops-viewer/);
  });

  it('requires --unit', () => {
    const run = token(['--role', 'admin', '--cdk-out', cdkOut, '--data-dir', dataDir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--unit/);
  });
});
