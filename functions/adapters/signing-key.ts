import type { BaseProvider } from '@aws-lambda-powertools/parameters/base';
import { requiredEnv } from './dynamodb-documents';
import { onFirstUse } from './on-first-use';

/**
 * How long a container trusts the key it read: a rotated secret reaches every warm container
 * within this, and a busy container still reads Secrets Manager only once per period.
 */
export const SIGNING_KEY_MAX_AGE_SECONDS = 5 * 60;

/**
 * Where the key is read from: a Powertools Parameters provider, whose cache honours `maxAge`.
 * On Lambda it is the Secrets Manager provider; unit tests give an in-memory one.
 */
export type SecretSource = Pick<BaseProvider, 'get'>;

/**
 * The signing key read through `source`, cached for SIGNING_KEY_MAX_AGE_SECONDS. Concurrent
 * reads share one request; a failed read is not cached, so the next invocation tries again.
 */
export function signingKeyReader(
  source: SecretSource,
  secretId: () => string,
): () => Promise<Buffer> {
  let pending: Promise<Buffer> | undefined;
  // The provider caches whatever it read; an unusable value must not stick for the max age.
  let forceFetch = false;
  const read = async (): Promise<Buffer> => {
    const id = secretId();
    const value = await source.get(id, { maxAge: SIGNING_KEY_MAX_AGE_SECONDS, forceFetch });
    const usable = typeof value === 'string' && value !== '';
    forceFetch = !usable;
    if (!usable) throw new Error(`Secret ${id} has no SecretString`);
    return Buffer.from(value, 'utf8');
  };
  return () => {
    pending ??= read().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

/**
 * The server-side signing key (approval links, ID-number fingerprints), read from the secret the
 * environment names (SIGNING_SECRET_ARN, set by `SigningSecret.grantRead`). The Secrets Manager
 * client and the Powertools provider (secrets-manager-source.ts) are loaded at the first read,
 * not at the cold start: several functions need the key on some routes only.
 *
 * Locally, the SDK reaches the runtime's Secrets Manager endpoint through
 * AWS_ENDPOINT_URL_SECRETS_MANAGER.
 */
const containerReader = onFirstUse(async () =>
  signingKeyReader((await import('./secrets-manager-source')).secretsManagerSource(), () =>
    requiredEnv('SIGNING_SECRET_ARN'),
  ),
);

export async function signingKey(): Promise<Buffer> {
  return (await containerReader())();
}
