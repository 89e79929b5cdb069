import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const ROOT = path.join(__dirname, '..');

/**
 * The table an operator tool works on, from its command line:
 *   (nothing)                        the local runtime (`npm start`, .local-data)
 *   --data-dir DIR                   a local runtime started with --data-dir DIR
 *   --endpoint URL --table NAME      any DynamoDB endpoint
 *   TABLE_NAME=… AWS_REGION=…        a deployed table (the usual AWS credentials)
 */
export function tableTarget(): {
  documents: DynamoDBDocumentClient;
  table: string;
  close: () => void;
} {
  const { values: args } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      endpoint: { type: 'string' },
      table: { type: 'string' },
    },
  });
  const { endpoint, table, local } = ((): { endpoint?: string; table: string; local: boolean } => {
    if (args.endpoint || args.table || (process.env.TABLE_NAME && !args['data-dir'])) {
      const name = args.table ?? process.env.TABLE_NAME;
      if (!name) throw new Error('--table (or TABLE_NAME) is required with --endpoint');
      return { endpoint: args.endpoint, table: name, local: Boolean(args.endpoint) };
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
  })();
  const client = new DynamoDBClient({
    ...(endpoint ? { endpoint } : {}),
    ...(local
      ? {
          region: process.env.AWS_REGION ?? 'us-east-1',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  return { documents: DynamoDBDocumentClient.from(client), table, close: () => client.destroy() };
}
