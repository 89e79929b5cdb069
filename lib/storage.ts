import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import {
  acknowledgeWildcard,
  acknowledgeWildcardAction,
  arnTokenOf,
} from './constructs/acknowledge-wildcard';
import { DataKey } from './data-key';

/**
 * The single table (candidates, history, units) and the idempotency table. The grant helpers
 * bind a table and the environment variable that names it in one call, so a function can never
 * get one without the other.
 */
export class Storage extends Construct {
  readonly table: dynamodb.Table;
  readonly idempotencyTable: dynamodb.Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new dynamodb.Table(this, 'AdmissionTable', {
      partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'SK', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: DataKey.of(this),
      timeToLiveAttribute: 'expiresAt',
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // A unit's own candidates at one stage (not its subtree). Work queues (GET /candidates, GET
    // /tasks) read the per-ancestor queue entries in the table itself (queue-entries.ts); this
    // index and GSI2 stay until they are removed, one per deployment (a CloudFormation limit).
    this.table.addGlobalSecondaryIndex({
      indexName: 'GSI1',
      partitionKey: { name: 'GSI1PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'GSI1SK', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.INCLUDE,
      nonKeyAttributes: LISTING_ATTRIBUTES,
    });
    // All of a unit's candidates, by nomination date.
    this.table.addGlobalSecondaryIndex({
      indexName: 'GSI2',
      partitionKey: { name: 'GSI2PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'GSI2SK', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.INCLUDE,
      nonKeyAttributes: LISTING_ATTRIBUTES,
    });

    // Audit exports: history events by month (Vietnam time), then by instant.
    this.table.addGlobalSecondaryIndex({
      indexName: 'GSI3',
      partitionKey: { name: 'GSI3PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'GSI3SK', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });

    this.idempotencyTable = new dynamodb.Table(this, 'IdempotencyTable', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: 'expiration',
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }

  grantReadCandidates(fn: lambda.Function): void {
    this.table.grantReadData(fn);
    this.bindTable(fn);
  }

  /** Reads, and PutItem only (delivery records, notes): no update, delete or transaction. */
  grantReadAndPut(fn: lambda.Function): void {
    this.table.grantReadData(fn);
    this.table.grant(fn, 'dynamodb:PutItem');
    this.table.encryptionKey?.grantEncrypt(fn);
    this.bindTable(fn);
  }

  grantWriteCandidates(fn: lambda.Function): void {
    this.table.grantReadWriteData(fn);
    this.bindTable(fn);
  }

  private bindTable(fn: lambda.Function): void {
    fn.addEnvironment('TABLE_NAME', this.table.tableName);
    acknowledgeWildcard(
      fn.role!,
      `${arnTokenOf(this.table)}/index/*`,
      'Work-queue listings query the GSIs of this one table; index ARNs are <table>/index/<name>.',
    );
    for (const action of ['kms:GenerateDataKey*', 'kms:ReEncrypt*']) {
      acknowledgeWildcardAction(
        fn.role!,
        action,
        'CDK table grants include these KMS action families, limited to the one data key of the table.',
      );
    }
  }

  grantIdempotency(fn: lambda.Function): void {
    this.idempotencyTable.grantReadWriteData(fn);
    fn.addEnvironment('IDEMPOTENCY_TABLE_NAME', this.idempotencyTable.tableName);
  }
}

/** Listings show these and nothing personal (no birth date). */
const LISTING_ATTRIBUTES = [
  'id',
  'fullName',
  'unitId',
  'stage',
  'version',
  'createdAt',
  'stageEnteredAt',
];
