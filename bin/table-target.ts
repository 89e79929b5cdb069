import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_RUNTIME_FILE, type LocalRuntimeFile } from '../lib/local/runtime-file';

const ROOT = path.join(__dirname, '..');

/** The command-line options that name the table (and, locally, the runtime) a tool works on. */
export const TARGET_OPTIONS = {
  'data-dir': { type: 'string' },
  endpoint: { type: 'string' },
  table: { type: 'string' },
} as const;

/** Credentials the local endpoints accept (they check none). */
export const LOCAL_CLIENT_CONFIG = {
  region: process.env.AWS_REGION ?? 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};

/**
 * The table an operator tool works on, from its command line:
 *   (nothing)                        the local runtime (`npm start`, .local-data)
 *   --data-dir DIR                   a local runtime started with --data-dir DIR
 *   --endpoint URL --table NAME      any DynamoDB endpoint
 *   TABLE_NAME=… AWS_REGION=…        a deployed table (the usual AWS credentials)
 */
export function tableTarget(
  args: { 'data-dir'?: string; endpoint?: string; table?: string } = parseArgs({
    options: TARGET_OPTIONS,
  }).values,
): {
  documents: DynamoDBDocumentClient;
  table: string;
  /** Set when the target is a local runtime found through its data folder. */
  localRuntime?: LocalRuntimeFile;
  close: () => void;
} {
  const { endpoint, table, local, localRuntime } = ((): {
    endpoint?: string;
    table: string;
    local: boolean;
    localRuntime?: LocalRuntimeFile;
  } => {
    if (args.endpoint || args.table || (process.env.TABLE_NAME && !args['data-dir'])) {
      const name = args.table ?? process.env.TABLE_NAME;
      if (!name) throw new Error('--table (or TABLE_NAME) is required with --endpoint');
      return { endpoint: args.endpoint, table: name, local: Boolean(args.endpoint) };
    }
    const dataDir = path.resolve(args['data-dir'] ?? path.join(ROOT, '.local-data'));
    const file = path.join(dataDir, LOCAL_RUNTIME_FILE);
    if (!fs.existsSync(file)) {
      throw new Error(`No running local runtime found (${file}); start it with npm start`);
    }
    const runtime = JSON.parse(fs.readFileSync(file, 'utf8')) as LocalRuntimeFile;
    return {
      endpoint: runtime.dynamoDbEndpoint,
      table: runtime.tableName,
      local: true,
      localRuntime: runtime,
    };
  })();
  const client = new DynamoDBClient({
    ...(endpoint ? { endpoint } : {}),
    ...(local ? LOCAL_CLIENT_CONFIG : {}),
  });
  return {
    documents: DynamoDBDocumentClient.from(client),
    table,
    localRuntime,
    close: () => client.destroy(),
  };
}
