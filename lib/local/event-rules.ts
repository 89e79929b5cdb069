/**
 * The local default event bus, for the events AWS services put on it (Step Functions' execution
 * status changes): the template's rules with an `EventPattern` are matched as EventBridge matches
 * them, and each matching rule's Lambda targets are invoked asynchronously with the event, through
 * the function's resource policy (`AWS::Lambda::Permission`, checked by the caller's `invoke`).
 * Delivery is best effort, as in AWS: a target that fails is retried a few times, then dropped
 * (logged).
 */
import { randomUUID } from 'node:crypto';
import type { DescribeExecutionOutput } from './step-functions';
import { listResources, type CfnTemplate, type Resolve } from './template';

export interface EventRule {
  logicalId: string;
  ruleArn: string;
  pattern: Record<string, unknown>;
  targets: { id: string; arn: string; input?: unknown; maximumRetryAttempts: number }[];
}

/** An event as EventBridge delivers it to a target. */
export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

export function readEventRules(template: CfnTemplate, resolve: Resolve): EventRule[] {
  const rules: EventRule[] = [];
  for (const { logicalId, resource } of listResources(template, 'AWS::Events::Rule')) {
    const properties = resolve(resource.Properties ?? {}) as {
      EventPattern?: Record<string, unknown> | string;
      State?: string;
      EventBusName?: string;
      Targets?: {
        Id: string;
        Arn: string;
        Input?: string;
        RetryPolicy?: { MaximumRetryAttempts?: number };
      }[];
    };
    if (!properties.EventPattern || properties.State === 'DISABLED') continue;
    if (properties.EventBusName && properties.EventBusName !== 'default') continue;
    rules.push({
      logicalId,
      ruleArn: String(resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] })),
      pattern:
        typeof properties.EventPattern === 'string'
          ? JSON.parse(properties.EventPattern)
          : properties.EventPattern,
      targets: (properties.Targets ?? []).map((target) => ({
        id: target.Id,
        arn: target.Arn,
        ...(target.Input === undefined ? {} : { input: JSON.parse(target.Input) }),
        // EventBridge's default is 185 attempts over 24 hours; locally a few are enough.
        maximumRetryAttempts: Math.min(target.RetryPolicy?.MaximumRetryAttempts ?? 3, 3),
      })),
    });
  }
  return rules;
}

/**
 * EventBridge pattern matching: every field of the pattern must match; an array lists the values
 * one of which must equal the event's (or one of the event's, when it is an array); an object
 * descends into the event's object. Content filters: `prefix`, `anything-but` and `exists`.
 */
export function matchesPattern(pattern: Record<string, unknown>, event: unknown): boolean {
  return Object.entries(pattern).every(([field, expected]) => {
    const actual = (event as Record<string, unknown> | undefined)?.[field];
    if (Array.isArray(expected)) return matchesValues(expected, actual);
    if (expected && typeof expected === 'object') {
      return matchesPattern(expected as Record<string, unknown>, actual);
    }
    throw new Error(`Event pattern field ${field} must be an array or an object`);
  });
}

function matchesValues(expected: unknown[], actual: unknown): boolean {
  const values = Array.isArray(actual) ? actual : [actual];
  return expected.some((filter) => {
    if (filter && typeof filter === 'object') return matchesFilter(filter, actual, values);
    return actual !== undefined && values.some((value) => value === filter);
  });
}

function matchesFilter(filter: object, actual: unknown, values: unknown[]): boolean {
  const [[operator, operand]] = Object.entries(filter);
  switch (operator) {
    case 'exists':
      return (actual !== undefined) === operand;
    case 'prefix':
      return values.some((v) => typeof v === 'string' && v.startsWith(String(operand)));
    case 'anything-but': {
      if (actual === undefined) return false;
      const excluded = Array.isArray(operand) ? operand : [operand];
      return values.every((v) => !excluded.includes(v));
    }
    default:
      throw new Error(`Event pattern filter ${operator} is not supported locally`);
  }
}

/** The `Step Functions Execution Status Change` event of an execution, as Step Functions sends it. */
export function executionStatusChangeEvent(
  execution: DescribeExecutionOutput,
  where: { region: string; accountId: string; now: number },
): BusEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Step Functions Execution Status Change',
    source: 'aws.states',
    account: where.accountId,
    time: new Date(where.now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: where.region,
    resources: [execution.executionArn],
    detail: {
      executionArn: execution.executionArn,
      stateMachineArn: execution.stateMachineArn,
      name: execution.name,
      status: execution.status,
      startDate: execution.startDate.getTime(),
      stopDate: execution.stopDate?.getTime() ?? null,
      input: execution.input,
      output: execution.output ?? null,
      inputDetails: execution.inputDetails,
      outputDetails: execution.outputDetails ?? null,
      error: execution.error ?? null,
      cause: execution.cause ?? null,
      redriveCount: execution.redriveCount,
      redriveStatus: execution.redriveStatus,
    },
  };
}

export interface EventBus {
  /** Delivers the event to every matching rule's targets, asynchronously. */
  put(event: BusEvent): void;
  /** Resolves when every delivery started so far has ended (tests, shutdown). */
  whenDelivered(): Promise<void>;
}

export function createEventBus(options: {
  rules: EventRule[];
  /** Invokes a Lambda target for a rule; throws AccessDenied when the permission refuses. */
  invoke: (rule: EventRule, targetArn: string, event: unknown) => Promise<unknown>;
  log?: (line: string) => void;
  retryDelayMs?: number;
}): EventBus {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const pending = new Set<Promise<void>>();
  const deliver = async (
    rule: EventRule,
    target: EventRule['targets'][number],
    event: BusEvent,
  ) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await options.invoke(rule, target.arn, target.input ?? event);
        return;
      } catch (error) {
        const err = error as Error;
        if (err.name === 'AccessDeniedException' || attempt >= target.maximumRetryAttempts) {
          log(
            `[events] ${rule.logicalId} → ${target.arn} dropped ${event.id}: ${err.name}: ${err.message}`,
          );
          return;
        }
        await new Promise((done) =>
          setTimeout(done, (options.retryDelayMs ?? 1000) * (attempt + 1)),
        );
      }
    }
  };
  return {
    put(event) {
      for (const rule of options.rules) {
        if (!matchesPattern(rule.pattern, event)) continue;
        for (const target of rule.targets) {
          const delivery = deliver(rule, target, event);
          pending.add(delivery);
          void delivery.finally(() => pending.delete(delivery));
        }
      }
    },
    async whenDelivered() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
