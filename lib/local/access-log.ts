/**
 * The HTTP API stage's access log, emulated far enough for its metric filters: each request's
 * `$context` values are written into the stage's `AccessLogSettings.Format`, and every
 * `AWS::Logs::MetricFilter` of the destination log group is applied to the line, publishing its
 * metric as CloudWatch Logs would. Only JSON filter patterns made of `$.field = value` terms
 * (joined by `&&`) are understood; any other pattern stops the runtime at start, rather than
 * silently never firing.
 */
import type { MetricRecorder } from './metric-recorder';
import { listResources, type CfnTemplate, type Resolve } from './template';

/** The `$context` variables the local HTTP API knows for a request. */
export type AccessContext = Record<string, string | number | undefined>;

interface MetricFilter {
  terms: { path: string[]; operator: '=' | '!='; value: string | number }[];
  namespace: string;
  metricName: string;
  value: number;
  defaultValue?: number;
}

const TERM = /^\$\.([\w.]+)\s*(=|!=)\s*(?:"([^"]*)"|(-?\d+(?:\.\d+)?))$/;

export function parseFilterPattern(pattern: string): MetricFilter['terms'] {
  const body = /^\{(.*)\}$/s.exec(pattern.trim())?.[1];
  if (body === undefined) throw new Error(`Unsupported metric filter pattern: ${pattern}`);
  return body.split('&&').map((term) => {
    const match = TERM.exec(term.trim());
    if (!match) throw new Error(`Unsupported metric filter term "${term.trim()}" in ${pattern}`);
    const [, path, operator, text, number] = match;
    return {
      path: path.split('.'),
      operator: operator as '=' | '!=',
      value: text ?? Number(number),
    };
  });
}

function matches(filter: MetricFilter, event: unknown): boolean {
  return filter.terms.every(({ path, operator, value }) => {
    let field: unknown = event;
    for (const key of path) field = (field as Record<string, unknown> | undefined)?.[key];
    // A quoted value compares as text, a bare number only with a JSON number.
    const equal = field === value;
    return operator === '=' ? equal : !equal;
  });
}

export function createAccessLog(options: {
  template: CfnTemplate;
  resolve: Resolve;
  apiLogicalId: string;
  recorder: MetricRecorder;
}): (context: AccessContext) => void {
  const { template, resolve, apiLogicalId, recorder } = options;
  const stage = listResources(template, 'AWS::ApiGatewayV2::Stage').find(
    ({ resource }) =>
      (resource.Properties?.ApiId as { Ref?: string } | undefined)?.Ref === apiLogicalId,
  );
  const settings = stage?.resource.Properties?.AccessLogSettings as
    { Format?: string; DestinationArn?: { 'Fn::GetAtt'?: [string, string] } } | undefined;
  const logGroup = settings?.DestinationArn?.['Fn::GetAtt']?.[0];
  if (!settings?.Format || !logGroup) return () => undefined;
  const format = String(resolve(settings.Format));

  const filters: MetricFilter[] = listResources(template, 'AWS::Logs::MetricFilter')
    .filter(
      ({ resource }) => (resource.Properties?.LogGroupName as { Ref?: string })?.Ref === logGroup,
    )
    .flatMap(({ resource }) => {
      const properties = resource.Properties as {
        FilterPattern: string;
        MetricTransformations: {
          MetricNamespace: string;
          MetricName: string;
          MetricValue: string;
          DefaultValue?: number;
          Dimensions?: unknown[];
        }[];
      };
      const terms = parseFilterPattern(properties.FilterPattern);
      return properties.MetricTransformations.map((transformation) => {
        if (
          transformation.Dimensions?.length ||
          !/^\d+(\.\d+)?$/.test(transformation.MetricValue)
        ) {
          throw new Error('Only constant metric values without dimensions are emulated.');
        }
        return {
          terms,
          namespace: transformation.MetricNamespace,
          metricName: transformation.MetricName,
          value: Number(transformation.MetricValue),
          defaultValue: transformation.DefaultValue,
        };
      });
    });

  return (context) => {
    // API Gateway writes `-` for a variable without a value.
    const line = format.replace(/\$context\.([\w.]+)/g, (_, name: string) =>
      String(context[name] ?? '-'),
    );
    recorder.recordLogEvent(logGroup, line);
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      return; // filters with a JSON pattern only match JSON lines
    }
    for (const filter of filters) {
      const value = matches(filter, event) ? filter.value : filter.defaultValue;
      if (value === undefined) continue;
      recorder.put('logs', {
        namespace: filter.namespace,
        metricName: filter.metricName,
        dimensions: {},
        value,
      });
    }
  };
}
