import { PassThrough } from 'node:stream';
import { createMetricRecorder, emfData } from '../../../lib/local/metric-recorder';
import { tapLines } from '../../../lib/local/output-lines';

/** What Powertools Metrics prints for one single metric with two dimension sets. */
const EMF_LINE = JSON.stringify({
  _aws: {
    Timestamp: 1,
    CloudWatchMetrics: [
      {
        Namespace: 'AdmissionPipeline',
        Dimensions: [['Stage', 'TopUnit'], []],
        Metrics: [{ Name: 'DeadlineBreaches', Unit: 'Count' }],
      },
    ],
  },
  Stage: 'CELL_RESOLUTION',
  TopUnit: 'hn',
  DeadlineBreaches: 1,
});

describe('the local metric recorder', () => {
  it('reads each dimension set of an EMF line as its own series, and ignores other lines', () => {
    expect(emfData(EMF_LINE)).toEqual([
      {
        namespace: 'AdmissionPipeline',
        metricName: 'DeadlineBreaches',
        dimensions: { Stage: 'CELL_RESOLUTION', TopUnit: 'hn' },
        value: 1,
      },
      { namespace: 'AdmissionPipeline', metricName: 'DeadlineBreaches', dimensions: {}, value: 1 },
    ]);
    expect(emfData('{"level":"INFO","message":"Transition applied"}')).toEqual([]);
    expect(emfData('{"_aws": not json')).toEqual([]);
  });

  it('aggregates per series, whoever published it', () => {
    const recorder = createMetricRecorder();
    recorder.recordLogLine('WatchDeadline', EMF_LINE);
    recorder.recordLogLine('WatchDeadline', EMF_LINE);
    recorder.recordLogLine('Other', 'plain text');
    const orgWide = recorder.series().find((s) => Object.keys(s.dimensions).length === 0);
    expect(orgWide).toMatchObject({ samples: 2, sum: 2, publishers: ['WatchDeadline'] });
    expect(recorder.series()).toHaveLength(2);
  });

  it('counts the bytes each log group ingests, as CloudWatch Logs bills them', () => {
    const recorder = createMetricRecorder();
    recorder.recordLogLine('WatchDeadline', 'plain text');
    recorder.recordLogLine('WatchDeadline', EMF_LINE);
    recorder.recordLogEvent('ApiAccessLogs', 'Hà Nội');
    expect(recorder.logBytes()).toEqual({
      WatchDeadline: 10 + 26 + Buffer.byteLength(EMF_LINE) + 26,
      ApiAccessLogs: Buffer.byteLength('Hà Nội') + 26,
    });
    expect(Buffer.byteLength('Hà Nội')).toBeGreaterThan('Hà Nội'.length);
  });

  it('taps complete lines of a stream and passes every byte on', async () => {
    const from = new PassThrough();
    const to = new PassThrough();
    const lines: string[] = [];
    let passed = '';
    to.on('data', (chunk: Buffer) => (passed += chunk.toString()));
    tapLines(from, to, (line) => lines.push(line));
    from.write('one\ntw');
    from.write('o\nthree');
    from.end();
    await new Promise((resolve) => from.on('end', resolve));
    expect(lines).toEqual(['one', 'two', 'three']);
    expect(passed).toBe('one\ntwo\nthree');
  });
});
