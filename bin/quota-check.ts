import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbQuotaStore } from '../functions/adapters/dynamodb-quota-store';
import { formatDifferences } from '../functions/domain/quota/recount';
import { checkQuotaLedger } from '../functions/services/check-quota-ledger';

/**
 * npm run quota:check — recounts every quota counter and stage gauge from history and compares
 * them with the stored ones; prints the differences and exits 1 on any mismatch (2 on an error).
 *
 *   npm run quota:check                         the local runtime (`npm start`, .local-data)
 *   npm run quota:check -- --data-dir DIR       a local runtime started with --data-dir DIR
 *   npm run quota:check -- --endpoint URL --table NAME
 *   TABLE_NAME=… AWS_REGION=… npm run quota:check   a deployed table (the usual AWS credentials)
 */
const ROOT = path.join(__dirname, '..');

const { values: args } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    endpoint: { type: 'string' },
    table: { type: 'string' },
  },
});

function target(): { endpoint?: string; table: string; local: boolean } {
  if (args.endpoint || args.table || (process.env.TABLE_NAME && !args['data-dir'])) {
    const table = args.table ?? process.env.TABLE_NAME;
    if (!table) throw new Error('--table (or TABLE_NAME) is required with --endpoint');
    return { endpoint: args.endpoint, table, local: Boolean(args.endpoint) };
  }
  const dataDir = path.resolve(args['data-dir'] ?? path.join(ROOT, '.local-data'));
  const file = path.join(dataDir, 'runtime.json');
  if (!fs.existsSync(file)) {
    throw new Error(`No running local runtime found (${file}); start it with npm start`);
  }
  const runtime = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    dynamoDbEndpoint: string;
    tableName: string;
  };
  return { endpoint: runtime.dynamoDbEndpoint, table: runtime.tableName, local: true };
}

async function main(): Promise<number> {
  const { endpoint, table, local } = target();
  const client = new DynamoDBClient({
    ...(endpoint ? { endpoint } : {}),
    ...(local
      ? {
          region: process.env.AWS_REGION ?? 'us-east-1',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  const store = new DynamoDbQuotaStore(DynamoDBDocumentClient.from(client), table);
  const result = await checkQuotaLedger(store);
  client.destroy();
  console.log(
    `Đếm lại ${result.events} sự kiện, ${result.candidates} hồ sơ; so ${result.compared.counters} bộ đếm và ${result.compared.gauges} bộ đếm giai đoạn / ` +
      `recounted ${result.events} events, ${result.candidates} candidates; compared ${result.compared.counters} counters and ${result.compared.gauges} stage gauges`,
  );
  if (result.differences.length === 0) {
    console.log('Khớp / all counters match');
    return 0;
  }
  console.log(`Lệch ${result.differences.length} / ${result.differences.length} mismatch(es):`);
  console.log(formatDifferences(result.differences));
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(2);
  },
);
