import { App, Stack, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  PIPELINE_METRICS,
  PIPELINE_NAMESPACE,
} from '../../functions/observability/transition-metrics';
import { acknowledgeWildcard } from '../../lib/constructs/acknowledge-wildcard';
import { HUMAN_STAGE_IDS, TERMINAL_STAGE_IDS } from '../../functions/domain/pipeline';
import { AdmissionFunction } from '../../lib/constructs/admission-function';
import { DataKey } from '../../lib/data-key';
import { Observability, type ObservabilityProps } from '../../lib/observability';

/** A tiny stack: a real state machine (one Pass state), an HTTP API, one function. */
function tinyStack(extra: Partial<ObservabilityProps> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'ObservabilityTest');
  const fn = new AdmissionFunction(stack, 'ApplyTransition', {
    entry: 'workflow/apply-transition.ts',
    description: 'test function',
  });
  const stateMachine = new sfn.StateMachine(stack, 'Machine', {
    definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Nothing')),
    tracingEnabled: true,
    logs: {
      destination: new logs.LogGroup(stack, 'MachineLogs', { encryptionKey: DataKey.of(stack) }),
      level: sfn.LogLevel.ALL,
    },
  });
  // The scaffolding's own finding, acknowledged as lib/workflow.ts does for the real machine.
  acknowledgeWildcard(
    stateMachine.role,
    '*',
    'X-Ray and CloudWatch Logs delivery actions have no resource-level permissions.',
  );
  const httpApi = new apigwv2.HttpApi(stack, 'Api', { createDefaultStage: false });
  const observability = new Observability(stack, 'Observability', {
    stateMachine,
    httpApi,
    functions: [fn],
    ...extra,
  });
  return { app, stack, observability, fn, stateMachine, httpApi };
}

/**
 * The dashboard body as JSON text: the Fn::Join parts concatenated, each token written as
 * `Ref:<id>` or `GetAtt:<id>.<attribute>`.
 */
function dashboardBody(template: Template): string {
  const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  const flatten = (value: unknown): string => {
    if (typeof value === 'string') return value;
    const token = value as Record<string, unknown>;
    if ('Fn::Join' in token)
      return (token['Fn::Join'] as [string, unknown[]])[1].map(flatten).join('');
    if ('Ref' in token) return `Ref:${token.Ref}`;
    if ('Fn::GetAtt' in token) return `GetAtt:${(token['Fn::GetAtt'] as string[]).join('.')}`;
    throw new Error(`Unexpected token ${JSON.stringify(value)}`);
  };
  return flatten(dashboard.Properties.DashboardBody);
}

describe('Observability', () => {
  const { stack, httpApi } = tinyStack();
  const template = Template.fromStack(stack);
  const body = dashboardBody(template);
  const widgets = JSON.parse(body).widgets as {
    type: string;
    properties: { metrics?: unknown[][]; title?: string };
  }[];
  const metricRows = widgets.flatMap((w) => w.properties.metrics ?? []);
  const metricNamesIn = (namespace: string) =>
    metricRows.filter((row) => row[0] === namespace).map((row) => row[1]);
  const expressions = metricRows
    .map((row) => (row[0] as { expression?: string })?.expression)
    .filter((e): e is string => Boolean(e));

  it('graphs the business metrics the functions emit, under their namespace', () => {
    const emitted = new Set<string>(Object.values(PIPELINE_METRICS));
    const graphed = [
      ...metricNamesIn(PIPELINE_NAMESPACE),
      ...expressions.flatMap((e) => [...e.matchAll(/MetricName="(\w+)"/g)].map((m) => m[1])),
    ];
    for (const name of graphed) expect(emitted).toContain(name);
    expect(new Set(graphed)).toEqual(
      new Set([
        'Transitions',
        'Admitted',
        'Rejected',
        'Withdrawn',
        'DeadlineBreaches',
        'AttainmentPercent',
        'UnitsBehindPace',
        'ResumeFailures',
        'ProbationRepairs',
      ]),
    );
    for (const e of expressions) {
      expect(e).toMatch(/SEARCH\('\{AdmissionPipeline,[A-Za-z,]+\} MetricName="\w+"/);
    }
    // The funnel: one series per stage, in pipeline order.
    const funnel = widgets.find((w) => w.properties.title?.startsWith('Funnel'))!;
    expect(funnel.properties.metrics).toHaveLength(
      HUMAN_STAGE_IDS.length + TERMINAL_STAGE_IDS.length,
    );
    expect(JSON.stringify(funnel.properties.metrics)).toContain(
      'SUM(SEARCH(\'{AdmissionPipeline,Stage,TopUnit} MetricName=\\"Transitions\\" Stage=\\"CEREMONY\\"\', \'Sum\', 86400))',
    );
  });

  it('graphs the API, the function, the state machine by their AWS metrics', () => {
    expect(metricNamesIn('AWS/ApiGateway').sort()).toEqual(
      ['4xx', '5xx', 'Count', 'Latency', 'Latency', 'Latency'].sort(),
    );
    for (const row of metricRows.filter((r) => r[0] === 'AWS/ApiGateway')) {
      expect(row[2]).toBe('ApiId');
    }
    expect(metricNamesIn('AWS/Lambda').sort()).toEqual(['Errors', 'Throttles']);
    expect(metricNamesIn('AWS/States').sort()).toEqual(
      [
        'ExecutionsAborted',
        'ExecutionsFailed',
        'ExecutionsStarted',
        'ExecutionsSucceeded',
        'ExecutionsTimedOut',
      ].sort(),
    );
    expect(body).toContain(`"ApiId","Ref:${stack.resolve(httpApi.apiId).Ref}"`);
    expect(body).toContain(`"FunctionName","Ref:`);
    expect(body).toContain(`"StateMachineArn","Ref:`);
  });

  it('raises five alarms on the ops topic, which is encrypted with the data key', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 5);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Dimensions: [{ Name: 'ApiId', Value: Match.anyValue() }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({ Namespace: 'AWS/States', MetricName: 'ExecutionsFailed' }),
          }),
        }),
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({ Namespace: 'AWS/States', MetricName: 'ExecutionsTimedOut' }),
          }),
        }),
      ]),
    });
    for (const name of [
      PIPELINE_METRICS.deadlineBreaches,
      PIPELINE_METRICS.unitsBehindPace,
      PIPELINE_METRICS.resumeFailures,
    ]) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: PIPELINE_NAMESPACE,
        MetricName: name,
        Dimensions: Match.absent(),
      });
    }
    const topics = template.findResources('AWS::SNS::Topic');
    expect(Object.keys(topics)).toHaveLength(1);
    const [topicId] = Object.keys(topics);
    expect(topics[topicId].Properties.KmsMasterKeyId).toBeDefined();
    // TLS only (AwsSolutions-SNS3 is satisfied by the encryption alone, so check it here).
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    }
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' } }),
        ]),
      },
    });
  });

  it('graphs and alarms on both state machines, and on the dead-letter queue it is given', () => {
    const both = tinyStack();
    const recognition = new sfn.StateMachine(both.stack, 'Recognition', {
      definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(both.stack, 'Also')),
    });
    const deadLetters = new sqs.Queue(both.stack, 'DeadLetters');
    new Observability(both.stack, 'Both', {
      stateMachine: both.stateMachine,
      recognitionStateMachine: recognition,
      scheduleDeadLetterQueue: deadLetters,
      httpApi: both.httpApi,
      functions: [both.fn],
      alarmTopic: both.observability.alarmTopic,
      dashboardName: 'both',
    });
    const t = Template.fromStack(both.stack);
    const machineId = (m: sfn.StateMachine) =>
      both.stack.getLogicalId(m.node.defaultChild as never);
    const alarms = Object.entries(t.findResources('AWS::CloudWatch::Alarm')).filter(([id]) =>
      id.startsWith('Both'),
    );
    for (const machine of [both.stateMachine, recognition]) {
      const watching = alarms.filter(([, a]) =>
        JSON.stringify(a.Properties.Metrics ?? []).includes(`"Ref":"${machineId(machine)}"`),
      );
      expect(watching).toHaveLength(1);
      const metrics = (watching[0][1].Properties.Metrics as { MetricStat?: { Metric: object } }[])
        .filter((m) => m.MetricStat)
        .map((m) => (m.MetricStat!.Metric as { MetricName: string }).MetricName);
      // Aborted is a superseded execution stopped on purpose: graphed, never alarmed.
      expect(metrics.sort()).toEqual(['ExecutionsFailed', 'ExecutionsTimedOut']);
    }
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: {
            'Fn::GetAtt': [
              both.stack.getLogicalId(deadLetters.node.defaultChild as never),
              'QueueName',
            ],
          },
        },
      ],
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
    });
    const dashboard = Object.values(t.findResources('AWS::CloudWatch::Dashboard')).find(
      (d) => d.Properties.DashboardName === 'both',
    )!;
    const text = JSON.stringify(dashboard.Properties.DashboardBody);
    expect(text).toContain('Admission executions');
    expect(text).toContain('Recognition executions');
    expect(text).toContain(machineId(recognition));
    expect(text).toContain('ApproximateNumberOfMessagesVisible');
  });

  it('adds the custom quota widget only when given its function', () => {
    expect(widgets.some((w) => w.type === 'custom')).toBe(false);
    const withWidget = tinyStack();
    const quotaFn = new AdmissionFunction(withWidget.stack, 'QuotaWidget', {
      entry: 'workflow/apply-transition.ts',
      description: 'quota widget',
    });
    new Observability(withWidget.stack, 'WithWidget', {
      stateMachine: withWidget.stateMachine,
      httpApi: withWidget.httpApi,
      functions: [withWidget.fn],
      alarmTopic: withWidget.observability.alarmTopic,
      quotaWidgetFunction: quotaFn,
      dashboardName: 'second',
    });
    const bodies = Object.values(
      Template.fromStack(withWidget.stack).findResources('AWS::CloudWatch::Dashboard'),
    ).map((d) => JSON.stringify(d.Properties.DashboardBody));
    expect(bodies.filter((b) => b.includes('\\"type\\":\\"custom\\"'))).toHaveLength(1);
  });

  it('uses a topic it is given instead of creating one', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const { stack: s } = tinyStack({
      alarmTopic: sns.Topic.fromTopicArn(
        new Stack(app, 'Other'),
        'Given',
        'arn:aws:sns:ap-southeast-1:111111111111:ops',
      ),
    });
    Template.fromStack(s).resourceCountIs('AWS::SNS::Topic', 0);
  });

  it('passes cdk-nag AwsSolutions with no acknowledgement', () => {
    const { app, stack: s } = tinyStack();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).not.toThrow();
    expect(
      Annotations.fromStack(s).findWarning('*', Match.stringLikeRegexp('AwsSolutions')),
    ).toEqual([]);
  });
});

it('synthesizes without CDK warnings from the construct', () => {
  const { stack } = tinyStack();
  const warnings = Annotations.fromStack(stack)
    .findWarning('*', Match.anyValue())
    .filter((w) => w.id.includes('Observability'));
  expect(warnings.map((w) => `${w.id}: ${JSON.stringify(w.entry.data)}`)).toEqual([]);
});
