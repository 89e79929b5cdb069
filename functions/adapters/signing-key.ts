import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { requiredEnv } from './dynamodb-documents';

/**
 * The server-side signing key (approval links, ID-number fingerprints), read from the secret the
 * environment names (SIGNING_SECRET_ARN, set by `SigningSecret.grantRead`). Read once per
 * container: the promise is kept at module scope, so concurrent first calls share one request,
 * and a failed read is forgotten so the next invocation tries again.
 *
 * Locally, the SDK reaches the runtime's Secrets Manager endpoint through
 * AWS_ENDPOINT_URL_SECRETS_MANAGER.
 */
let cached: Promise<Buffer> | undefined;

export function signingKey(client?: SecretsManagerClient): Promise<Buffer> {
  cached ??= (async () =>
    readSigningKey(
      client ?? new SecretsManagerClient({ maxAttempts: 5 }),
      requiredEnv('SIGNING_SECRET_ARN'),
    ))().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

export async function readSigningKey(
  client: SecretsManagerClient,
  secretId: string,
): Promise<Buffer> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!SecretString) throw new Error(`Secret ${secretId} has no SecretString`);
  return Buffer.from(SecretString, 'utf8');
}

/** Tests only: forget the cached key. */
export function forgetSigningKey(): void {
  cached = undefined;
}
