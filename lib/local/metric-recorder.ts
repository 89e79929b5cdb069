import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The local runtime's CloudWatch: what the functions publish as embedded metric format (EMF)
 * lines on stdout — the way Powertools Metrics publishes in Lambda, where CloudWatch Logs turns
 * each line into metric data — and what the emulated services publish under `AWS/…`. Kept as
 * one aggregate per series (namespace, name, dimensions), so a long-running `npm start` holds
 * as many entries as there are series, which is also what a series costs in CloudWatch.
 * `GET /local/metrics` lists them: an alarm's metric that never shows up here is never
 * published.
 */
export interface MetricSeries {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  /** Data points received. */
  samples: number;
  sum: number;
  /** Who published it: a function's logical id, or the emulated service. */
  publishers: string[];
}

export interface MetricDatum {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  value: number;
}

export interface MetricRecorder {
  /** A line a function printed; recorded when it is an EMF document, ignored otherwise. */
  recordLogLine(publisher: string, line: string): void;
  put(publisher: string, datum: MetricDatum): void;
  series(): MetricSeries[];
  /** A log event written to a log group other than a function's (the API access log). */
  recordLogEvent(logGroup: string, message: string): void;
  /**
   * Bytes ingested per log group (function logical id, or the group `recordLogEvent` named), as
   * CloudWatch Logs bills them: each event's UTF-8 message plus 26 bytes of metadata.
   */
  logBytes(): Record<string, number>;
}

/** CloudWatch Logs counts 26 bytes of metadata per event towards the ingested size. */
const LOG_EVENT_OVERHEAD_BYTES = 26;

interface EmfDirective {
  Namespace?: unknown;
  Dimensions?: unknown;
  Metrics?: unknown;
}

export function createMetricRecorder(): MetricRecorder {
  const all = new Map<string, MetricSeries>();
  const bytes = new Map<string, number>();
  const ingest = (group: string, message: string) =>
    bytes.set(
      group,
      (bytes.get(group) ?? 0) + Buffer.byteLength(message) + LOG_EVENT_OVERHEAD_BYTES,
    );
  const put = (publisher: string, datum: MetricDatum) => {
    const dimensions = Object.fromEntries(
      Object.entries(datum.dimensions).sort(([a], [b]) => a.localeCompare(b)),
    );
    const key = JSON.stringify([datum.namespace, datum.metricName, dimensions]);
    let series = all.get(key);
    if (!series) {
      series = { ...datum, dimensions, samples: 0, sum: 0, publishers: [] };
      delete (series as Partial<MetricDatum>).value;
      all.set(key, series);
    }
    series.samples += 1;
    series.sum += datum.value;
    if (!series.publishers.includes(publisher)) series.publishers.push(publisher);
  };
  return {
    put,
    recordLogLine: (publisher, line) => {
      ingest(publisher, line);
      for (const datum of emfData(line)) put(publisher, datum);
    },
    recordLogEvent: ingest,
    logBytes: () => Object.fromEntries(bytes),
    series: () => structuredClone([...all.values()]),
  };
}

/** The metric data of one EMF line (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html). */
export function emfData(line: string): MetricDatum[] {
  const text = line.trim();
  if (!text.startsWith('{') || !text.includes('"_aws"')) return [];
  let document: Record<string, unknown>;
  try {
    document = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return [];
  }
  const directives = (document._aws as { CloudWatchMetrics?: unknown } | undefined)
    ?.CloudWatchMetrics;
  if (!Array.isArray(directives)) return [];
  const data: MetricDatum[] = [];
  for (const directive of directives as EmfDirective[]) {
    if (typeof directive.Namespace !== 'string' || !Array.isArray(directive.Metrics)) continue;
    const dimensionSets = Array.isArray(directive.Dimensions) ? directive.Dimensions : [[]];
    for (const metric of directive.Metrics as { Name?: unknown }[]) {
      if (typeof metric.Name !== 'string') continue;
      const raw = document[metric.Name];
      const values = (Array.isArray(raw) ? raw : [raw]).filter(
        (v): v is number => typeof v === 'number',
      );
      for (const set of dimensionSets as unknown[]) {
        if (!Array.isArray(set)) continue;
        const dimensions = Object.fromEntries(
          set.map((name) => [String(name), String(document[String(name)])]),
        );
        for (const value of values) {
          data.push({ namespace: directive.Namespace, metricName: metric.Name, dimensions, value });
        }
      }
    }
  }
  return data;
}

/** `GET /local/metrics`: every series seen since the runtime started. */
export function createMetricsHandler(recorder: MetricRecorder) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' || url.pathname.replace(/\/+$/, '') !== '/local/metrics') return false;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ series: recorder.series() }));
    return true;
  };
}
