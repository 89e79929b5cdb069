import { ParseError } from '@aws-lambda-powertools/parser';
import type { Context } from 'aws-lambda';
import type * as z from 'zod';
import { parsedHandler } from '../../../functions/observability/lambda-handler';
import { customWidgetEvent, scheduledEvent } from '../../../functions/ops/inputs';
import {
  applyRequest,
  endProbationRequest,
  parkRequest,
  watchRequest,
} from '../../../functions/workflow/inputs';
import { definitionOf, synthesizeTemplate } from '../../infra/synthesize';

const context = {
  functionName: 'ParkAtStage',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:ParkAtStage',
  memoryLimitInMB: '512',
  functionVersion: '$LATEST',
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

const park = {
  candidateId: 'c-1',
  stage: 'NOMINATED',
  taskToken: 'token',
  executionArn: 'arn:aws:states:us-east-1:111111111111:execution:Admission:c-1-g1',
  executionName: 'c-1-g1',
};

/** What Lambda does: hands the handler whatever event it was given. */
const invoke = (handler: unknown, event: unknown) =>
  (handler as (event: unknown, context: Context) => Promise<unknown>)(event, context);

describe('parsedHandler', () => {
  it('hands the handler the parsed event', async () => {
    const seen: unknown[] = [];
    const handler = parsedHandler(parkRequest, async (event) => {
      seen.push(event);
      return event.stage;
    });
    await expect(invoke(handler, { ...park, extra: 'dropped' })).resolves.toBe('NOMINATED');
    expect(seen).toEqual([park]);
  });

  it('refuses malformed input with a ParseError naming the field; the handler never runs', async () => {
    const run = jest.fn(async () => 'ran');
    const handler = parsedHandler(parkRequest, run);
    const failure: unknown = await invoke(handler, {
      ...park,
      stage: 'NO_SUCH_STAGE',
      taskToken: 7,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ParseError);
    expect((failure as Error).name).toBe('ParseError');
    expect((failure as Error).message).toMatch(
      /^Malformed input refused: stage: .+; taskToken: .+/,
    );
    expect(run).not.toHaveBeenCalled();
  });
});

describe('Step Functions task payloads', () => {
  it.each([
    ['apply', applyRequest, { candidateId: 'c-1', submissionId: '' }, 'submissionId'],
    ['apply', applyRequest, { stage: 'NOMINATED', submissionId: 's-1' }, 'candidateId'],
    ['park', parkRequest, { ...park, executionArn: 'c-1-g1' }, 'executionArn'],
    ['park', parkRequest, { ...park, taskToken: undefined }, 'taskToken'],
    [
      'watch',
      watchRequest,
      { candidateId: 'c-1', stage: 'NOMINATED', executionName: 'e', executionStartedAt: 'soon' },
      'executionStartedAt',
    ],
    [
      'end probation',
      endProbationRequest,
      { candidateId: 'c-1', executionName: 'x'.repeat(81) },
      'executionName',
    ],
    ['end probation', endProbationRequest, 'c-1', ''],
  ] as const)('%s refuses a malformed payload (case %#)', (_name, schema, payload, field) => {
    const result = (schema as z.ZodType).safeParse(payload);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
  });

  it('accepts what the state machines send (a withdrawal has no stage)', () => {
    expect(applyRequest.parse({ candidateId: 'c-1', submissionId: 's-1' })).toEqual({
      candidateId: 'c-1',
      submissionId: 's-1',
    });
    expect(
      watchRequest.parse({
        candidateId: 'c-1',
        stage: 'NOMINATED',
        executionName: 'c-1-g1',
        executionStartedAt: '2026-03-01T08:00:00.123Z',
      }).stage,
    ).toBe('NOMINATED');
  });

  // Each task's Payload in the synthesized definition names exactly its schema's fields.
  it.each([
    ['Admission', 'Await_NOMINATED', parkRequest],
    ['Admission', 'Check_NOMINATED', watchRequest],
    ['Admission', 'Apply_NOMINATED', applyRequest],
  ] as const)('%s %s sends the fields its handler parses', (machine, state, schema) => {
    const { template } = synthesizeTemplate();
    const definition = definitionOf(template, machine);
    const payload = (definition.States[state] as { Parameters?: { Payload?: object } }).Parameters
      ?.Payload;
    expect(payload).toBeDefined();
    const sent = Object.keys(payload ?? {}).map((key) => key.replace(/\.\$$/, ''));
    expect(sent.sort()).toEqual(Object.keys(schema.shape).sort());
    // A refused payload would be refused again: no retry.
    const retry = (
      definition.States[state] as { Retry: { ErrorEquals: string[]; MaxAttempts: number }[] }
    ).Retry;
    expect(retry.find((r) => r.ErrorEquals.includes('ParseError'))?.MaxAttempts).toBe(0);
  });
});

describe('schedule and widget events', () => {
  it('accepts an EventBridge scheduled event and refuses anything else', () => {
    const event = {
      version: '0',
      id: 'e-1',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '111111111111',
      time: '2026-03-01T08:00:00Z',
      region: 'us-east-1',
      resources: [],
      detail: {},
    };
    expect(scheduledEvent.safeParse(event).success).toBe(true);
    expect(scheduledEvent.safeParse({}).success).toBe(false);
    expect(scheduledEvent.safeParse({ ...event, source: 'aws.s3' }).success).toBe(false);
  });

  it('reads a custom widget event, refusing a non-string unit', () => {
    expect(
      customWidgetEvent.parse({ widgetContext: { params: { unit: 'hn' } }, describe: false }),
    ).toEqual({ widgetContext: { params: { unit: 'hn' } }, describe: false });
    expect(customWidgetEvent.safeParse({ unit: 7 }).success).toBe(false);
  });
});
