import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { demoOrganisation, demoOrganisationOn } from '../lib/local/demo-organisation';
import { startLocalRuntime } from '../lib/local/runtime';
import { synthesizeInBackground } from '../lib/local/synthesize';

const ROOT = path.join(__dirname, '..');
/** The line tests (and tools) wait for; everything else printed is for people. */
const READY_MARKER = 'LOCAL_RUNTIME_READY ';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'data-dir': { type: 'string', default: path.join(ROOT, '.local-data') },
    'in-memory': { type: 'boolean', default: false },
    'cdk-out': { type: 'string', default: path.join(ROOT, 'cdk.out') },
    'no-synth': { type: 'boolean', default: false },
    // An in-memory DynamoDB Local kept running by the caller (tests), emptied at start.
    'shared-dynamodb': { type: 'string' },
    verbose: { type: 'boolean', default: false },
    // A fault-injecting proxy in front of DynamoDB Local (lib/local/fault-proxy.ts), for tests.
    'fault-proxy': { type: 'boolean', default: false },
    // DynamoDB's transaction conflicts, emulated (lib/local/transaction-conflicts.ts).
    conflicts: { type: 'boolean', default: process.env.LOCAL_CONFLICTS === '1' },
    // The longest a write transaction holds its items (ms; default 30, about AWS's duration).
    'conflict-window-ms': { type: 'string', default: process.env.LOCAL_CONFLICT_WINDOW_MS },
    // Lambda sandboxes per function at once (default: this machine's cores).
    'sandboxes-per-function': { type: 'string' },
  },
});

/** How a person gets a cell officer's token for this runtime. */
function tokenCommand(dataDir: string | undefined, issuerUrl: string): string {
  if (dataDir) {
    return `npm run -s token -- --data-dir ${dataDir} --role cell-officer --unit dd-xltbd-kythuat`;
  }
  // An in-memory runtime's key lives only in this process: ask its issuer.
  const body = JSON.stringify({
    sub: 'demo',
    name: 'Cán bộ chi bộ',
    groups: ['cell-officer'],
    unitId: 'dd-xltbd-kythuat',
  });
  return `curl -s -X POST ${issuerUrl}/local/tokens -H 'content-type: application/json' -d '${body}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).id_token'`;
}

function optionalPositiveInteger(name: keyof typeof args): number | undefined {
  const given = args[name];
  if (given === undefined) return undefined;
  const value = Number(given);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${name} must be a whole number of at least 1, not ${String(given)}`);
  }
  return value;
}

async function main(): Promise<void> {
  if (!args['no-synth']) {
    const synthStarted = Date.now();
    console.log('Tổng hợp stack (cdk synth) / synthesizing the stack…');
    await synthesizeInBackground({ outDir: path.resolve(args['cdk-out']!), verbose: args.verbose });
    console.log(`  xong / done (${((Date.now() - synthStarted) / 1000).toFixed(1)} s)`);
  }
  const dataDir = args['in-memory'] ? undefined : path.resolve(args['data-dir']!);
  const started = Date.now();
  const runtime = await startLocalRuntime({
    cdkOut: path.resolve(args['cdk-out']!),
    port: Number(args.port),
    dataDir,
    sharedDynamoDb: args['shared-dynamodb'],
    log: args.verbose ? (line) => console.log(`  ${line}`) : undefined,
    faultProxy: args['fault-proxy'],
    buildConsoleAtStart: !args['no-synth'],
    recordConsumedCapacity: args['fault-proxy'],
    conflicts: args.conflicts
      ? {
          windowMs:
            args['conflict-window-ms'] === undefined
              ? undefined
              : Number(args['conflict-window-ms']),
        }
      : false,
    sandboxesPerFunction: optionalPositiveInteger('sandboxes-per-function'),
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: đang dừng / stopping…`);
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const cell = demoOrganisation().find((u) => u.level === 'CELL')!;
  console.log(`
Hệ thống kết nạp đảng viên đang chạy / Admission pipeline running (${Date.now() - started} ms)
  Console:        ${runtime.url}/app/  (đăng nhập bằng người dùng mẫu / sign in as a demo user)
  API:            ${runtime.url}  (và / and ${runtime.url}/api)
  Hộp thư / inbox: ${runtime.url}/inbox
  Step Functions: ${runtime.sfnEndpoint}
  Scheduler:      ${runtime.schedulerEndpoint}
  Đồng hồ / clock: ${new Date(runtime.clock.now()).toISOString()} (POST ${runtime.url}/local/clock {"advanceDays":365})
  DynamoDB Local: ${runtime.dynamoDbEndpoint}${args.conflicts ? ' (xung đột giao dịch mô phỏng / transaction conflicts emulated)' : ''}
  Dữ liệu / data: ${dataDir ?? 'chỉ trong bộ nhớ / in memory only'}

Đơn vị mẫu / demo units:
${demoOrganisationOn(new Date().toISOString().slice(0, 10))
  .map(
    (u) =>
      `  ${'  '.repeat(u.path.length - 1)}${u.id}  ${u.name}${u.areas?.length ? ` (${u.areas.join(', ')})` : ''}`,
  )
  .join('\n')}

Thử giới thiệu một quần chúng ưu tú / try a nomination:
  TOKEN=$(${tokenCommand(dataDir, runtime.issuerUrl)})
  curl -s -X POST ${runtime.url}/candidates -H "authorization: Bearer $TOKEN" \\
    -H 'content-type: application/json' -H "idempotency-key: demo-$(date +%s%N)" \\
    -d '{"fullName":"Nguyễn Văn An","dateOfBirth":"1996-08-17","nominationSource":"YOUTH_UNION","unitId":"${cell.id}","nationalId":"001096012345","educationLevel":"UPPER_SECONDARY","youthUnionMember":true}'
  README.md: the whole walk to ADMITTED with curl.

Dừng / stop: Ctrl+C (dữ liệu được giữ lại / data is kept; a restart resumes every candidate)
`);
  console.log(
    READY_MARKER +
      JSON.stringify({
        url: runtime.url,
        sfnEndpoint: runtime.sfnEndpoint,
        dynamoDbEndpoint: runtime.dynamoDbEndpoint,
        tableName: runtime.tableName,
        stateMachineArn: runtime.stateMachineArn,
        issuerUrl: runtime.issuerUrl,
        secretsManagerEndpoint: runtime.secretsManagerEndpoint,
        schedulerEndpoint: runtime.schedulerEndpoint,
        faultProxyUrl: runtime.faultProxy?.url,
      }),
  );
}

main().catch((error: Error) => {
  console.error(`Không khởi động được / could not start: ${error.message}`);
  process.exit(1);
});
