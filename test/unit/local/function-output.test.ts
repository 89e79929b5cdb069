import * as path from 'node:path';
import { createFunctionHost } from '../../../lib/local/function-host';
import { createMetricRecorder } from '../../../lib/local/metric-recorder';
import { createResolver, loadStackTemplate } from '../../../lib/local/template';

const cdkOut = path.join(__dirname, '../../fixtures/local-cdk-out');
const { template, stackName } = loadStackTemplate(cdkOut);
const resolve = createResolver({ template, stackName, region: 'eu-west-1' });

/** What a function prints reaches the metric recorder line by line, as Lambda's log stream does. */
it('hands each line a worker prints to onOutputLine, tagged with the function, EMF recorded', async () => {
  const lines: [string, string][] = [];
  const recorder = createMetricRecorder();
  const host = createFunctionHost({
    cdkOut,
    template,
    resolve,
    onOutputLine: (logicalId, line) => {
      lines.push([logicalId, line]);
      recorder.recordLogLine(logicalId, line);
    },
  });
  const emf = JSON.stringify({
    _aws: {
      Timestamp: 0,
      CloudWatchMetrics: [{ Namespace: 'Test', Dimensions: [[]], Metrics: [{ Name: 'Hits' }] }],
    },
    Hits: 2,
  });
  const written = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await host.invoke('EchoFunction1A2B3C4D', { print: `plain text\n${emf}\n` });
    await host.invoke('OtherEchoFunction', { print: 'from the other one\n' });
    for (let i = 0; i < 100 && lines.length < 3; i++) await new Promise((r) => setTimeout(r, 10));
  } finally {
    written.mockRestore();
    await host.close();
  }
  // In order within one function; two workers' streams are not ordered with each other.
  const of = (id: string) => lines.filter(([fn]) => fn === id).map(([, line]) => line);
  expect(of('EchoFunction1A2B3C4D')).toEqual(['plain text', emf]);
  expect(of('OtherEchoFunction')).toEqual(['from the other one']);
  expect(recorder.series()).toEqual([
    {
      namespace: 'Test',
      metricName: 'Hits',
      dimensions: {},
      samples: 1,
      sum: 2,
      publishers: ['EchoFunction1A2B3C4D'],
    },
  ]);
});
