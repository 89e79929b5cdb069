import { Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct, type IConstruct } from 'constructs';

const ID = 'DataKey';

/**
 * The one customer-managed key of the stack: the table, the log groups and (later) the
 * notification topic are encrypted with it, so revoking it or auditing its use covers all the
 * places a candidate's data can reach.
 */
export class DataKey extends Construct {
  readonly key: kms.Key;

  /** The stack's key, created on first use. */
  static of(scope: IConstruct): kms.Key {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(ID) as DataKey | undefined;
    return (existing ?? new DataKey(stack, ID)).key;
  }

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'Admission pipeline data: candidates, history, logs',
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts log groups with the key only for this account's log groups.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
        actions: [
          'kms:Encrypt*',
          'kms:Decrypt*',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:Describe*',
        ],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*`,
          },
        },
      }),
    );
  }
}
