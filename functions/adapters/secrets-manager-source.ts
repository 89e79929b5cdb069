import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { traced } from '../observability/tracer';

/** Secrets Manager through the Powertools Parameters provider, whose cache honours `maxAge`. */
export function secretsManagerSource(): SecretsProvider {
  return new SecretsProvider({
    awsSdkV3Client: traced(new SecretsManagerClient({ maxAttempts: 5 })),
  });
}
