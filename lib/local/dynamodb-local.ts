/**
 * Runs Amazon's DynamoDB Local (the jar shipped inside the amplify-dynamodb-simulator npm package)
 * as a child process, and creates the template's tables in it.
 *
 * Crash safety: if this Node process is SIGKILLed, nothing runs on exit, so a plain child would be
 * orphaned and keep the port and the data dir's SQLite file. Two independent guards:
 *  - java is started by a small `sh` watchdog that polls our pid and kills java once we are gone;
 *  - java's pid is written into the data dir, and the next start kills a survivor recorded there.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { createResolver, listResources, type CfnTemplate, type Resolve } from './template';

export const JAVA_INSTALL_HINT =
  'DynamoDB Local needs Java 17 (a JRE is enough). Install it with: ' +
  'sudo apt-get install -y openjdk-17-jre-headless';

const PID_FILE_NAME = 'dynamodb-local.pid';

export interface DynamoDbLocalOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Persist tables here (created if missing). Without it, data lives in memory only. */
  dataDir?: string;
  /** Defaults to `java` on PATH. */
  javaCommand?: string;
  startTimeoutMs?: number;
  /** Receives DynamoDB Local's own output lines; silent by default. */
  log?: (line: string) => void;
  /**
   * Tune the JVM for writing millions of items (BULK_LOAD_JVM_OPTIONS) rather than for starting
   * quickly: the national benchmark's population.
   */
  bulkLoad?: boolean;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** Pid of the java process itself (not the watchdog shell). */
  pid: number;
  /** False when the loopback launcher could not be used and java listens on all interfaces. */
  loopbackOnly: boolean;
  /** A client with fake credentials pointed at this instance. */
  createClient(): DynamoDBClient;
  stop(): Promise<void>;
}

function findEmulatorDir(): string {
  const packageJson = require.resolve('amplify-dynamodb-simulator/package.json');
  const emulatorDir = path.join(path.dirname(packageJson), 'emulator');
  if (!fs.existsSync(path.join(emulatorDir, 'DynamoDBLocal.jar'))) {
    throw new Error(`DynamoDBLocal.jar is missing from ${emulatorDir}; run npm ci.`);
  }
  return emulatorDir;
}

export async function startDynamoDbLocal(
  options: DynamoDbLocalOptions = {},
): Promise<DynamoDbLocal> {
  const javaCommand = options.javaCommand ?? 'java';
  assertJavaAvailable(javaCommand);
  const emulatorDir = findEmulatorDir();
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    await killStaleInstance(dataDir);
  }
  const launcherDir = compileLoopbackLauncher(javaCommand, emulatorDir, options.log);

  // A port picked by us can be taken by someone else before java binds it; retry a few times.
  const attempts = options.port ? 1 : 3;
  for (let attempt = 1; ; attempt++) {
    const port = options.port || (await findFreePort());
    try {
      return await launch({ ...options, javaCommand, emulatorDir, dataDir, launcherDir, port });
    } catch (error) {
      if (attempt >= attempts || !/Address already in use|BindException/i.test(String(error))) {
        throw error;
      }
    }
  }
}

interface LaunchSettings extends DynamoDbLocalOptions {
  javaCommand: string;
  emulatorDir: string;
  dataDir?: string;
  launcherDir?: string;
  port: number;
}

/**
 * The JIT's first tier only: the optimizing compiler's threads cost DynamoDB Local seconds of CPU
 * at every start and pay off only after minutes of load, while a local runtime or a test lives
 * seconds to minutes. Measured side by side on this 2-core machine: start-up 7.8 s → 4.8 s, and
 * two end-to-end test files (the runtime, its functions and DynamoDB Local) used 30% less CPU.
 */
const QUICK_START_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1'];

/**
 * For a long bulk load (npm run bench:national writes millions of items): the optimizing compiler
 * and the throughput collector, and the launcher's cache of parsed table schemas (see
 * LOOPBACK_LAUNCHER_SOURCE). Measured loading the national population on this 2-core machine:
 * the JVM's CPU per item written fell from 0.48 ms (quick start) to 0.33 ms with the compiler and
 * collector; parsing table schemas, 64% of the JVM's sampled CPU, fell to 9% with the cache.
 */
const BULK_LOAD_JVM_OPTIONS = [
  '-XX:+UseParallelGC',
  '-Xms1g',
  '-Xmx3g',
  '-Dlocal.cacheTableSchemas=true',
];

async function launch(settings: LaunchSettings): Promise<DynamoDbLocal> {
  const { javaCommand, emulatorDir, dataDir, launcherDir, port } = settings;
  // -sharedDb in memory too: otherwise DynamoDB Local keeps one database per access key and
  // region, and the functions (other credentials) would not see the tables we create.
  const serverArgs = ['-port', String(port), '-sharedDb', '-disableTelemetry'];
  serverArgs.push(...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']));
  const javaArgs = [
    ...(settings.bulkLoad ? BULK_LOAD_JVM_OPTIONS : QUICK_START_JVM_OPTIONS),
    '-Djava.library.path=./DynamoDBLocal_lib',
    ...(launcherDir
      ? // The jar's manifest Class-Path brings in DynamoDBLocal_lib.
        ['-cp', [launcherDir, 'DynamoDBLocal.jar'].join(path.delimiter), 'LoopbackDynamoDbLocal']
      : ['-jar', 'DynamoDBLocal.jar']),
  ];

  const child = spawn(
    'sh',
    ['-c', WATCHDOG_SCRIPT, 'dynamodb-local-watchdog', String(process.pid)],
    {
      cwd: emulatorDir,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    },
  );
  // The java command line goes through stdin, one argument a line, so nothing needs shell quoting.
  child.stdin!.end([javaCommand, ...javaArgs, ...serverArgs].join('\n') + '\n');

  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 50) output.shift();
      settings.log?.(line);
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const javaPid = await readJavaPid(child, exited);
  if (dataDir) fs.writeFileSync(path.join(dataDir, PID_FILE_NAME), `${javaPid}\n`);

  const endpoint = `http://127.0.0.1:${port}`;
  const createClient = () => localClient(endpoint);

  const stop = async () => {
    if (!hasExited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        killQuietly(javaPid, 'SIGKILL');
        child.kill('SIGKILL');
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    // The watchdog waits for java, but be sure before the data dir is reused.
    await waitUntilDead(javaPid, 5000);
    if (dataDir) fs.rmSync(path.join(dataDir, PID_FILE_NAME), { force: true });
  };

  try {
    await waitUntilReady(createClient, exited, settings.startTimeoutMs ?? 30000);
  } catch (error) {
    await stop();
    const detail = output.length ? `\nDynamoDB Local output:\n${output.join('\n')}` : '';
    throw new Error(`${(error as Error).message}${detail}`, { cause: error });
  }
  return { endpoint, port, pid: javaPid, loopbackOnly: Boolean(launcherDir), createClient, stop };
}

function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

/** What a user of DynamoDB Local needs, whether it started the instance or shares one. */
export type DynamoDbLocalConnection = Pick<DynamoDbLocal, 'endpoint' | 'createClient' | 'stop'>;

/**
 * An in-memory DynamoDB Local that another process started and keeps running (the end-to-end
 * tests start one per jest worker: test/e2e/global-setup.ts), emptied of every table first, so
 * that its user starts as empty as with an instance of its own, without paying for a JVM's
 * start. Stopping leaves the instance running for the next user.
 */
export async function useSharedDynamoDbLocal(endpoint: string): Promise<DynamoDbLocalConnection> {
  const client = localClient(endpoint);
  try {
    await deleteAllTables(client);
  } finally {
    client.destroy();
  }
  return { endpoint, createClient: () => localClient(endpoint), stop: async () => undefined };
}

async function deleteAllTables(client: DynamoDBClient): Promise<void> {
  for (;;) {
    const { TableNames = [] } = await client.send(new ListTablesCommand({}));
    if (TableNames.length === 0) return;
    for (const TableName of TableNames) {
      try {
        await client.send(new DeleteTableCommand({ TableName }));
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
    }
  }
}

/**
 * Runs java in the background, reports its pid on fd 3, and kills it when either the Node parent
 * disappears (polled every second: SIGKILL gives no other signal) or when we send SIGTERM.
 */
const WATCHDOG_SCRIPT = `
parent=$1
set --
while IFS= read -r arg; do set -- "$@" "$arg"; done
"$@" 3>&- </dev/null &
java=$!
echo "$java" >&3
exec 3>&-
trap 'kill $java 2>/dev/null; wait $java; exit 0' TERM INT HUP
while kill -0 "$parent" 2>/dev/null && kill -0 "$java" 2>/dev/null; do
  sleep 1 & wait $!
done
kill $java 2>/dev/null
wait $java
`;

function readJavaPid(child: ChildProcess, exited: Promise<number | null>): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = '';
    const pidPipe = child.stdio[3] as NodeJS.ReadableStream;
    pidPipe.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /^(\d+)\n/.exec(text);
      if (match) resolve(Number(match[1]));
    });
    void exited.then((code) => reject(new Error(`DynamoDB Local watchdog exited (${code}).`)));
  });
}

async function waitUntilReady(
  createClient: () => DynamoDBClient,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const client = createClient();
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exitCode !== undefined)
        throw new Error(`DynamoDB Local exited early (code ${exitCode}).`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms: ${error}`, {
            cause: error,
          });
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    client.destroy();
  }
}

function assertJavaAvailable(javaCommand: string): void {
  const probe = spawnSync(javaCommand, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    const reason = probe.error ? probe.error.message : probe.stderr;
    throw new Error(`${JAVA_INSTALL_HINT}\n(could not run "${javaCommand} -version": ${reason})`);
  }
  const major = /version "(\d+)/.exec(probe.stderr)?.[1];
  // "1.8" style versions are Java 8, which this DynamoDB Local build still runs on.
  if (major && Number(major) < 17 && major !== '1') {
    throw new Error(`${JAVA_INSTALL_HINT}\n(found Java ${major})`);
  }
}

/**
 * DynamoDB Local has no option to choose the listen address, and its Jetty binds every interface.
 * This tiny launcher sets the connector's host to 127.0.0.1 before start. It is compiled once with
 * the JRE's own jdk.compiler module (no JDK needed) and cached in the temp dir.
 *
 * With -Dlocal.cacheTableSchemas=true (`bulkLoad`) it also keeps the tables' parsed schemas:
 * DynamoDB Local reads a table's schema (TableInfo, 7.6 KB of JSON for the admission table with
 * its five indexes) from SQLite and parses it again three times for every item it writes, which
 * was two thirds of its CPU while the national benchmark loaded its population (a Java Flight
 * Recorder profile). The cache is keyed by the stored bytes themselves, so a schema that changes
 * (UpdateTable, TTL) is parsed anew; what DynamoDB Local answers does not change.
 */
const LOOPBACK_LAUNCHER_SOURCE = `
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.shared.mapper.DynamoDBObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Arrays;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    if (Boolean.getBoolean("local.cacheTableSchemas")) SchemaCachingMapper.install();
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) {
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    proxy.start();
  }
}

class SchemaCachingMapper extends DynamoDBObjectMapper {
  private static final String JOB = "com.amazonaws.services.dynamodbv2.local.shared.access.sqlite.SQLiteDBAccessJob";
  private static final String SCHEMA = "com.amazonaws.services.dynamodbv2.local.shared.access.sqlite.TableSchemaInfo";
  /** The last schemas parsed, newest first (a few tables: a scan with memcmp beats hashing 8 KB). */
  private volatile Object[][] parsed = new Object[0][];

  @Override
  public <T> T readValue(byte[] content, Class<T> type) throws IOException {
    if (!type.getName().equals(SCHEMA)) return super.readValue(content, type);
    for (Object[] entry : parsed) {
      if (Arrays.equals((byte[]) entry[0], content)) return type.cast(entry[1]);
    }
    T schema = super.readValue(content, type);
    Object[][] known = parsed;
    Object[][] next = new Object[Math.min(known.length + 1, 16)][];
    next[0] = new Object[] { content.clone(), schema };
    System.arraycopy(known, 0, next, 1, next.length - 1);
    parsed = next;
    return schema;
  }

  /** The schema reader's mapper is a private static final field: set before any request. */
  static void install() throws Exception {
    Field mapper = Class.forName(JOB).getDeclaredField("MAPPER");
    Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
    theUnsafe.setAccessible(true);
    sun.misc.Unsafe unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
    unsafe.putObject(unsafe.staticFieldBase(mapper), unsafe.staticFieldOffset(mapper), new SchemaCachingMapper());
  }
}
`;

function compileLoopbackLauncher(
  javaCommand: string,
  emulatorDir: string,
  log?: (line: string) => void,
): string | undefined {
  const hash = createHash('sha256')
    .update(LOOPBACK_LAUNCHER_SOURCE)
    .update(fs.statSync(path.join(emulatorDir, 'DynamoDBLocal.jar')).size.toString())
    .digest('hex')
    .slice(0, 12);
  const cacheDir = path.join(os.tmpdir(), `dynamodb-local-loopback-${hash}`);
  if (fs.existsSync(path.join(cacheDir, 'LoopbackDynamoDbLocal.class'))) return cacheDir;

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dynamodb-local-loopback-build-'));
  try {
    const sourceFile = path.join(workDir, 'LoopbackDynamoDbLocal.java');
    fs.writeFileSync(sourceFile, LOOPBACK_LAUNCHER_SOURCE);
    const classPath = ['DynamoDBLocal.jar', 'DynamoDBLocal_lib/*'].join(path.delimiter);
    const args = ['-m', 'jdk.compiler/com.sun.tools.javac.Main', '-cp', classPath];
    const compile = spawnSync(javaCommand, [...args, '-d', workDir, sourceFile], {
      cwd: emulatorDir,
      encoding: 'utf8',
    });
    if (compile.status !== 0) {
      const message = (compile.stderr || String(compile.error)).trim();
      const warning = `DynamoDB Local will listen on all interfaces (launcher failed: ${message})`;
      (log ?? ((line: string) => process.stderr.write(`${line}\n`)))(warning);
      return undefined;
    }
    fs.rmSync(sourceFile);
    try {
      fs.renameSync(workDir, cacheDir);
    } catch {
      // Another process compiled it concurrently; its copy is just as good.
    }
    return fs.existsSync(cacheDir) ? cacheDir : undefined;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

async function killStaleInstance(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, PID_FILE_NAME);
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  // Pids are reused: only kill the process if it still is a DynamoDB Local.
  if (pid > 0 && isAlive(pid) && commandLineOf(pid).includes('DynamoDB')) {
    killQuietly(pid, 'SIGKILL');
    await waitUntilDead(pid, 5000);
  }
  fs.rmSync(pidFile, { force: true });
}

function commandLineOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    const ps = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    return ps.stdout ?? '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

async function waitUntilDead(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      killQuietly(pid, 'SIGKILL');
      if (Date.now() > deadline + 2000) throw new Error(`Process ${pid} does not die.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface CreateTablesResult {
  created: string[];
  existing: string[];
}

/**
 * Creates every AWS::DynamoDB::Table of the template. Tables that already exist (persistent data
 * dir) are left as they are, data included; schema changes then need a fresh data dir.
 */
export async function createTablesFromTemplate(
  client: DynamoDBClient,
  template: CfnTemplate,
  resolve: Resolve = createResolver({ template }),
): Promise<CreateTablesResult> {
  const existingNames = new Set<string>();
  let startName: string | undefined;
  do {
    const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: startName }));
    page.TableNames?.forEach((name) => existingNames.add(name));
    startName = page.LastEvaluatedTableName;
  } while (startName);

  const result: CreateTablesResult = { created: [], existing: [] };
  for (const { logicalId } of listResources(template, 'AWS::DynamoDB::Table')) {
    const properties = resolve(template.Resources[logicalId].Properties ?? {}) as TableProperties;
    const tableName = String(resolve({ Ref: logicalId }));
    if (existingNames.has(tableName)) {
      result.existing.push(tableName);
      continue;
    }
    try {
      await client.send(new CreateTableCommand(toCreateTableInput(tableName, properties)));
      result.created.push(tableName);
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
      result.existing.push(tableName);
      continue;
    }
    const ttl = properties.TimeToLiveSpecification;
    if (ttl?.Enabled && ttl.AttributeName) {
      try {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: tableName,
            TimeToLiveSpecification: { Enabled: true, AttributeName: ttl.AttributeName },
          }),
        );
      } catch {
        // TTL only matters for expiry, which local runs do not rely on.
      }
    }
  }
  return result;
}

interface IndexProperties {
  IndexName: string;
  KeySchema: CreateTableCommandInput['KeySchema'];
  Projection?: { ProjectionType?: string; NonKeyAttributes?: string[] };
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number };
}

interface TableProperties {
  KeySchema: CreateTableCommandInput['KeySchema'];
  AttributeDefinitions: CreateTableCommandInput['AttributeDefinitions'];
  BillingMode?: string;
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number };
  GlobalSecondaryIndexes?: IndexProperties[];
  LocalSecondaryIndexes?: IndexProperties[];
  StreamSpecification?: { StreamViewType?: string };
  TimeToLiveSpecification?: { Enabled?: boolean; AttributeName?: string };
}

function toCreateTableInput(tableName: string, table: TableProperties): CreateTableCommandInput {
  const provisioned = table.BillingMode === 'PROVISIONED' || Boolean(table.ProvisionedThroughput);
  const throughput = (given?: { ReadCapacityUnits: number; WriteCapacityUnits: number }) =>
    provisioned
      ? {
          ReadCapacityUnits: Number(given?.ReadCapacityUnits ?? 5),
          WriteCapacityUnits: Number(given?.WriteCapacityUnits ?? 5),
        }
      : undefined;
  const toIndex = (index: IndexProperties) => ({
    IndexName: index.IndexName,
    KeySchema: index.KeySchema,
    Projection: {
      ProjectionType: (index.Projection?.ProjectionType ?? 'ALL') as 'ALL',
      NonKeyAttributes: index.Projection?.NonKeyAttributes,
    },
  });
  return {
    TableName: tableName,
    KeySchema: table.KeySchema,
    AttributeDefinitions: table.AttributeDefinitions,
    BillingMode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    ProvisionedThroughput: throughput(table.ProvisionedThroughput),
    GlobalSecondaryIndexes: table.GlobalSecondaryIndexes?.map((index) => ({
      ...toIndex(index),
      ProvisionedThroughput: throughput(index.ProvisionedThroughput),
    })),
    LocalSecondaryIndexes: table.LocalSecondaryIndexes?.map(toIndex),
    StreamSpecification: table.StreamSpecification?.StreamViewType
      ? {
          StreamEnabled: true,
          StreamViewType: table.StreamSpecification.StreamViewType as 'NEW_AND_OLD_IMAGES',
        }
      : undefined,
  };
}
