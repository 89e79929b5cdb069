/**
 * The quota report's cost and latency at two sizes of the register. Counters and gauges are
 * seeded directly (what the transitions would have added for N candidates, spread over the demo
 * cells and the twelve months of 2025, through the candidate store's ledger updates), then GET /reports/quotas?unit=hn&period=2025 is timed and
 * its consumed read capacity measured at the fault proxy. The report reads counters per unit,
 * metric and month, never candidates: the ratio should stay near 1.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createAdmissionClient } from '../client/api-client';
import { ledgerTransactUpdates } from '../functions/adapters/quota-ledger-items';
import type { QuotaMetric } from '../functions/domain/quota/metric';
import { isHumanStage } from '../functions/domain/pipeline';
import { applyUpdate } from './national/batch-writes';
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

/** The ledger items N candidates' transitions would have left, through the store's own updates. */
function seedItems(candidates: number): Map<string, Record<string, unknown>> {
  const units = demoOrganisation();
  const cells = units.filter((u) => u.level === 'CELL' || u.level === 'GRASSROOTS_CELL');
  const items = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < candidates; i++) {
    const cell = cells[i % cells.length];
    const month = `2025-${String((i % 12) + 1).padStart(2, '0')}`;
    const metrics: QuotaMetric[] = [
      'NOMINATED',
      ...(i % 5 ? (['TRAINED'] as const) : []),
      ...(i % 3 ? (['ADMITTED'] as const) : []),
    ];
    // Admitted candidates have left the human stages; the others sit at one of them.
    const stage = i % 3 ? undefined : HAPPY_PATH[i % HAPPY_PATH.length].stage;
    const updates = ledgerTransactUpdates('', `r${i}`, cell.path, {
      counters: cell.path.flatMap((unitId) =>
        metrics.map((metric) => ({ unitId, metric, month, delta: 1 })),
      ),
      gauges:
        stage && isHumanStage(stage)
          ? cell.path.map((unitId) => ({ unitId, stage, month, delta: 1 }))
          : [],
    });
    for (const { Update } of updates) {
      const id = `${Update.Key.PK}|${Update.Key.SK}`;
      items.set(id, applyUpdate(items.get(id), Update));
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
