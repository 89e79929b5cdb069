/**
 * The quota report's cost and latency at two sizes of the register. Counters and gauges are
 * seeded directly (what the transitions would have added for N candidates, spread over the demo
 * cells and the twelve months of 2025), then GET /reports/quotas?unit=hn&period=2025 is timed and
 * its consumed read capacity measured at the fault proxy. The report reads counters per unit,
 * metric and month, never candidates: the ratio should stay near 1.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createAdmissionClient } from '../client/api-client';
import { demoOrganisation } from '../lib/local/demo-organisation';
import { DEFAULT_CDK_OUT, startLocalRuntime } from '../lib/local/runtime';
import { HAPPY_PATH } from '../test/e2e/support/happy-path';

export type ReportScaling =
  | { status: 'skipped' }
  | { status: 'unavailable'; reason: string }
  | {
      status: 'measured';
      route: string;
      sizes: { candidates: number; readUnits: number; medianLatencyMs: number; bytes: number }[];
      readUnitsRatio: number;
      latencyRatio: number;
    };

const PERIOD = '2025';
const ROUTE = `/reports/quotas?unit=hn&period=${PERIOD}`;

function seedItems(candidates: number): Map<string, Record<string, unknown>> {
  const units = demoOrganisation();
  const cells = units.filter((u) => u.level === 'CELL' || u.level === 'GRASSROOTS_CELL');
  const items = new Map<string, Record<string, unknown>>();
  const add = (key: { PK: string; SK: string }, fields: Record<string, unknown>) => {
    const id = `${key.PK}|${key.SK}`;
    const item = items.get(id) ?? { ...key, ...fields, count: 0 };
    item.count = (item.count as number) + 1;
    items.set(id, item);
  };
  for (let i = 0; i < candidates; i++) {
    const cell = cells[i % cells.length];
    const month = `2025-${String((i % 12) + 1).padStart(2, '0')}`;
    const metrics = ['NOMINATED', ...(i % 5 ? ['TRAINED'] : []), ...(i % 3 ? ['ADMITTED'] : [])];
    const stage = i % 3 ? 'ADMITTED' : HAPPY_PATH[i % HAPPY_PATH.length].stage;
    for (const unitId of cell.path) {
      for (const metric of metrics) {
        add({ PK: `CNT#${unitId}#${metric}`, SK: month }, { entity: 'COUNTER', unitId });
      }
      add(
        { PK: `GAUGE#${unitId}`, SK: `${stage}#${month}` },
        {
          entity: 'GAUGE',
          unitId,
          stage,
          month,
        },
      );
    }
  }
  return items;
}

export async function measureReportScaling(options: {
  sizes: number[];
  repeat: number;
  log: (line: string) => void;
}): Promise<ReportScaling> {
  const runtime = await startLocalRuntime({
    cdkOut: DEFAULT_CDK_OUT,
    port: 0,
    faultProxy: true,
    recordConsumedCapacity: true,
  });
  try {
    const documents = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: runtime.dynamoDbEndpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
    const token = runtime.issueToken({
      sub: randomUUID(),
      name: 'Bench committee officer',
      groups: ['committee-officer'],
      unitId: 'hn',
    });
    // Through the typed client generated from the OpenAPI document.
    const api = createAdmissionClient({ baseUrl: runtime.url, token });
    const sizes: {
      candidates: number;
      readUnits: number;
      medianLatencyMs: number;
      bytes: number;
    }[] = [];
    for (const candidates of options.sizes) {
      const items = [...seedItems(candidates).values()];
      for (let i = 0; i < items.length; i += 16) {
        await Promise.all(
          items
            .slice(i, i + 16)
            .map((Item) => documents.send(new PutCommand({ TableName: runtime.tableName, Item }))),
        );
      }
      const latencies: number[] = [];
      const readUnits: number[] = [];
      let bytes = 0;
      for (let i = 0; i < options.repeat; i++) {
        runtime.faultProxy!.resetStats();
        const started = performance.now();
        const { response, data, error } = await api.GET('/reports/quotas', {
          params: { query: { unit: 'hn', period: PERIOD } },
          parseAs: 'text',
        });
        const text = String((response.ok ? data : error) ?? '');
        latencies.push(performance.now() - started);
        if (response.status !== 200) {
          return {
            status: 'unavailable',
            reason: `GET ${ROUTE} → ${response.status} ${text.slice(0, 200)}`,
          };
        }
        bytes = text.length;
        readUnits.push(runtime.faultProxy!.stats().readUnits);
      }
      // The first request is a cold start: it is measured, but the median drops it.
      const sorted = latencies.slice(1).sort((a, b) => a - b);
      sizes.push({
        candidates,
        readUnits: readUnits.sort((a, b) => a - b)[Math.floor(readUnits.length / 2)],
        medianLatencyMs: sorted[Math.floor(sorted.length / 2)],
        bytes,
      });
      options.log(`  ${candidates} candidates: ${JSON.stringify(sizes.at(-1))}`);
    }
    return {
      status: 'measured',
      route: `GET ${ROUTE}`,
      sizes,
      readUnitsRatio: sizes.at(-1)!.readUnits / sizes[0].readUnits,
      latencyRatio: sizes.at(-1)!.medianLatencyMs / sizes[0].medianLatencyMs,
    };
  } catch (error) {
    return { status: 'unavailable', reason: (error as Error).message };
  } finally {
    await runtime.stop();
  }
}
