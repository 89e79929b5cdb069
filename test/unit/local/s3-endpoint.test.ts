import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AuditExports } from '../../../lib/audit-exports';
import { createAccessControl } from '../../../lib/local/iam/access-control';
import { s3Guard } from '../../../lib/local/iam/service-guards';
import { readTemplatePermissions } from '../../../lib/local/iam/template-permissions';
import { startS3Endpoint } from '../../../lib/local/s3-endpoint';
import { type LocalServer } from '../../../lib/local/local-server';
import { createResolver, type CfnTemplate } from '../../../lib/local/template';

/**
 * The local S3 endpoint with the real export bucket: objects through the unmodified SDK, presigned
 * links verified as S3 verifies them (signature, lifetime), IAM by the template's grants.
 */

function synthesize(): CfnTemplate {
  const app = new App();
  const stack = new Stack(app, 'S3Test');
  const fn = (id: string) =>
    new lambda.Function(stack, id, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => {}'),
      // A role of its own: the local IAM reads only the template's policies.
      role: new iam.Role(stack, `${id}Role`, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      }),
    });
  new AuditExports(stack, 'Exports').grantWriteExports(fn('Exporter'));
  fn('Bystander');
  return Template.fromStack(stack).toJSON() as CfnTemplate;
}

const template = synthesize();
const resolve = createResolver({ template, stackName: 'S3Test' });
const access = createAccessControl(readTemplatePermissions(template, resolve));
const logicalIdOf = (prefix: string, type: string) =>
  Object.keys(template.Resources).find(
    (id) => id.startsWith(prefix) && template.Resources[id].Type === type,
  )!;
const bucket = String(resolve({ Ref: logicalIdOf('ExportsBucket', 'AWS::S3::Bucket') }));
const exporterKeys = access.credentialsFor(
  logicalIdOf('Exporter', 'AWS::Lambda::Function'),
  'Exporter',
);
const bystanderKeys = access.credentialsFor(
  logicalIdOf('Bystander', 'AWS::Lambda::Function'),
  'Bystander',
);

let endpoint: LocalServer;
let now = Date.parse('2026-03-01T02:00:00.000Z');

beforeAll(async () => {
  endpoint = await startS3Endpoint({
    template,
    resolve,
    now: () => now,
    secretOf: (key) => access.secretOf(key),
    authorize: s3Guard(access),
  });
});
afterAll(() => endpoint?.close());

function clientWith(keys: Record<string, string>): S3Client {
  return new S3Client({
    endpoint: endpoint.url,
    region: 'ap-southeast-1',
    credentials: {
      accessKeyId: keys.AWS_ACCESS_KEY_ID,
      secretAccessKey: keys.AWS_SECRET_ACCESS_KEY,
      sessionToken: keys.AWS_SESSION_TOKEN,
    },
  });
}

async function put(keys: Record<string, string>, key: string, body: string) {
  await clientWith(keys).send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'text/csv' }),
  );
}

async function linkTo(key: string, expiresIn = 900): Promise<string> {
  return getSignedUrl(
    clientWith(exporterKeys),
    new GetObjectCommand({
      Bucket: bucket,
      Key: key,
      ResponseContentDisposition: 'attachment; filename="audit.csv"',
    }),
    { expiresIn, signingDate: new Date(now) },
  );
}

const xmlCode = (text: string) => /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
const xmlMessage = (text: string) => /<Message>([^<]+)<\/Message>/.exec(text)?.[1];

describe('local S3 endpoint', () => {
  it('stores an object the SDK puts and serves it back with its type', async () => {
    await put(exporterKeys, 'audit/one/Nhật ký.csv', 'thoi_diem,ho_ten\r\n1,Trần Thị Bình\r\n');
    const got = await clientWith(exporterKeys).send(
      new GetObjectCommand({ Bucket: bucket, Key: 'audit/one/Nhật ký.csv' }),
    );
    expect(got.ContentType).toBe('text/csv');
    expect(await got.Body!.transformToString()).toContain('Trần Thị Bình');
    await expect(
      clientWith(exporterKeys).send(new GetObjectCommand({ Bucket: bucket, Key: 'audit/none' })),
    ).rejects.toBeInstanceOf(NoSuchKey);
  });

  it('serves a presigned link to anyone, with the file name it was signed for', async () => {
    await put(exporterKeys, 'audit/two/a.csv', 'a,b\r\n');
    const response = await fetch(await linkTo('audit/two/a.csv'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="audit.csv"');
    expect(await response.text()).toBe('a,b\r\n');
  });

  it('refuses a link that was altered, with SignatureDoesNotMatch', async () => {
    await put(exporterKeys, 'audit/three/a.csv', 'secret');
    await put(exporterKeys, 'audit/three/b.csv', 'other');
    const link = new URL(await linkTo('audit/three/a.csv'));
    const otherKey = new URL(link.href.replace('/a.csv', '/b.csv'));
    const longer = new URL(link);
    longer.searchParams.set('X-Amz-Expires', '604800');
    for (const altered of [otherKey, longer]) {
      const response = await fetch(altered);
      const text = await response.text();
      expect(response.status).toBe(403);
      expect(xmlCode(text)).toBe('SignatureDoesNotMatch');
      expect(text).not.toContain('secret');
    }
  });

  it('refuses an expired link by the clock the functions sign with', async () => {
    await put(exporterKeys, 'audit/four/a.csv', 'x');
    const link = await linkTo('audit/four/a.csv', 60);
    expect((await fetch(link)).status).toBe(200);
    now += 61_000;
    const response = await fetch(link);
    const text = await response.text();
    expect(response.status).toBe(403);
    expect(xmlCode(text)).toBe('AccessDenied');
    expect(xmlMessage(text)).toBe('Request has expired');
  });

  it('refuses a request signed by no one, a link without its parameters, an unknown key', async () => {
    await put(exporterKeys, 'audit/five/a.csv', 'x');
    const link = new URL(await linkTo('audit/five/a.csv'));
    const bare = await fetch(`${link.origin}${link.pathname}`);
    expect(bare.status).toBe(403);
    expect(xmlCode(await bare.text())).toBe('AccessDenied');

    const partial = new URL(link);
    partial.searchParams.delete('X-Amz-Date');
    const missing = await fetch(partial);
    expect(missing.status).toBe(400);
    expect(xmlCode(await missing.text())).toBe('AuthorizationQueryParametersError');

    const stranger = new URL(link);
    stranger.searchParams.set(
      'X-Amz-Credential',
      link.searchParams.get('X-Amz-Credential')!.replace(/^[^/]+/, 'ASIANOBODY'),
    );
    const unknown = await fetch(stranger);
    expect(unknown.status).toBe(403);
    expect(xmlCode(await unknown.text())).toBe('InvalidAccessKeyId');
  });

  it("enforces the template's grants: the export function's prefix only, and nobody else", async () => {
    const denied = async (run: Promise<unknown>) => {
      const error = await run.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(S3ServiceException);
      expect((error as S3ServiceException).name).toBe('AccessDenied');
      expect((error as S3ServiceException).$metadata.httpStatusCode).toBe(403);
      return (error as Error).message;
    };
    expect(await denied(put(exporterKeys, 'elsewhere/a.csv', 'x'))).toMatch(
      /not authorized to perform: s3:PutObject/,
    );
    expect(await denied(put(bystanderKeys, 'audit/six/a.csv', 'x'))).toMatch(/Bystander/);
    await put(exporterKeys, 'audit/six/a.csv', 'x');
    await denied(
      clientWith(bystanderKeys).send(
        new GetObjectCommand({ Bucket: bucket, Key: 'audit/six/a.csv' }),
      ),
    );
    expect(access.denials().map((d) => d.action)).toEqual(
      expect.arrayContaining(['s3:PutObject', 's3:GetObject']),
    );
  });

  it('forgets an object once the bucket lifecycle expires it', async () => {
    await put(exporterKeys, 'audit/seven/a.csv', 'x');
    now += 86_400_000 + 1000;
    await expect(
      clientWith(exporterKeys).send(
        new GetObjectCommand({ Bucket: bucket, Key: 'audit/seven/a.csv' }),
      ),
    ).rejects.toBeInstanceOf(NoSuchKey);
  });
});
