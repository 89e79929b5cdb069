import { Aws, Duration, Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { HUMAN_STAGE_IDS, TERMINAL_STAGE_IDS } from '../functions/domain/pipeline';
import {
  PIPELINE_DIMENSIONS,
  PIPELINE_METRICS,
  PIPELINE_NAMESPACE,
} from '../functions/observability/transition-metrics';
import { DataKey } from './data-key';

export interface ObservabilityProps {
  /** The admission state machine. */
  stateMachine: sfn.IStateMachine;
  /** The recognition state machine (started by the probation schedules). */
  recognitionStateMachine?: sfn.IStateMachine;
  /** Where EventBridge Scheduler puts the starts it could not deliver. */
  scheduleDeadLetterQueue?: sqs.IQueue;
  httpApi: apigwv2.IHttpApi;
  /** Requests the HTTP API stage throttled (a metric filter on its access log). */
  apiThrottles?: cloudwatch.IMetric;
  /** Functions whose errors and throttles are graphed, one line each. */
  functions: lambda.IFunction[];
  table?: dynamodb.ITable;
  /** Where alarms notify; an encrypted topic is created when absent. */
  alarmTopic?: sns.ITopic;
  /** Default `<stack name>-admission`. */
  dashboardName?: string;
  /** A function that renders the quota table as a CloudWatch custom widget. */
  quotaWidgetFunction?: lambda.IFunction;
}

const FIVE_MINUTES = Duration.minutes(5);
const ONE_HOUR = Duration.hours(1);
const ONE_DAY = Duration.days(1);

/** `{AdmissionPipeline,<dims>} MetricName="<name>" <filters>` as a CloudWatch SEARCH expression. */
function search(
  name: string,
  dimensions: string[],
  statistic: string,
  period: Duration,
  filters: Record<string, string> = {},
): string {
  const schema = [PIPELINE_NAMESPACE, ...[...dimensions].sort()].join(',');
  const filter = Object.entries(filters)
    .map(([key, value]) => ` ${key}="${value}"`)
    .join('');
  return `SEARCH('{${schema}} MetricName="${name}"${filter}', '${statistic}', ${period.toSeconds()})`;
}

/**
 * The operators' view of the pipeline: one CloudWatch dashboard (funnel, throughput, SLA
 * breaches, quota attainment, API, functions, state machine, table) and the alarms that page the
 * ops topic. Business metrics come from `functions/observability/transition-metrics.ts` (EMF,
 * namespace `AdmissionPipeline`); graphs over a dimension whose values are only known at run
 * time (`TopUnit`) are SEARCH expressions, alarms watch series with fixed dimensions.
 */
export class Observability extends Construct {
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarmTopic: sns.ITopic;
  readonly alarms: {
    api5xx: cloudwatch.Alarm;
    apiThrottles?: cloudwatch.Alarm;
    failedExecutions: cloudwatch.Alarm;
    failedRecognitionExecutions?: cloudwatch.Alarm;
    deadlineBreaches: cloudwatch.Alarm;
    unitsBehindPace: cloudwatch.Alarm;
    resumeFailures: cloudwatch.Alarm;
    scheduleDeadLetters?: cloudwatch.Alarm;
  };

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.alarmTopic = props.alarmTopic ?? createAlarmTopic(this);

    // Alarms.
    const api5xx = new cloudwatch.Alarm(this, 'Api5xxAlarm', {
      alarmDescription: 'HTTP API answered 5 or more 5xx responses within 5 minutes',
      metric: props.httpApi.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 5,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    // A few 429s are a client retrying too fast; a steady stream means the limits derived from
    // the capacity model (lib/api-throttling.ts) no longer fit the officers' traffic.
    const apiThrottles = props.apiThrottles
      ? new cloudwatch.Alarm(this, 'ApiThrottlesAlarm', {
          alarmDescription:
            'HTTP API throttled 20 or more requests (429) within 5 minutes: check the route limits against the capacity model / ' +
            'API đã từ chối (429) từ 20 yêu cầu trở lên trong 5 phút: đối chiếu giới hạn của các tuyến với mô hình năng lực',
          metric: props.apiThrottles,
          threshold: 20,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        })
      : undefined;
    const failedExecutions = this.failedExecutionsAlarm(
      'FailedExecutionsAlarm',
      props.stateMachine,
      'An admission execution failed or timed out: ExecutionRepair gives its candidate a new one from the status event (the sweep, if the event is missed); a failure points to a defect',
    );
    const failedRecognitionExecutions = props.recognitionStateMachine
      ? this.failedExecutionsAlarm(
          'FailedRecognitionExecutionsAlarm',
          props.recognitionStateMachine,
          'A recognition execution failed or timed out: ExecutionRepair gives its member a new one from the status event (the sweep, if the event is missed); a failure points to a defect',
        )
      : undefined;
    const deadlineBreaches = new cloudwatch.Alarm(this, 'DeadlineBreachesAlarm', {
      alarmDescription: 'A human step passed its working-day deadline (organisation-wide total)',
      metric: this.pipelineMetric(PIPELINE_METRICS.deadlineBreaches, 'Sum', ONE_HOUR),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const unitsBehindPace = new cloudwatch.Alarm(this, 'UnitsBehindPaceAlarm', {
      alarmDescription: 'At least one unit is behind the linear pace of its quota',
      metric: this.pipelineMetric(PIPELINE_METRICS.unitsBehindPace, 'Maximum', ONE_DAY),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const resumeFailures = new cloudwatch.Alarm(this, 'ResumeFailuresAlarm', {
      alarmDescription:
        'The resume job could not repair a candidate (an unreadable item, a refused start): see its log for the candidate id',
      metric: this.pipelineMetric(PIPELINE_METRICS.resumeFailures, 'Sum', ONE_HOUR),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const scheduleDeadLetters = props.scheduleDeadLetterQueue
      ? new cloudwatch.Alarm(this, 'ScheduleDeadLettersAlarm', {
          alarmDescription:
            'EventBridge Scheduler gave up starting the recognition workflow of a member (message in the dead-letter queue)',
          metric: props.scheduleDeadLetterQueue.metricApproximateNumberOfMessagesVisible({
            period: FIVE_MINUTES,
            statistic: 'Maximum',
          }),
          threshold: 0,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        })
      : undefined;
    this.alarms = {
      api5xx,
      ...(apiThrottles ? { apiThrottles } : {}),
      failedExecutions,
      ...(failedRecognitionExecutions ? { failedRecognitionExecutions } : {}),
      deadlineBreaches,
      unitsBehindPace,
      resumeFailures,
      ...(scheduleDeadLetters ? { scheduleDeadLetters } : {}),
    };
    const notify = new cwActions.SnsAction(this.alarmTopic);
    for (const alarm of Object.values(this.alarms)) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }

    // Dashboard.
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName ?? `${Stack.of(this).stackName}-admission`,
      defaultInterval: Duration.days(30),
    });
    this.dashboard.addWidgets(
      new cloudwatch.TextWidget({
        markdown:
          '# Admission pipeline\nFunnel and quotas from the `AdmissionPipeline` namespace (EMF); API, functions, state machine and table from AWS metrics.',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({
        title: 'Alarms',
        alarms: Object.values(this.alarms),
        width: 24,
        height: 3,
      }),
    );
    this.dashboard.addWidgets(this.funnelWidget(), this.throughputWidget());
    this.dashboard.addWidgets(this.slaWidget(), this.quotaWidget());
    this.dashboard.addWidgets(...this.apiWidgets(props.httpApi));
    this.dashboard.addWidgets(...this.functionWidgets(props.functions));
    this.dashboard.addWidgets(
      ...[
        { title: 'Admission', machine: props.stateMachine },
        { title: 'Recognition', machine: props.recognitionStateMachine },
      ].flatMap(({ title, machine }) =>
        machine ? [this.stateMachineWidget(title, machine, props.recognitionStateMachine)] : [],
      ),
    );
    this.dashboard.addWidgets(this.repairWidget(props.scheduleDeadLetterQueue));
    if (props.table) this.dashboard.addWidgets(...this.tableWidgets(props.table));
    if (props.quotaWidgetFunction) {
      this.dashboard.addWidgets(
        new cloudwatch.CustomWidget({
          title: 'Quota attainment by unit (chỉ tiêu)',
          functionArn: props.quotaWidgetFunction.functionArn,
          width: 24,
          height: 8,
          updateOnRefresh: true,
          updateOnTimeRangeChange: true,
        }),
      );
    }
  }

  /** A pipeline metric without dimensions: the organisation-wide series of alarm metrics. */
  private pipelineMetric(name: string, statistic: string, period: Duration): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: PIPELINE_NAMESPACE,
      metricName: name,
      statistic,
      period,
    });
  }

  private funnelWidget(): cloudwatch.IWidget {
    const stages = [...HUMAN_STAGE_IDS, ...TERMINAL_STAGE_IDS];
    return new cloudwatch.GraphWidget({
      title: 'Funnel: candidates entering each stage',
      view: cloudwatch.GraphWidgetView.BAR,
      setPeriodToTimeRange: true,
      width: 12,
      height: 8,
      left: stages.map(
        (stage, index) =>
          new cloudwatch.MathExpression({
            expression: `SUM(${search(
              PIPELINE_METRICS.transitions,
              [PIPELINE_DIMENSIONS.stage, PIPELINE_DIMENSIONS.topUnit],
              'Sum',
              ONE_DAY,
              { [PIPELINE_DIMENSIONS.stage]: stage },
            )})`,
            usingMetrics: {},
            label: `${String(index + 1).padStart(2, '0')} ${stage}`,
            period: ONE_DAY,
          }),
      ),
    });
  }

  private throughputWidget(): cloudwatch.IWidget {
    const total = (name: string, label: string) =>
      new cloudwatch.MathExpression({
        expression: `SUM(${search(name, [PIPELINE_DIMENSIONS.stage, PIPELINE_DIMENSIONS.topUnit], 'Sum', ONE_DAY)})`,
        usingMetrics: {},
        label,
        period: ONE_DAY,
      });
    return new cloudwatch.GraphWidget({
      title: 'Throughput per day',
      width: 12,
      height: 8,
      left: [
        total(PIPELINE_METRICS.transitions, 'Transitions'),
        total(PIPELINE_METRICS.admitted, 'Admitted'),
        total(PIPELINE_METRICS.rejected, 'Rejected'),
        total(PIPELINE_METRICS.withdrawn, 'Withdrawn'),
      ],
    });
  }

  private slaWidget(): cloudwatch.IWidget {
    return new cloudwatch.GraphWidget({
      title: 'SLA: steps past their deadline',
      width: 12,
      height: 6,
      left: [
        this.pipelineMetric(PIPELINE_METRICS.deadlineBreaches, 'Sum', ONE_DAY).with({
          label: 'All units',
        }),
        new cloudwatch.MathExpression({
          expression: search(
            PIPELINE_METRICS.deadlineBreaches,
            [PIPELINE_DIMENSIONS.stage, PIPELINE_DIMENSIONS.topUnit],
            'Sum',
            ONE_DAY,
          ),
          usingMetrics: {},
          period: ONE_DAY,
        }),
      ],
    });
  }

  private quotaWidget(): cloudwatch.IWidget {
    return new cloudwatch.GraphWidget({
      title: 'Quota attainment (%) per top unit, and units behind pace',
      width: 12,
      height: 6,
      left: [
        new cloudwatch.MathExpression({
          expression: search(
            PIPELINE_METRICS.attainmentPercent,
            [
              PIPELINE_DIMENSIONS.topUnit,
              PIPELINE_DIMENSIONS.quotaMetric,
              PIPELINE_DIMENSIONS.issuer,
            ],
            'Maximum',
            ONE_DAY,
          ),
          usingMetrics: {},
          period: ONE_DAY,
        }),
      ],
      leftYAxis: { min: 0, label: '%', showUnits: false },
      right: [
        this.pipelineMetric(PIPELINE_METRICS.unitsBehindPace, 'Maximum', ONE_DAY).with({
          label: 'Units behind pace (worst top unit)',
        }),
      ],
      leftAnnotations: [{ value: 100, label: 'target', color: cloudwatch.Color.GREEN }],
    });
  }

  private apiWidgets(api: apigwv2.IHttpApi): cloudwatch.IWidget[] {
    return [
      new cloudwatch.GraphWidget({
        title: 'API requests and errors',
        width: 12,
        height: 6,
        left: [
          api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum', label: 'Requests' }),
          api.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum', label: '4xx' }),
          api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum', label: '5xx' }),
        ],
      }),
      new cloudwatch.GraphWidget({
        title: 'API latency (ms)',
        width: 12,
        height: 6,
        left: ['p50', 'p90', 'p99'].map((statistic) =>
          api.metricLatency({ period: FIVE_MINUTES, statistic, label: statistic }),
        ),
      }),
    ];
  }

  private functionWidgets(functions: lambda.IFunction[]): cloudwatch.IWidget[] {
    const label = (fn: lambda.IFunction) => fn.node.id;
    return [
      new cloudwatch.GraphWidget({
        title: 'Function errors',
        width: 12,
        height: 6,
        left: functions.map((fn) =>
          fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum', label: label(fn) }),
        ),
      }),
      new cloudwatch.GraphWidget({
        title: 'Function throttles',
        width: 12,
        height: 6,
        left: functions.map((fn) =>
          fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum', label: label(fn) }),
        ),
      }),
    ];
  }

  /**
   * Started, succeeded, failed, timed out and aborted. Aborted is graphed, not alarmed: the resume
   * job and `workflow:migrate` stop superseded executions on purpose. Half width when both
   * machines are shown, side by side.
   */
  private stateMachineWidget(
    title: string,
    stateMachine: sfn.IStateMachine,
    recognition: sfn.IStateMachine | undefined,
  ): cloudwatch.IWidget {
    const sum = { period: FIVE_MINUTES, statistic: 'Sum' };
    return new cloudwatch.GraphWidget({
      title: `${title} executions`,
      width: recognition ? 12 : 24,
      height: 6,
      left: [
        stateMachine.metricStarted({ ...sum, label: 'Started' }),
        stateMachine.metricSucceeded({ ...sum, label: 'Succeeded' }),
        stateMachine.metricFailed({ ...sum, label: 'Failed' }),
        stateMachine.metricTimedOut({ ...sum, label: 'Timed out' }),
        stateMachine.metricAborted({ ...sum, label: 'Aborted (superseded)' }),
      ],
    });
  }

  /** An execution's failures or timeouts (never a stale duplicate: that one succeeds). */
  private failedExecutionsAlarm(
    id: string,
    stateMachine: sfn.IStateMachine,
    description: string,
  ): cloudwatch.Alarm {
    return new cloudwatch.Alarm(this, id, {
      alarmDescription: description,
      metric: new cloudwatch.MathExpression({
        expression: 'FILL(failed, 0) + FILL(timedOut, 0)',
        usingMetrics: {
          failed: stateMachine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' }),
          timedOut: stateMachine.metricTimedOut({ period: FIVE_MINUTES, statistic: 'Sum' }),
        },
        label: 'Failed + timed-out executions',
        period: FIVE_MINUTES,
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  /** The repair side: what the resume job could not repair, and undelivered probation wake-ups. */
  private repairWidget(deadLetters: sqs.IQueue | undefined): cloudwatch.IWidget {
    return new cloudwatch.GraphWidget({
      title: 'Repair: resume job failures and repairs, undelivered probation wake-ups',
      width: 24,
      height: 6,
      left: [
        this.pipelineMetric(PIPELINE_METRICS.resumeFailures, 'Sum', ONE_HOUR).with({
          label: 'Resume failures',
        }),
        this.pipelineMetric(PIPELINE_METRICS.probationRepairs, 'Sum', ONE_HOUR).with({
          label: 'Recognition started by the repair',
        }),
      ],
      right: deadLetters
        ? [
            deadLetters.metricApproximateNumberOfMessagesVisible({
              period: FIVE_MINUTES,
              statistic: 'Maximum',
              label: 'Dead letters (probation schedules)',
            }),
          ]
        : [],
    });
  }

  /**
   * Two graphs: the per-operation throttle and system-error sums are math expressions whose inner
   * metric ids are the operation names, and one graph may not hold the same id twice.
   */
  private tableWidgets(table: dynamodb.ITable): cloudwatch.IWidget[] {
    const throttles = new cloudwatch.GraphWidget({
      title: 'Table: throttles and transaction conflicts (hot counters)',
      width: 12,
      height: 6,
      left: [
        table.metricThrottledRequestsForOperations({
          operations: [
            dynamodb.Operation.TRANSACT_WRITE_ITEMS,
            dynamodb.Operation.QUERY,
            dynamodb.Operation.GET_ITEM,
            dynamodb.Operation.PUT_ITEM,
            dynamodb.Operation.UPDATE_ITEM,
          ],
          period: FIVE_MINUTES,
          label: 'Throttled requests',
        }),
        table.metric('TransactionConflict', {
          period: FIVE_MINUTES,
          statistic: 'Sum',
          label: 'Transaction conflicts',
        }),
      ],
    });
    const systemErrors = new cloudwatch.GraphWidget({
      title: 'Table: system errors',
      width: 12,
      height: 6,
      left: [
        table.metricSystemErrorsForOperations({
          operations: [dynamodb.Operation.TRANSACT_WRITE_ITEMS, dynamodb.Operation.QUERY],
          period: FIVE_MINUTES,
          label: 'System errors',
        }),
      ],
    });
    return [throttles, systemErrors];
  }
}

/**
 * The operators' alarm topic: encrypted with the data key, TLS only, and published to by this
 * account's CloudWatch alarms in this region (alarms notify topics of their own region only).
 */
export function createAlarmTopic(scope: Construct, id = 'OpsTopic'): sns.Topic {
  const key = DataKey.of(scope);
  const topic = new sns.Topic(scope, id, {
    displayName: 'Admission pipeline alarms',
    masterKey: key,
    enforceSSL: true,
  });
  // CloudWatch alarms of this account and region (and no one else's: confused deputy) publish
  // to the encrypted topic: the topic policy must allow them (enforceSSL's Deny alone allows
  // nobody) and the key policy must let them use the data key.
  const fromOurAlarms = {
    StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
    ArnLike: {
      'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:*`,
    },
  };
  const cloudWatch = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
  topic.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchAlarmsToPublish',
      principals: [cloudWatch],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: fromOurAlarms,
    }),
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [cloudWatch],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: fromOurAlarms,
    }),
  );
  return topic;
}
