import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeWildcard, arnTokenOf } from './constructs/acknowledge-wildcard';

/** The environment variable `grantWriteExports` sets; functions/adapters/s3-export-files.ts reads it. */
const EXPORT_BUCKET_ENV = 'EXPORT_BUCKET_NAME';
/** Where audit exports are written in the bucket (the only keys the grant covers). */
const AUDIT_PREFIX = 'audit/';
/** An export is fetched through its link within minutes; a day later it is gone. */
const EXPORT_LIFETIME = Duration.days(1);

/**
 * The bucket of large exports (an audit export beyond one page): private, encrypted at rest
 * (S3-managed keys), TLS only, and every object deleted a day after it was written. Officers never
 * reach it with their own identity: the export function answers with a presigned GET of a few
 * minutes, signed by its role, so the role needs GetObject on what it wrote as well as PutObject.
 */
export class AuditExports extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [
        { expiration: EXPORT_LIFETIME, abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      // Exports are copies of the table's history that expire within a day: nothing to keep.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Objects are temporary copies of the audit trail that expire after one day. Each is ' +
        'written by GET /audit, whose caller is in the API access log; the download link is ' +
        'signed by the export function and expires within minutes. Server access logs would ' +
        'need a second bucket recording the same.',
    });
  }

  /**
   * PutObject and GetObject (the presigned link is signed by this role) on the audit exports'
   * keys only, and the env var naming the bucket, together.
   */
  grantWriteExports(fn: lambda.Function): void {
    const objects = this.bucket.arnForObjects(`${AUDIT_PREFIX}*`);
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject'], resources: [objects] }),
    );
    fn.addEnvironment(EXPORT_BUCKET_ENV, this.bucket.bucketName);
    acknowledgeWildcard(
      fn.role!,
      `${arnTokenOf(this.bucket)}/${AUDIT_PREFIX}*`,
      'Each export is a new object whose name is chosen at request time; the grant is limited to the audit prefix of the one export bucket.',
    );
  }
}
