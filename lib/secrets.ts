import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { DataKey } from './data-key';

/** The environment variable through which a function finds the secret. */
export const SIGNING_SECRET_ENV = 'SIGNING_SECRET_ARN';

/**
 * The server-side key that signs approval links and keys the ID-number fingerprints: 64 random
 * alphanumeric characters (about 381 bits) that CloudFormation has Secrets Manager generate, so
 * the value never appears in the template, the code or a deployment log. Encrypted with the
 * stack's data key and retained on stack deletion: losing it would orphan every stored
 * fingerprint.
 */
export class SigningSecret extends Construct {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description:
        'Admission pipeline signing key: approval links (HMAC) and national-ID fingerprints',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      encryptionKey: DataKey.of(this),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Not rotated automatically: the value keys the HMAC fingerprint of every stored ID number ' +
        '(duplicate-nomination detection) and signs every outstanding approval link, so a ' +
        'rotation would silently stop duplicates from being found and void links already ' +
        'mailed. Re-keying is a planned operation (new version prefix, re-fingerprint, re-issue ' +
        'links), not a schedule.',
    });
  }

  /** Read access (GetSecretValue, and Decrypt through Secrets Manager) and the env var, together. */
  grantRead(fn: lambda.Function): void {
    this.secret.grantRead(fn);
    fn.addEnvironment(SIGNING_SECRET_ENV, this.secret.secretArn);
  }
}
