import { Duration } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { IN_FLIGHT_KEY, INDEX } from '../functions/adapters/table-keys';
import { ENDED_WITHOUT_END_STATE } from '../functions/ops/execution-status-event';
import { AdmissionFunction } from './constructs/admission-function';
import { type Storage } from './storage';
import { type Workflow } from './workflow';

/**
 * Repair without scans (docs/architecture.md, "Repair"): the sparse in-flight index the repair
 * sweep walks, and the repair of an execution that ended without a terminal stage, driven by
 * Step Functions' own execution status events.
 */
export class Repair extends Construct {
  readonly executionRepair: AdmissionFunction;
  readonly executionEnded: events.Rule;

  constructor(scope: Construct, id: string, props: { storage: Storage; workflow: Workflow }) {
    super(scope, id);
    const { table } = props.storage;
    // Only files in flight or on probation carry the key attributes: reads of the index are
    // proportional to them, never to the table. Sharded, so no partition of it is hot. Keys
    // only: nothing personal is copied, and the sweep reads each file, consistently, from the
    // table.
    table.addGlobalSecondaryIndex({
      indexName: INDEX.inFlight,
      partitionKey: { name: IN_FLIGHT_KEY.shard, type: dynamodb.AttributeType.NUMBER },
      sortKey: { name: IN_FLIGHT_KEY.sort, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.KEYS_ONLY,
    });

    this.executionRepair = new AdmissionFunction(this, 'ExecutionRepair', {
      entry: 'ops/repair-execution.ts',
      description:
        'Gives the candidate of an execution that ended without a terminal stage a live execution',
      timeout: Duration.seconds(30),
    });
    // Reads the one candidate and records its next execution or schedule: GetItem and UpdateItem
    // on the table itself, nothing on its indexes, no scan, query, put or delete.
    this.executionRepair.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
      }),
    );
    table.encryptionKey?.grant(
      this.executionRepair,
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKey',
      'kms:DescribeKey',
    );
    this.executionRepair.addEnvironment('TABLE_NAME', table.tableName);
    props.workflow.grantRepair(this.executionRepair);

    this.executionEnded = new events.Rule(this, 'ExecutionEnded', {
      description:
        'An admission or recognition execution ended without reaching an end state: repair its candidate',
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: {
          status: [...ENDED_WITHOUT_END_STATE],
          stateMachineArn: [
            props.workflow.stateMachineArn,
            props.workflow.recognitionStateMachineArn,
          ],
        },
      },
      targets: [
        new targets.LambdaFunction(this.executionRepair, {
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
        }),
      ],
    });
  }
}
