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
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
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

class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

function getSecretValue(secrets: ServedSecret[], input: Record<string, unknown>): unknown {
  const { SecretId, VersionId, VersionStage } = input;
  if (typeof SecretId !== 'string' || SecretId.length < 1 || SecretId.length > 2048) {
    throw new ServiceError('InvalidParameterException', 'SecretId must be a non-empty string');
  }
  const secret = secrets.find((s) => s.ids.has(SecretId));
  const notFound = () =>
    new ServiceError(
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

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
  };
  if (errorType) headers['x-amzn-ErrorType'] = errorType;
  res.writeHead(status, headers);
  res.end(text);
}

function sendError(res: ServerResponse, error: ServiceError): void {
  send(res, error.statusCode, { __type: error.code, Message: error.message }, error.code);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ServiceError('InvalidRequestException', 'Request body too large', 413));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handle(
  secrets: ServedSecret[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    throw new ServiceError('UnknownOperationException', `Unsupported method ${req.method}`, 405);
  }
  const target = String(req.headers['x-amz-target'] ?? '');
  const body = await readBody(req);
  const operation = target.startsWith(TARGET_PREFIX)
    ? OPERATIONS[target.slice(TARGET_PREFIX.length)]
    : undefined;
  if (!operation) {
    throw new ServiceError('UnknownOperationException', `Unknown operation ${target || '(none)'}`);
  }
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    throw new ServiceError('SerializationException', 'Request body is not valid JSON');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ServiceError('SerializationException', 'Request body must be a JSON object');
  }
  send(res, 200, operation(secrets, input as Record<string, unknown>));
}

export async function startSecretsManagerEndpoint(
  options: SecretsManagerEndpointOptions,
): Promise<SecretsManagerEndpoint> {
  const secrets = loadSecrets(options);
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((req, res) => {
    handle(secrets, req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(
        res,
        err instanceof ServiceError ? err : new ServiceError('InternalFailure', String(err), 500),
      );
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    secretIds: secrets.map((s) => String(options.resolve({ Ref: s.logicalId }))),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets (the SDK pools connections) would otherwise delay close.
        server.closeAllConnections();
      }),
  };
}
