import { createAccessLog, parseFilterPattern } from '../../../lib/local/access-log';
import { createMetricRecorder } from '../../../lib/local/metric-recorder';
import { createRouteThrottler, readStageThrottling } from '../../../lib/local/route-throttle';
import { createResolver, type CfnTemplate } from '../../../lib/local/template';

describe('stage throttling (token bucket per route key)', () => {
  const throttling = readStageThrottling({
    DefaultRouteSettings: { ThrottlingRateLimit: 1, ThrottlingBurstLimit: 2 },
    RouteSettings: { 'POST /x': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } },
  });

  it('admits a full bucket at once, then the steady rate', () => {
    let now = 0;
    const throttler = createRouteThrottler(throttling, () => now);
    const burst = Array.from({ length: 12 }, () => throttler.admit('POST /x'));
    expect(burst.filter(Boolean)).toHaveLength(10);
    now += 200; // one token at 5 a second
    expect(throttler.admit('POST /x')).toBe(true);
    expect(throttler.admit('POST /x')).toBe(false);
    now += 60_000; // refilled to the burst limit, not beyond
    expect(
      Array.from({ length: 11 }, () => throttler.admit('POST /x')).filter(Boolean),
    ).toHaveLength(10);
  });

  it('gives each route its own bucket; routes without settings take the default', () => {
    const throttler = createRouteThrottler(throttling, () => 0);
    expect(Array.from({ length: 3 }, () => throttler.admit('GET /a')).filter(Boolean)).toHaveLength(
      2,
    );
    expect(throttler.admit('$default')).toBe(true);
    expect(throttler.admit('POST /x')).toBe(true);
    expect(createRouteThrottler(readStageThrottling({})).admit('GET /a')).toBe(true);
  });
});

describe('access log metric filters', () => {
  const template: CfnTemplate = {
    Resources: {
      Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } },
      Logs: { Type: 'AWS::Logs::LogGroup', Properties: {} },
      Stage: {
        Type: 'AWS::ApiGatewayV2::Stage',
        Properties: {
          ApiId: { Ref: 'Api' },
          StageName: '$default',
          AccessLogSettings: {
            DestinationArn: { 'Fn::GetAtt': ['Logs', 'Arn'] },
            Format: '{"routeKey":"$context.routeKey","status":"$context.status"}',
          },
        },
      },
      Throttled: {
        Type: 'AWS::Logs::MetricFilter',
        Properties: {
          LogGroupName: { Ref: 'Logs' },
          FilterPattern: '{ $.status = "429" }',
          MetricTransformations: [
            { MetricNamespace: 'Ns', MetricName: 'ThrottledRequests', MetricValue: '1' },
          ],
        },
      },
    },
  } as unknown as CfnTemplate;

  it('publishes the metric for matching lines only', () => {
    const recorder = createMetricRecorder();
    const log = createAccessLog({
      template,
      resolve: createResolver({ template, stackName: 'T' }),
      apiLogicalId: 'Api',
      recorder,
    });
    log({ routeKey: 'POST /x', status: 429 });
    log({ routeKey: 'POST /x', status: 201 });
    log({ routeKey: 'POST /x', status: 429 });
    expect(recorder.series()).toEqual([
      expect.objectContaining({ namespace: 'Ns', metricName: 'ThrottledRequests', sum: 2 }),
    ]);
  });

  it('reads `$.field = value` terms, and refuses what it cannot emulate', () => {
    expect(parseFilterPattern('{ $.status = "429" && $.a.b != 3 }')).toEqual([
      { path: ['status'], operator: '=', value: '429' },
      { path: ['a', 'b'], operator: '!=', value: 3 },
    ]);
    expect(() => parseFilterPattern('[ip, user]')).toThrow(/Unsupported/);
    expect(() => parseFilterPattern('{ $.latency > 100 }')).toThrow(/Unsupported/);
  });
});
