import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { GetParameterError } from '@aws-lambda-powertools/parameters';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import {
  signingKeyReader,
  type signingKey as SigningKey,
} from '../../../functions/adapters/signing-key';
import {
  generateSecretString,
  SECRETS_FILE_NAME,
  startSecretsManagerEndpoint,
  type SecretsManagerEndpoint,
} from '../../../lib/local/secrets-manager-endpoint';
import { createResolver, type CfnTemplate } from '../../../lib/local/template';
import { SigningSecret } from '../../../lib/secrets';

/** A template with the real SigningSecret and a second, named secret with a JSON template. */
function synthesize(): CfnTemplate {
  const app = new App();
  const stack = new Stack(app, 'SecretsTest');
  new SigningSecret(stack, 'Signing');
  new secretsmanager.Secret(stack, 'Db', {
    secretName: 'local/db',
    generateSecretString: {
      secretStringTemplate: JSON.stringify({ username: 'admin' }),
      generateStringKey: 'password',
      passwordLength: 20,
    },
  });
  return Template.fromStack(stack).toJSON() as CfnTemplate;
}

const template = synthesize();
const resolve = createResolver({ template, stackName: 'SecretsTest' });
const signingLogicalId = Object.keys(template.Resources).find((id) => id.startsWith('Signing'))!;
const signingId = String(resolve({ Ref: signingLogicalId }));

function clientFor(endpoint: SecretsManagerEndpoint): SecretsManagerClient {
  return new SecretsManagerClient({
    endpoint: endpoint.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

const bodyOf = async (response: Response) => (await response.json()) as Record<string, unknown>;

async function valueOf(endpoint: SecretsManagerEndpoint, secretId = signingId) {
  const client = clientFor(endpoint);
  try {
    return await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  } finally {
    client.destroy();
  }
}

describe('local Secrets Manager endpoint (AWS JSON 1.1) with @aws-sdk/client-secrets-manager', () => {
  const opened: SecretsManagerEndpoint[] = [];
  const start = async (dataDir?: string) => {
    const endpoint = await startSecretsManagerEndpoint({ template, resolve, dataDir });
    opened.push(endpoint);
    return endpoint;
  };
  let dataDir: string;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-endpoint-'));
  });
  afterEach(async () => {
    for (const endpoint of opened.splice(0)) await endpoint.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves every secret of the template under what Ref resolves to', async () => {
    const endpoint = await start();
    expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(endpoint.secretIds).toHaveLength(2);
    expect(endpoint.secretIds).toContain(signingId);

    const signing = await valueOf(endpoint);
    // The construct's GenerateSecretString: 64 characters, no punctuation, no space.
    expect(signing.SecretString).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(signing.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:/);
    expect(signing.Name).toBeTruthy();
    expect(signing.VersionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(signing.CreatedDate).toBeInstanceOf(Date);
    expect(Math.abs(signing.CreatedDate!.getTime() - Date.now())).toBeLessThan(60_000);

    // The same secret by its ARN and by its name.
    expect((await valueOf(endpoint, signing.ARN)).SecretString).toBe(signing.SecretString);
    expect((await valueOf(endpoint, signing.Name)).SecretString).toBe(signing.SecretString);

    const db = await valueOf(endpoint, 'local/db');
    expect(db.Name).toBe('local/db');
    const parsed = JSON.parse(db.SecretString!) as Record<string, string>;
    expect(parsed.username).toBe('admin');
    expect(parsed.password).toHaveLength(20);
  });

  it('answers ResourceNotFoundException for an unknown secret, version or stage', async () => {
    const endpoint = await start();
    const client = clientFor(endpoint);
    try {
      for (const input of [
        { SecretId: 'no-such-secret' },
        { SecretId: signingId, VersionId: '00000000-0000-4000-8000-000000000000' },
        { SecretId: signingId, VersionStage: 'AWSPREVIOUS' },
      ]) {
        const error = await client.send(new GetSecretValueCommand(input)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ResourceNotFoundException);
        expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(400);
        expect((error as Error).message).toMatch(/can't find the specified secret/);
      }
    } finally {
      client.destroy();
    }
  });

  it('speaks the wire protocol: target header, JSON 1.1 content type, error shape', async () => {
    const endpoint = await start();
    const post = (target: string, body: string) =>
      fetch(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
        body,
      });
    const ok = await post('secretsmanager.GetSecretValue', JSON.stringify({ SecretId: signingId }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(Object.keys(await bodyOf(ok)).sort()).toEqual(
      ['ARN', 'CreatedDate', 'Name', 'SecretString', 'VersionId', 'VersionStages'].sort(),
    );

    const missing = await post('secretsmanager.GetSecretValue', '{"SecretId":"nope"}');
    expect(missing.status).toBe(400);
    expect(await bodyOf(missing)).toEqual({
      __type: 'ResourceNotFoundException',
      Message: "Secrets Manager can't find the specified secret.",
    });
    const unknown = await post('secretsmanager.DeleteSecret', '{}');
    expect(unknown.status).toBe(400);
    expect((await bodyOf(unknown)).__type).toBe('UnknownOperationException');
    const garbled = await post('secretsmanager.GetSecretValue', '{nope');
    expect((await bodyOf(garbled)).__type).toBe('SerializationException');
    const noId = await post('secretsmanager.GetSecretValue', '{}');
    expect((await bodyOf(noId)).__type).toBe('InvalidParameterException');
  });

  it('keeps the values across restarts with a data directory (file mode 0600)', async () => {
    const first = await start(dataDir);
    const before = await valueOf(first);
    await first.close();

    const file = path.join(dataDir, SECRETS_FILE_NAME);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const second = await start(dataDir);
    const after = await valueOf(second);
    expect(after.SecretString).toBe(before.SecretString);
    expect(after.VersionId).toBe(before.VersionId);
    expect(after.CreatedDate).toEqual(before.CreatedDate);
  });

  it('generates new values in memory at each start, and per data directory', async () => {
    const a = await valueOf(await start());
    const b = await valueOf(await start());
    expect(a.SecretString).not.toBe(b.SecretString);
    const c = await valueOf(await start(dataDir));
    expect(c.SecretString).not.toBe(a.SecretString);
    expect(fs.readdirSync(dataDir)).toEqual([SECRETS_FILE_NAME]);
  });
});

describe('signingKey (the adapter functions use)', () => {
  let endpoint: SecretsManagerEndpoint;
  const saved = { ...process.env };

  beforeAll(async () => {
    endpoint = await startSecretsManagerEndpoint({ template, resolve });
  });
  afterAll(() => endpoint.close());
  // signing-key.ts keeps its provider for the container's life: each test is a fresh container.
  let signingKey: typeof SigningKey;
  beforeEach(async () => {
    await jest.isolateModulesAsync(async () => {
      ({ signingKey } = await import('../../../functions/adapters/signing-key'));
    });
    Object.assign(process.env, {
      SIGNING_SECRET_ARN: signingId,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint.url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    });
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads the secret the environment names, through AWS_ENDPOINT_URL_SECRETS_MANAGER', async () => {
    const key = await signingKey();
    expect(Buffer.isBuffer(key)).toBe(true);
    expect(key.toString('utf8')).toBe((await valueOf(endpoint)).SecretString);
  });

  it('reads it once per max age: concurrent and repeated reads share one request', async () => {
    const client = new SecretsManagerClient({});
    const send = jest.spyOn(client, 'send');
    const read = signingKeyReader(new SecretsProvider({ awsSdkV3Client: client }), () => signingId);
    const [a, b] = await Promise.all([read(), read()]);
    const c = await read();
    expect(send).toHaveBeenCalledTimes(1);
    expect(a.equals(b) && a.equals(c)).toBe(true);
    client.destroy();
  });

  it('forgets a failed read, so the next invocation tries again', async () => {
    process.env.SIGNING_SECRET_ARN = 'no-such-secret';
    const failure: unknown = await signingKey().catch((error: unknown) => error);
    // The fresh container's module registry has its own copies of the SDK's error classes.
    expect((failure as Error).name).toBe(GetParameterError.name);
    expect(((failure as Error).cause as Error).name).toBe(ResourceNotFoundException.name);
    process.env.SIGNING_SECRET_ARN = signingId;
    await expect(signingKey()).resolves.toBeInstanceOf(Buffer);
  });

  it('rejects (not throws) when SIGNING_SECRET_ARN is missing', async () => {
    delete process.env.SIGNING_SECRET_ARN;
    await expect(signingKey()).rejects.toThrow(/SIGNING_SECRET_ARN/);
  });
});

describe('generateSecretString', () => {
  it('honours the character-class options and includes each requested class', () => {
    for (let i = 0; i < 50; i++) {
      const value = generateSecretString({ PasswordLength: 12, ExcludePunctuation: true });
      expect(value).toMatch(/^[A-Za-z0-9]{12}$/);
      expect(value).toMatch(/[a-z]/);
      expect(value).toMatch(/[A-Z]/);
      expect(value).toMatch(/[0-9]/);
    }
    expect(
      generateSecretString({
        PasswordLength: 30,
        ExcludeUppercase: true,
        ExcludeNumbers: true,
        ExcludePunctuation: true,
        ExcludeCharacters: 'abc',
      }),
    ).toMatch(/^[d-z]{30}$/);
    expect(generateSecretString({})).toHaveLength(32);
  });
});
