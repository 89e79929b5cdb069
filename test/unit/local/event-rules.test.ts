import {
  createEventBus,
  type EventRule,
  executionStatusChangeEvent,
  matchesPattern,
} from '../../../lib/local/event-rules';
import { type DescribeExecutionOutput } from '../../../lib/local/step-functions';

const machine = 'arn:aws:states:us-east-1:000000000000:stateMachine:Stack-admission';
const stopped: DescribeExecutionOutput = {
  executionArn: `${machine.replace(':stateMachine:', ':execution:')}:c1-g1`,
  stateMachineArn: machine,
  name: 'c1-g1',
  status: 'ABORTED',
  startDate: new Date('2026-01-01T00:00:00Z'),
  stopDate: new Date('2026-01-01T00:05:00Z'),
  input: '{"candidateId":"c1"}',
  inputDetails: { included: true },
  error: 'Operator.Stop',
  cause: 'test',
  redriveCount: 0,
  redriveStatus: 'NOT_REDRIVABLE',
};
const event = executionStatusChangeEvent(stopped, {
  region: 'us-east-1',
  accountId: '000000000000',
  now: Date.parse('2026-01-01T00:05:00.123Z'),
});
const pattern = {
  source: ['aws.states'],
  'detail-type': ['Step Functions Execution Status Change'],
  detail: { status: ['FAILED', 'TIMED_OUT', 'ABORTED'], stateMachineArn: [machine] },
};

describe("Step Functions' status-change event, locally", () => {
  it('has the shape Step Functions sends: the execution, its dates in ms, its input as JSON text', () => {
    expect(event).toMatchObject({
      version: '0',
      source: 'aws.states',
      'detail-type': 'Step Functions Execution Status Change',
      time: '2026-01-01T00:05:00Z',
      resources: [stopped.executionArn],
      detail: {
        executionArn: stopped.executionArn,
        stateMachineArn: machine,
        name: 'c1-g1',
        status: 'ABORTED',
        startDate: Date.parse('2026-01-01T00:00:00Z'),
        stopDate: Date.parse('2026-01-01T00:05:00Z'),
        input: '{"candidateId":"c1"}',
        inputDetails: { included: true },
        output: null,
        outputDetails: null,
        error: 'Operator.Stop',
      },
    });
  });

  it('matches a rule as EventBridge does', () => {
    expect(matchesPattern(pattern, event)).toBe(true);
    const succeeded = { ...event, detail: { ...event.detail, status: 'SUCCEEDED' } };
    expect(matchesPattern(pattern, succeeded)).toBe(false);
    const otherMachine = { ...event, detail: { ...event.detail, stateMachineArn: `${machine}x` } };
    expect(matchesPattern(pattern, otherMachine)).toBe(false);
    expect(matchesPattern({ detail: { error: [{ exists: false }] } }, event)).toBe(false);
    expect(matchesPattern({ detail: { name: [{ prefix: 'c1-' }] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { error: [{ 'anything-but': 'Superseded' }] } }, event)).toBe(
      true,
    );
    expect(() => matchesPattern({ detail: { name: [{ suffix: 'g1' }] } }, event)).toThrow(
      'not supported',
    );
  });

  it('delivers to the matching rules only, retries a failing target, and drops a refused one', async () => {
    const rule = (logicalId: string, p: Record<string, unknown>): EventRule => ({
      logicalId,
      ruleArn: `arn:aws:events:us-east-1:000000000000:rule/${logicalId}`,
      pattern: p,
      targets: [{ id: 'T', arn: `fn-${logicalId}`, maximumRetryAttempts: 2 }],
    });
    const calls: string[] = [];
    const dropped: string[] = [];
    let failures = 1;
    const bus = createEventBus({
      rules: [
        rule('Repair', pattern),
        rule('Other', { source: ['aws.ec2'] }),
        rule('Refused', pattern),
      ],
      invoke: async (r, arn) => {
        calls.push(arn);
        if (r.logicalId === 'Refused') {
          throw Object.assign(new Error('denied'), { name: 'AccessDeniedException' });
        }
        if (failures-- > 0) throw new Error('function error');
      },
      log: (line) => dropped.push(line),
      retryDelayMs: 1,
    });
    bus.put(event);
    await bus.whenDelivered();
    expect(calls.sort()).toEqual(['fn-Refused', 'fn-Repair', 'fn-Repair']);
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toContain('Refused');
  });
});
