import { createMetricRecorder } from '../../../lib/local/metric-recorder';
import { stepFunctionsMetrics } from '../../../lib/local/service-metrics';
import { createLocalStepFunctions } from '../../../lib/local/step-functions';
import { smArn } from './sfn-fixtures';

/** The local Step Functions publishes AWS/States execution counts per StateMachineArn. */
it('counts started, succeeded, failed and aborted executions per state machine', async () => {
  const recorder = createMetricRecorder();
  const service = createLocalStepFunctions({
    definitions: [
      {
        arn: smArn('Ends'),
        name: 'Ends',
        definition: {
          StartAt: 'Which',
          States: {
            Which: {
              Type: 'Choice',
              Choices: [{ Variable: '$.fail', BooleanEquals: true, Next: 'Broken' }],
              Default: 'Wait',
            },
            Wait: { Type: 'Wait', Seconds: 3600, Next: 'Done' },
            Done: { Type: 'Succeed' },
            Broken: { Type: 'Fail', Error: 'UnknownStage' },
          },
        },
      },
    ],
    invoke: async () => ({}),
    timers: false,
    onExecutionStatus: stepFunctionsMetrics(recorder),
  });
  try {
    const failed = service.startExecution({
      stateMachineArn: smArn('Ends'),
      input: '{"fail":true}',
    });
    await service.whenExecutionDone(failed.executionArn);
    const waiting = service.startExecution({ stateMachineArn: smArn('Ends'), input: '{}' });
    service.stopExecution({ executionArn: waiting.executionArn, error: 'Superseded' });
    await service.whenExecutionDone(waiting.executionArn);
  } finally {
    await service.close();
  }
  const count = (name: string) =>
    recorder
      .series()
      .find((s) => s.metricName === name && s.dimensions.StateMachineArn === smArn('Ends'))?.sum;
  expect(count('ExecutionsStarted')).toBe(2);
  expect(count('ExecutionsFailed')).toBe(1);
  expect(count('ExecutionsAborted')).toBe(1);
  expect(count('ExecutionsSucceeded')).toBeUndefined();
  expect(recorder.series().every((s) => s.namespace === 'AWS/States')).toBe(true);
});
