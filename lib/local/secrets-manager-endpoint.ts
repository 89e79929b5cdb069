/**
 * HTTP endpoint speaking the AWS JSON 1.1 protocol of Secrets Manager, so the unmodified
 * `@aws-sdk/client-secrets-manager` (endpoint = url, or AWS_ENDPOINT_URL_SECRETS_MANAGER)
 * reads the template's secrets locally.
 *
 * Serves every AWS::SecretsManager::Secret of the template, GetSecretValue only:
 * POST / with `X-Amz-Target: secretsmanager.GetSecretValue`; timestamps are epoch seconds;
 * errors are HTTP 400 with `{"__type": "<Code>", "Message": "..."}`.
 *
 * Values are generated on first start from the secret's `GenerateSecretString` (or taken from
 * its literal `SecretString`) and, with a data directory, kept in `secrets-manager.json` there
 * (mode 0600) so that what was signed or fingerprinted with them stays valid across restarts.
 */
import { createHash, randomInt, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AwsServiceError, awsJsonListener, type AwsJsonProtocol } from './aws-json-protocol';
import { listenLocally } from './local-server';
import {
  DEFAULT_LOCAL_REGION,
  listResources,
  LOCAL_ACCOUNT_ID,
  type CfnTemplate,
  type Resolve,
} from './template';

export interface SecretsManagerEndpointOptions {
  template: CfnTemplate;
  resolve: Resolve;
  /** Keep generated values here; without it, they live in memory and change at each start. */
  dataDir?: string;
  /** 0 = any free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** IAM (lib/local/iam/service-guards.ts): may refuse a request before it runs. */
  authorize?: AwsJsonProtocol<ServedSecret[]>['authorize'];
  region?: string;
  accountId?: string;
}

export interface SecretsManagerEndpoint {
  /** e.g. http://127.0.0.1:54321 */
  url: string;
  port: number;
  /** What `Ref` of each secret resolves to (the value functions get in their environment). */
  secretIds: string[];
  close(): Promise<void>;
}

export const SECRETS_FILE_NAME = 'secrets-manager.json';
const TARGET_PREFIX = 'secretsmanager.';
const MAX_BODY_BYTES = 64 * 1024;

interface StoredValue {
  secretString: string;
  versionId: string;
  createdDate: string;
}

interface SecretsFile {
  version: 1;
  /** Keyed by logical id. */
  secrets: Record<string, StoredValue>;
}

interface ServedSecret {
  logicalId: string;
  arn: string;
  name: string;
  /** Every SecretId that names it: the ARN, the name and whatever `Ref` resolves to. */
  ids: Set<string>;
  value: StoredValue;
}

interface GenerateSecretString {
  PasswordLength?: number;
  ExcludeCharacters?: string;
  ExcludeLowercase?: boolean;
  ExcludeUppercase?: boolean;
  ExcludeNumbers?: boolean;
  ExcludePunctuation?: boolean;
  IncludeSpace?: boolean;
  RequireEachIncludedType?: boolean;
  SecretStringTemplate?: string;
  GenerateStringKey?: string;
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** What Secrets Manager's GetRandomPassword does with these options, from crypto.randomInt. */
export function generateSecretString(spec: GenerateSecretString): string {
  const length = spec.PasswordLength ?? 32;
  const excluded = new Set(spec.ExcludeCharacters ?? '');
  const types = [
    spec.ExcludeLowercase ? '' : LOWER,
    spec.ExcludeUppercase ? '' : UPPER,
    spec.ExcludeNumbers ? '' : DIGITS,
    spec.ExcludePunctuation ? '' : PUNCTUATION,
    spec.IncludeSpace ? ' ' : '',
  ]
    .map((chars) => [...chars].filter((c) => !excluded.has(c)).join(''))
    .filter((chars) => chars.length > 0);
  const alphabet = types.join('');
  if (!alphabet || length < 1 || length > 4096) {
    throw new Error(`Cannot generate a secret with ${JSON.stringify(spec)}`);
  }
  const requireEach = spec.RequireEachIncludedType !== false && length >= types.length;
  for (;;) {
    let password = '';
    for (let i = 0; i < length; i++) password += alphabet[randomInt(alphabet.length)];
    if (!requireEach || types.every((chars) => [...password].some((c) => chars.includes(c)))) {
      if (spec.SecretStringTemplate && spec.GenerateStringKey) {
        const value = JSON.parse(spec.SecretStringTemplate) as Record<string, unknown>;
        value[spec.GenerateStringKey] = password;
        return JSON.stringify(value);
      }
      return password;
    }
  }
}

function initialValue(properties: Record<string, unknown>): StoredValue {
  const literal = properties.SecretString;
  return {
    secretString:
      typeof literal === 'string'
        ? literal
        : generateSecretString((properties.GenerateSecretString ?? {}) as GenerateSecretString),
    versionId: randomUUID(),
    createdDate: new Date().toISOString(),
  };
}

function readSecretsFile(file: string): SecretsFile {
  if (!fs.existsSync(file)) return { version: 1, secrets: {} };
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as SecretsFile;
  if (parsed.version !== 1 || typeof parsed.secrets !== 'object' || parsed.secrets === null) {
    throw new Error(`${file} is not a local secrets file`);
  }
  return parsed;
}

function writeSecretsFile(file: string, content: SecretsFile): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}

/** An ARN in Secrets Manager's shape (name + '-' + 6 characters), stable for a logical id. */
function secretArn(region: string, accountId: string, name: string): string {
  const suffix = createHash('sha256').update(name).digest('base64url').slice(0, 6);
  return `arn:aws:secretsmanager:${region}:${accountId}:secret:${name}-${suffix}`;
}

function loadSecrets(options: SecretsManagerEndpointOptions): ServedSecret[] {
  const region = options.region ?? DEFAULT_LOCAL_REGION;
  const accountId = options.accountId ?? LOCAL_ACCOUNT_ID;
  const file = options.dataDir ? path.join(path.resolve(options.dataDir), SECRETS_FILE_NAME) : '';
  const stored: SecretsFile = file ? readSecretsFile(file) : { version: 1, secrets: {} };
  let changed = false;

  const served = listResources(options.template, 'AWS::SecretsManager::Secret').map(
    ({ logicalId, resource }) => {
      const properties = (options.resolve(resource.Properties ?? {}) ?? {}) as Record<
        string,
        unknown
      >;
      if (!stored.secrets[logicalId]) {
        stored.secrets[logicalId] = initialValue(properties);
        changed = true;
      }
      const ref = String(options.resolve({ Ref: logicalId }));
      const name = typeof properties.Name === 'string' ? properties.Name : logicalId;
      const arn = ref.startsWith('arn:') ? ref : secretArn(region, accountId, name);
      return {
        logicalId,
        arn,
        name,
        ids: new Set([ref, arn, name]),
        value: stored.secrets[logicalId],
      };
    },
  );
  if (file && changed) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeSecretsFile(file, stored);
  }
  return served;
}

function getSecretValue(secrets: ServedSecret[], input: Record<string, unknown>): unknown {
  const { SecretId, VersionId, VersionStage } = input;
  if (typeof SecretId !== 'string' || SecretId.length < 1 || SecretId.length > 2048) {
    throw new AwsServiceError('InvalidParameterException', 'SecretId must be a non-empty string');
  }
  const secret = secrets.find((s) => s.ids.has(SecretId));
  const notFound = () =>
    new AwsServiceError(
      'ResourceNotFoundException',
      "Secrets Manager can't find the specified secret.",
    );
  if (!secret) throw notFound();
  if (VersionId !== undefined && VersionId !== secret.value.versionId) throw notFound();
  if (VersionStage !== undefined && VersionStage !== 'AWSCURRENT') throw notFound();
  return {
    ARN: secret.arn,
    Name: secret.name,
    VersionId: secret.value.versionId,
    SecretString: secret.value.secretString,
    VersionStages: ['AWSCURRENT'],
    CreatedDate: new Date(secret.value.createdDate).getTime() / 1000,
  };
}

const OPERATIONS: Record<
  string,
  (secrets: ServedSecret[], input: Record<string, unknown>) => unknown
> = {
  GetSecretValue: getSecretValue,
};

export async function startSecretsManagerEndpoint(
  options: SecretsManagerEndpointOptions,
): Promise<SecretsManagerEndpoint> {
  const secrets = loadSecrets(options);
  const server = await listenLocally(
    awsJsonListener(
      {
        targetPrefix: TARGET_PREFIX,
        contentType: 'application/x-amz-json-1.1',
        messageMember: 'Message',
        operations: OPERATIONS,
        maxBodyBytes: MAX_BODY_BYTES,
        authorize: options.authorize,
      },
      secrets,
    ),
    options,
  );
  return {
    ...server,
    secretIds: secrets.map((s) => String(options.resolve({ Ref: s.logicalId }))),
  };
}
