import * as path from 'node:path';
import {
  createResolver,
  listResources,
  loadStackTemplate,
  type Resolve,
} from '../../../lib/local/template';

/** One metric an alarm of the synthesized template watches, its dimensions resolved locally. */
export interface WatchedMetric {
  alarm: string;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
}

interface CfnMetric {
  Namespace: string;
  MetricName: string;
  Dimensions?: { Name: string; Value: unknown }[];
}

const CDK_OUT = path.join(__dirname, '..', '..', '..', 'cdk.out');

/** The stack `cdk synth` wrote (what the runtime runs), and a resolver of its intrinsics. */
export function synthesizedStack(): {
  template: ReturnType<typeof loadStackTemplate>['template'];
  resolve: Resolve;
} {
  const { template, stackName } = loadStackTemplate(CDK_OUT);
  return { template, resolve: createResolver({ template, stackName }) };
}

/**
 * Every metric every AWS::CloudWatch::Alarm of the template watches: the alarm's own metric, or
 * each MetricStat of its math expression. Read from the template, so a new alarm is checked
 * without anyone listing it.
 */
export function watchedMetrics(): WatchedMetric[] {
  const { template, resolve } = synthesizedStack();
  return listResources(template, 'AWS::CloudWatch::Alarm').flatMap(({ logicalId, resource }) => {
    const properties = resource.Properties as {
      Namespace?: string;
      MetricName?: string;
      Dimensions?: CfnMetric['Dimensions'];
      Metrics?: { MetricStat?: { Metric: CfnMetric } }[];
    };
    const metrics: CfnMetric[] = properties.MetricName
      ? [properties as CfnMetric]
      : (properties.Metrics ?? []).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : []));
    return metrics.map((metric) => ({
      alarm: logicalId,
      namespace: metric.Namespace,
      metricName: metric.MetricName,
      dimensions: Object.fromEntries(
        (metric.Dimensions ?? []).map((d) => [d.Name, String(resolve(d.Value))]),
      ),
    }));
  });
}
