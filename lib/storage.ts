import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import {
  acknowledgeWildcard,
  acknowledgeWildcardAction,
  arnTokenOf,
} from './constructs/acknowledge-wildcard';
import { INDEX, UNIT_AUDIT_KEY, UNIT_AUDIT_PROJECTION } from '../functions/adapters/table-keys';
import { DataKey } from './data-key';

/**
 * The single table (candidates, history, units) and the idempotency table. The grant helpers
 * bind a table and the environment variable that names it in one call, so a function can never
 * get one without the other.
 */
/** What the readers do: items by key, key ranges of the table and its indexes. */
const KEYED_READS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
] as const;

export class Storage extends Construct {
  readonly table: dynamodb.Table;
  readonly idempotencyTable: dynamodb.Table;
  /** Where this deployment is with the unit audit index (the `unitAuditIndex` context value). */
  readonly unitAuditIndex: UnitAuditIndexPhase;

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
    // GSI1 and GSI2 (a unit's own candidates by stage, and by nomination date) are read by
    // nothing since work queues read queue entries, and no longer written. CloudFormation deletes
    // one GSI per stack update, so they leave in two deployments (README, "Removing GSI1 and
    // GSI2"): the `legacyIndexes` context value lists those the next deployment still keeps.
    for (const indexName of legacyIndexes(this)) {
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: `${indexName}PK`, type: dynamodb.AttributeType.STRING },
        sortKey: { name: `${indexName}SK`, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.INCLUDE,
        nonKeyAttributes: LISTING_ATTRIBUTES,
      });
    }

    // Audit exports: a subtree's events by top-level committee and month, then unit path and
    // instant (the units below the one exported).
    this.table.addGlobalSecondaryIndex({
      indexName: INDEX.audit,
      partitionKey: { name: 'GSI3PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'GSI3SK', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    // …and a unit's own events by unit, then instant, copying only what the export returns
    // (docs/architecture.md, "Table design"). An existing stack adds it in a deployment of its
    // own (README, "The unit audit index").
    this.unitAuditIndex = unitAuditIndexPhase(this);
    if (this.unitAuditIndex !== 'absent') {
      this.table.addGlobalSecondaryIndex({
        indexName: INDEX.unitAudit,
        partitionKey: { name: UNIT_AUDIT_KEY.unit, type: dynamodb.AttributeType.STRING },
        sortKey: { name: UNIT_AUDIT_KEY.at, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.INCLUDE,
        nonKeyAttributes: [...UNIT_AUDIT_PROJECTION],
      });
    }

    this.idempotencyTable = new dynamodb.Table(this, 'IdempotencyTable', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: 'expiration',
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }

  /**
   * Reads by key and by key range, on the table and its indexes, but no Scan: no function reads
   * a whole table (docs/architecture.md; the scans are operator tools run with their own
   * credentials), so `grantReadData`'s Scan would only widen what a compromised function reads.
   */
  grantReadCandidates(fn: lambda.Function): void {
    this.table.grant(fn, ...KEYED_READS);
    // The table's customer-managed key: reading its items decrypts them (grantReadData did this).
    this.table.encryptionKey?.grant(fn, 'kms:Decrypt', 'kms:DescribeKey');
    this.bindTable(fn);
  }

  /**
   * Reads, for the audit export: with `AUDIT_OWN_EVENTS` saying where a unit's own events are
   * read, the unit audit index once it serves, else the subtree index.
   */
  grantAuditReads(fn: lambda.Function): void {
    this.grantReadCandidates(fn);
    const serving = this.unitAuditIndex === 'serving';
    fn.addEnvironment('AUDIT_OWN_EVENTS', serving ? 'unit-index' : 'subtree-index');
  }

  /** Reads, and PutItem only (delivery records, notes): no update, delete or transaction. */
  grantReadAndPut(fn: lambda.Function): void {
    this.table.grant(fn, ...KEYED_READS, 'dynamodb:PutItem');
    this.table.encryptionKey?.grant(fn, 'kms:Decrypt', 'kms:DescribeKey');
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

/**
 * The unit audit index's phase in a deployment: `absent` (not created), `building` (created; the
 * export still reads own events from the subtree index while `audit:backfill` runs), `serving`
 * (the export reads it). The context value `unitAuditIndex`; `serving` when absent (a new stack,
 * or once the upgrade is done; README, "The unit audit index").
 */
const UNIT_AUDIT_INDEX_PHASES = ['absent', 'building', 'serving'] as const;
type UnitAuditIndexPhase = (typeof UNIT_AUDIT_INDEX_PHASES)[number];

function unitAuditIndexPhase(scope: Construct): UnitAuditIndexPhase {
  const value: unknown = scope.node.tryGetContext('unitAuditIndex');
  if (value === undefined) return 'serving';
  const phase = UNIT_AUDIT_INDEX_PHASES.find((p) => p === value);
  if (!phase) {
    throw new Error(
      `unitAuditIndex: ${String(value)} is not one of ${UNIT_AUDIT_INDEX_PHASES.join(', ')}`,
    );
  }
  return phase;
}

/** The retired listing indexes, in the order they are removed. */
const RETIRED_INDEXES = ['GSI1', 'GSI2'] as const;

/**
 * The retired indexes the deployment keeps: the context value `legacyIndexes` (a JSON list or a
 * comma-separated string, `-c legacyIndexes=GSI2`); none when absent (a new stack, or once both
 * removal deployments have run). A list that would delete both at once is refused, as
 * CloudFormation would refuse the update.
 */
function legacyIndexes(scope: Construct): string[] {
  const value: unknown = scope.node.tryGetContext('legacyIndexes');
  if (value === undefined) return [];
  const names = (
    Array.isArray(value)
      ? value
      : String(value).startsWith('[')
        ? JSON.parse(String(value))
        : String(value).split(',')
  )
    .map((name: unknown) => String(name).trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(RETIRED_INDEXES as readonly string[]).includes(name)) {
      throw new Error(`legacyIndexes: ${name} is not one of ${RETIRED_INDEXES.join(', ')}`);
    }
  }
  return names;
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
