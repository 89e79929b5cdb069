import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AdmissionStack } from '../../lib/admission-stack';
import { API_ACCESS_NAMESPACE } from '../../lib/api';
import {
  ACCOUNT_BURST_LIMIT,
  ACCOUNT_RATE_LIMIT,
  DEFAULT_ROUTE_THROTTLE,
  routeThrottles,
} from '../../lib/api-throttling';
import {
  capacityModel,
  NATIONAL_CAPACITY_MODEL,
  peakActiveOfficers,
} from '../../lib/capacity-model';
import { synthesizeTemplate } from './synthesize';

/** Per-route throttling derived from the capacity model, and the alarm that watches it. */
const { template } = synthesizeTemplate();
const stage = () => Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0];

describe('HTTP API throttling from the capacity model', () => {
  it('gives every route of the API its own limits, and $default the stage default', () => {
    const routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route'))
      .map((route) => route.Properties.RouteKey as string)
      .filter((key) => key !== '$default');
    const settings = stage().Properties.RouteSettings as Record<string, Record<string, number>>;
    expect(Object.keys(settings).sort()).toEqual([...routeKeys].sort());
    const expected = routeThrottles(NATIONAL_CAPACITY_MODEL);
    for (const key of routeKeys) {
      expect(settings[key]).toEqual({
        ThrottlingRateLimit: expected[key].rateLimit,
        ThrottlingBurstLimit: expected[key].burstLimit,
      });
      expect(settings[key].ThrottlingBurstLimit).toBeGreaterThanOrEqual(
        settings[key].ThrottlingRateLimit,
      );
    }
    expect(stage().Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: DEFAULT_ROUTE_THROTTLE.rateLimit,
      ThrottlingBurstLimit: DEFAULT_ROUTE_THROTTLE.burstLimit,
    });
  });

  it('waits for every route (API Gateway refuses settings for a route key it does not know)', () => {
    const routeIds = Object.keys(template.findResources('AWS::ApiGatewayV2::Route'));
    expect(stage().DependsOn).toEqual(expect.arrayContaining(routeIds));
  });

  it('sizes the busiest routes from peak officers, and stays under the account quota', () => {
    const limits = routeThrottles(NATIONAL_CAPACITY_MODEL);
    // 60,000 officers, 20% at work in the peak hour, 20 task-list reads an hour each, headroom 4.
    expect(peakActiveOfficers(NATIONAL_CAPACITY_MODEL)).toBe(12_000);
    expect(limits['GET /tasks']).toEqual({ rateLimit: 267, burstLimit: 534 });
    const sum = (key: 'rateLimit' | 'burstLimit') =>
      Object.values(limits).reduce((total, limit) => total + limit[key], 0);
    expect(sum('rateLimit')).toBeLessThan(ACCOUNT_RATE_LIMIT);
    expect(sum('burstLimit')).toBeLessThan(ACCOUNT_BURST_LIMIT);
  });

  it('follows the capacityModel context value (a deployment for another size)', () => {
    const app = new App({
      context: { 'aws:cdk:bundling-stacks': [], capacityModel: { officers: 120_000 } },
    });
    const doubled = Template.fromStack(new AdmissionStack(app, 'Doubled'));
    const settings = Object.values(doubled.findResources('AWS::ApiGatewayV2::Stage'))[0].Properties
      .RouteSettings as Record<string, Record<string, number>>;
    expect(settings['GET /tasks'].ThrottlingRateLimit).toBe(534);
    expect(() => capacityModel({ officers: -1 })).toThrow(/officers must be a positive number/);
  });

  it('counts 429s from the access log and alarms on the ops topic', () => {
    const [filterId] = Object.keys(
      template.findResources('AWS::Logs::MetricFilter', {
        Properties: { FilterPattern: '{ $.status = "429" }' },
      }),
    );
    const filter = template.findResources('AWS::Logs::MetricFilter')[filterId];
    const stageLogGroup = stage().Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    expect(filter.Properties.LogGroupName).toEqual({ Ref: stageLogGroup });
    expect(filter.Properties.MetricTransformations).toEqual([
      { MetricNamespace: API_ACCESS_NAMESPACE, MetricName: 'ThrottledRequests', MetricValue: '1' },
    ]);
    // The access log writes the status the filter reads, as a string.
    expect(stage().Properties.AccessLogSettings.Format).toContain('"status":"$context.status"');
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: API_ACCESS_NAMESPACE,
      MetricName: 'ThrottledRequests',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 20,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^ObservabilityOpsTopic') }],
    });
  });
});
