import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import {
  PIPELINE_METRICS,
  PIPELINE_NAMESPACE,
} from '../functions/observability/transition-metrics';
import { DIGEST_SHARDS_AT_ONCE } from '../functions/domain/digest-subscriber';
import { acknowledgeWildcard, arnTokenOf } from './constructs/acknowledge-wildcard';
import { AdmissionFunction } from './constructs/admission-function';
import { DataKey } from './data-key';
import { type Delivery } from './delivery';
import { type Storage } from './storage';

/**
 * The daily digest "Việc cần làm hôm nay" (docs/architecture.md, "Daily digest"): at 07:00
 * Vietnam time (00:00 UTC) a starter begins the day's run, an execution of the digest state
 * machine that sends the shards of the subscriber index in parallel, DIGEST_SHARDS_AT_ONCE at a
 * time. Each shard is a loop of invocations, each sending pages of people until its time is nearly
 * up and answering where it stopped; a shard that still fails after retries is caught and the
 * others go on; a last task adds up the run and the run fails if any shard did, for the alarm.
 */
export class DailyDigest extends Construct {
  /** Starts the day's run; reads and sends nothing. */
  readonly starter: AdmissionFunction;
  /** Sends one shard's digests, a slice at a time. */
  readonly fn: AdmissionFunction;
  /** Adds up the run and publishes its metrics. */
  readonly summary: AdmissionFunction;
  readonly stateMachine: sfn.StateMachine;
  /** A person not reached, or a shard or a whole run that failed. */
  readonly failuresAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: { storage: Storage; delivery: Delivery }) {
    super(scope, id);
    this.fn = new AdmissionFunction(this, 'SendDailyDigests', {
      entry: 'ops/digest-shard.ts',
      description:
        'Daily 07:00 (Vietnam): one shard of digest subscribers their steps due today or overdue, by e-mail',
      // Stops a minute before (ops/digest-shard.ts) and answers where it stopped.
      timeout: Duration.minutes(3),
    });
    // Reads subscribers, notes and queues by key, and puts delivery records and the day's notes:
    // GetItem, Query and PutItem on the table itself; no index, no scan, update or delete.
    const { table } = props.storage;
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
        resources: [table.tableArn],
      }),
    );
    table.encryptionKey?.grant(
      this.fn,
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKey',
      'kms:DescribeKey',
    );
    this.fn.addEnvironment('TABLE_NAME', table.tableName);
    props.delivery.grantSend(this.fn);

    this.summary = new AdmissionFunction(this, 'SummariseDailyDigests', {
      entry: 'ops/digest-summary.ts',
      description: 'Adds up a daily digest run and publishes its counts',
    });

    this.stateMachine = this.runStateMachine();

    this.starter = new AdmissionFunction(this, 'StartDailyDigests', {
      entry: 'ops/daily-digest.ts',
      description: "Daily 07:00 (Vietnam): starts the day's digest run",
    });
    this.stateMachine.grantStartExecution(this.starter);
    this.starter.addEnvironment('DIGEST_STATE_MACHINE_ARN', this.stateMachine.stateMachineArn);
    new events.Rule(this, 'DailyDigestSchedule', {
      description: 'Sends the daily digest of due and overdue steps at 07:00 Vietnam time',
      // 00:00 UTC is 07:00 in Vietnam (UTC+7, no daylight saving).
      schedule: events.Schedule.cron({ minute: '0', hour: '0' }),
      targets: [new targets.LambdaFunction(this.starter, { retryAttempts: 2 })],
    });

    this.failuresAlarm = new cloudwatch.Alarm(this, 'DigestFailuresAlarm', {
      alarmDescription:
        'The daily digest could not reach someone, or a shard or a whole run failed: see the SendDailyDigests log (unit ids) and the run execution / ' +
        'Bản tin hằng ngày không gửi được cho một người, hoặc một phần hay cả lượt gửi bị lỗi: xem nhật ký SendDailyDigests và lượt chạy',
      metric: new cloudwatch.MathExpression({
        expression: 'FILL(people, 0) + FILL(failed, 0) + FILL(timedOut, 0)',
        usingMetrics: {
          people: new cloudwatch.Metric({
            namespace: PIPELINE_NAMESPACE,
            metricName: PIPELINE_METRICS.digestFailures,
            statistic: 'Sum',
            period: Duration.hours(1),
          }),
          failed: this.stateMachine.metricFailed({ period: Duration.hours(1), statistic: 'Sum' }),
          timedOut: this.stateMachine.metricTimedOut({
            period: Duration.hours(1),
            statistic: 'Sum',
          }),
        },
        label: 'Digest failures (people, shards, runs)',
        period: Duration.hours(1),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  private runStateMachine(): sfn.StateMachine {
    const sendSlice = new tasks.LambdaInvoke(this, 'SendShardSlice', {
      lambdaFunction: this.fn,
      payloadResponseOnly: true,
      comment: 'Sends pages of one shard until the invocation time is nearly up',
    });
    // A slice that failed is sent again from the same cursor (people already sent are skipped
    // by their note of the day); after the retries the shard is given up, the others go on.
    sendSlice.addRetry({
      errors: [sfn.Errors.ALL],
      interval: Duration.seconds(20),
      backoffRate: 2,
      maxAttempts: 3,
    });
    const shardFailed = new sfn.Pass(this, 'ShardFailed', {
      parameters: { 'shard.$': '$.shard', failed: true },
    });
    sendSlice.addCatch(shardFailed, { errors: [sfn.Errors.ALL], resultPath: '$.error' });
    const shardSent = new sfn.Pass(this, 'ShardSent', {
      parameters: { 'shard.$': '$.shard', failed: false, 'tally.$': '$.tally' },
    });
    sendSlice.next(
      new sfn.Choice(this, 'ShardFinished')
        .when(sfn.Condition.isPresent('$.cursor'), sendSlice)
        .otherwise(shardSent),
    );

    const sendShards = new sfn.Map(this, 'SendShards', {
      itemsPath: '$.shards',
      itemSelector: {
        day: sfn.JsonPath.stringAt('$.day'),
        shard: sfn.JsonPath.numberAt('$$.Map.Item.Value'),
      },
      maxConcurrency: DIGEST_SHARDS_AT_ONCE,
      resultPath: '$.outcomes',
    });
    sendShards.itemProcessor(sendSlice);

    const summarise = new tasks.LambdaInvoke(this, 'SummariseRun', {
      lambdaFunction: this.summary,
      payloadResponseOnly: true,
      payload: sfn.TaskInput.fromObject({
        day: sfn.JsonPath.stringAt('$.day'),
        outcomes: sfn.JsonPath.listAt('$.outcomes'),
      }),
    });
    summarise.addRetry({ errors: [sfn.Errors.ALL], maxAttempts: 2 });
    const definition = sendShards.next(summarise).next(
      new sfn.Choice(this, 'EveryShardSent')
        .when(sfn.Condition.booleanEquals('$.complete', true), new sfn.Succeed(this, 'RunSent'))
        .otherwise(
          new sfn.Fail(this, 'SomeShardsFailed', {
            error: 'DigestShardsFailed',
            cause:
              'Shards of the daily digest failed after their retries (failedShards in the SummariseRun output); the others were sent',
          }),
        ),
    );

    const stateMachine = new sfn.StateMachine(this, 'DailyDigestRun', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      // A run ends well within the morning; one that does not is stopped and alarmed.
      timeout: Duration.hours(6),
      tracingEnabled: true,
      // Execution data (cursors name a person's key) stays out of the logs: states and errors only.
      logs: {
        destination: new logs.LogGroup(this, 'DailyDigestRunLogs', {
          retention: logs.RetentionDays.THREE_MONTHS,
          encryptionKey: DataKey.of(this),
        }),
        level: sfn.LogLevel.ALL,
        includeExecutionData: false,
      },
    });
    acknowledgeWildcard(
      stateMachine.role,
      '*',
      'X-Ray segment writes and CloudWatch Logs delivery management (logs:CreateLogDelivery and related) have no resource-level permissions.',
    );
    for (const fn of [this.fn, this.summary]) {
      acknowledgeWildcard(
        stateMachine.role,
        `${arnTokenOf(fn)}:*`,
        'CDK grants lambda:InvokeFunction on <function>:* so the state machine may call versions of its own functions.',
      );
    }
    return stateMachine;
  }
}
