import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { MetricSeries } from '../../lib/local/metric-recorder';
import { listResources } from '../../lib/local/template';
import { API_ACCESS_NAMESPACE } from '../../lib/api';
import { nationalIdFor } from './support/api-client';
import { awsClients } from './support/aws-clients';
import { DEMO_NOMINATION } from './support/happy-path';
import { officerClient, tokenFor } from './support/officers';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';
import { synthesizedStack } from './support/template-alarms';

/**
 * The stage's per-route throttling, as synthesized from the capacity model, enforced by the local
 * HTTP API as API Gateway does: a burst past a route's bucket is answered 429 with API Gateway's
 * own body before any function runs, so nothing is written; the throttles reach the access-log
 * metric the alarm watches; the typed client resends until the bucket refills.
 */
let runtime: RuntimeProcess;
let token: string;

const { template } = synthesizedStack();
const stage = listResources(template, 'AWS::ApiGatewayV2::Stage')[0].resource.Properties as {
  RouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
};
const limit = stage.RouteSettings['POST /candidates'];
const PREFIX = 'Người Thử';
const letters = (i: number) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26));

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  token = await tokenFor(runtime, { roles: ['cell-officer'], unitId: 'dd-kdn' });
});
afterAll(() => runtime?.stop());

async function storedNames(prefix: string): Promise<string[]> {
  const { documents } = awsClients(runtime);
  const names: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new ScanCommand({
        TableName: runtime.tableName,
        FilterExpression: 'entity = :candidate AND begins_with(fullName, :prefix)',
        ExpressionAttributeValues: { ':candidate': 'CANDIDATE', ':prefix': prefix },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    names.push(...(page.Items ?? []).map((item) => item.fullName as string));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return names.sort();
}

async function throttledSum(): Promise<number> {
  const response = await fetch(`${runtime.url}/local/metrics`);
  const { series } = (await response.json()) as { series: MetricSeries[] };
  return (
    series.find((s) => s.namespace === API_ACCESS_NAMESPACE && s.metricName === 'ThrottledRequests')
      ?.sum ?? 0
  );
}

it('answers a burst past the route limit with 429 before the function runs, and writes nothing for it', async () => {
  expect(limit).toBeDefined();
  const count = limit.ThrottlingBurstLimit * 3;
  const people = Array.from({ length: count }, (_, i) => {
    const person = {
      ...DEMO_NOMINATION,
      unitId: 'dd-xltbd-kythuat',
      fullName: `${PREFIX} ${letters(i)}`,
    };
    return { ...person, nationalId: nationalIdFor(person) };
  });
  const started = performance.now();
  const responses = await Promise.all(
    people.map(async (person) => {
      const response = await fetch(`${runtime.url}/candidates`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify(person),
      });
      return { person, response, text: await response.text() };
    }),
  );
  const elapsedSeconds = (performance.now() - started) / 1000;
  const accepted = responses.filter((r) => r.response.status === 201);
  const throttled = responses.filter((r) => r.response.status === 429);
  const others = responses.filter((r) => ![201, 429].includes(r.response.status));
  expect(others.map((r) => `${r.response.status} ${r.text}`)).toEqual([]);
  // The bucket holds the burst limit and refills at the rate limit while the burst is served.
  expect(accepted.length).toBeGreaterThanOrEqual(limit.ThrottlingBurstLimit);
  expect(accepted.length).toBeLessThanOrEqual(
    limit.ThrottlingBurstLimit + Math.ceil(limit.ThrottlingRateLimit * elapsedSeconds),
  );
  expect(throttled.length).toBeGreaterThan(0);
  for (const { response, text } of throttled) {
    // API Gateway's own answer: HTTP APIs cannot customise it, and it carries no Retry-After.
    expect(JSON.parse(text)).toEqual({ message: 'Too Many Requests' });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('apigw-requestid')).toBeTruthy();
    expect(response.headers.get('retry-after')).toBeNull();
  }
  // Only the accepted nominations exist.
  expect(await storedNames(PREFIX)).toEqual(accepted.map((r) => r.person.fullName).sort());
  // The access log's metric filter counted every 429 (what ApiThrottlesAlarm watches).
  expect(await throttledSum()).toBe(throttled.length);
});

it('the typed client resends a throttled request once the bucket has refilled', async () => {
  const api = await officerClient(runtime, { roles: ['cell-officer'], unitId: 'dd-kdn' });
  const before = await throttledSum();
  const count = limit.ThrottlingBurstLimit * 2;
  const results = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      api.nominate({ ...DEMO_NOMINATION, fullName: `Người Gửi Lại ${letters(i)}` }),
    ),
  );
  expect(results.map((r) => r.status)).toEqual(Array(count).fill(201));
  // Some were throttled on the way, and resent.
  expect(await throttledSum()).toBeGreaterThan(before);
  expect(await storedNames('Người Gửi Lại')).toHaveLength(count);
});
