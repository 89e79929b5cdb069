/**
 * An HTTP proxy between the functions and DynamoDB Local that can fail on purpose: "down" (every
 * connection is cut, as when the endpoint is unreachable) and throttling (a given share of
 * requests answered with DynamoDB's own 400 ProvisionedThroughputExceededException or
 * ThrottlingException, chosen by a seeded generator). It also reads the ConsumedCapacity that
 * DynamoDB returns (when the functions ask for it: RECORD_CONSUMED_CAPACITY) and adds it up per
 * operation and table: what the benchmark prices.
 *
 * With `keySchemas` it also emulates DynamoDB's transaction conflicts
 * (lib/local/transaction-conflicts.ts), which DynamoDB Local never produces: requests in flight
 * at once that touch one item conflict as they would on AWS. A write transaction holds its
 * items until DynamoDB Local answers it, but at most `windowMs` (default 30 ms, about what a
 * transaction takes on AWS): DynamoDB Local, queueing every request of one machine, can take far
 * longer, and holding that long would overstate contention.
 *
 * Control: in process (setFaults/stats), or over HTTP on the proxy itself for a runtime in another
 * process: `GET /__faults` → {faults, stats}; `POST /__faults` {down?, throttleRate?, conflicts?,
 * windowMs?, seed?, resetStats?}. DynamoDB's own requests are always `POST /`, so the paths cannot
 * collide.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom } from './seeded-random';
import {
  ConflictRetries,
  TransactionLedger,
  type ConflictAnswer,
  type KeySchemas,
} from './transaction-conflicts';

export interface Faults {
  /** Cut every connection (the SDK sees ECONNRESET), as if DynamoDB were unreachable. */
  down: boolean;
  /** Share of requests (0–1) answered with a throttling error instead of being forwarded. */
  throttleRate: number;
  /** Emulate transaction conflicts (needs the tables' key schemas). */
  conflicts: boolean;
  /** The longest a write transaction holds its items (ms). */
  windowMs: number;
}

/** Control: hold items as an endless transaction would, or let them go. */
export interface HeldItems {
  /** Keys in DynamoDB's JSON (`{ PK: { S: '…' }, SK: { S: '…' } }`). */
  hold?: { table: string; keys: Record<string, unknown>[] };
  releaseHeld?: boolean;
}

interface ConflictStats {
  /** Transactions cancelled with reason TransactionConflict. */
  transactionsCanceled: number;
  /** Single-item writes refused with TransactionConflictException. */
  writesRefused: number;
  /** Conflicted requests that came back (the same body again): conflicts the caller retried. */
  retried: number;
}

interface OperationStats {
  requests: number;
  readUnits: number;
  writeUnits: number;
}

export interface FaultProxyStats {
  requests: number;
  forwarded: number;
  cut: number;
  throttled: number;
  /** Answered by the `inspect` hook instead of DynamoDB (e.g. AccessDenied). */
  refused: number;
  conflicts: ConflictStats;
  /** Forwarded requests whose response carried ConsumedCapacity. */
  measured: number;
  /** Read units as DynamoDB Local reports them (0 for a read that finds nothing). */
  readUnits: number;
  /**
   * Read units as DynamoDB bills them: a GetItem, Query or Scan that reads less than one unit
   * still costs the minimum, ½ (1 for a strongly consistent read), per table it reads.
   */
  billedReadUnits: number;
  writeUnits: number;
  byOperation: Record<string, OperationStats>;
  byTable: Record<string, OperationStats>;
}

export interface FaultProxy {
  url: string;
  setFaults(faults: Partial<Faults> & { seed?: number }): void;
  faults(): Faults;
  stats(): FaultProxyStats;
  resetStats(): void;
  close(): Promise<void>;
}

const THROTTLES = [
  {
    type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    message:
      'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
  },
  {
    type: 'com.amazon.coral.availability#ThrottlingException',
    message: 'Rate of requests exceeds the allowed throughput.',
  },
];

/** About how long a transaction takes on AWS: the longest one holds its items here. */
const DEFAULT_CONFLICT_WINDOW_MS = 30;

const WRITE_OPERATIONS = /^(PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems)$/;
/** Reads DynamoDB bills at least one request unit for, found or not. */
const MINIMUM_BILLED_READS = /^(GetItem|Query|Scan)$/;

/**
 * What DynamoDB bills a read that DynamoDB Local reported `units` for. Its consistency is read
 * from the request body when the proxy read it (an inspector or conflict emulation, as the
 * runtime runs it); a streamed request counts as eventually consistent.
 */
function billedRead(operation: string, units: number, request?: Buffer): number {
  if (!MINIMUM_BILLED_READS.test(operation)) return units;
  let consistent = false;
  try {
    consistent =
      (JSON.parse(request?.toString('utf8') ?? '{}') as { ConsistentRead?: boolean })
        .ConsistentRead === true;
  } catch {
    // not JSON: an eventually consistent read
  }
  return Math.max(units, consistent ? 1 : 0.5);
}

function emptyStats(): FaultProxyStats {
  return {
    requests: 0,
    forwarded: 0,
    cut: 0,
    throttled: 0,
    refused: 0,
    conflicts: { transactionsCanceled: 0, writesRefused: 0, retried: 0 },
    measured: 0,
    readUnits: 0,
    billedReadUnits: 0,
    writeUnits: 0,
    byOperation: {},
    byTable: {},
  };
}

interface Consumed {
  TableName?: string;
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/** An answer sent instead of DynamoDB's (e.g. an AccessDeniedException). */
export interface ProxyAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A DynamoDB request as the proxy received it, before it is forwarded. */
export interface InspectedRequest {
  /** From X-Amz-Target, e.g. `PutItem`. */
  operation: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export async function startFaultProxy(options: {
  /** DynamoDB Local's endpoint, e.g. http://127.0.0.1:8000 */
  target: string;
  seed?: number;
  /**
   * Sees every DynamoDB request (body read in full) before faults and forwarding; an answer it
   * returns is sent instead of DynamoDB's. The local IAM check (lib/local/iam) lives here.
   */
  inspect?: (request: InspectedRequest) => ProxyAnswer | undefined;
  /** Each table's key attributes: what identifies an item for conflict emulation. */
  keySchemas?: KeySchemas;
  /** Emulate transaction conflicts from the start (default: off). */
  conflicts?: boolean;
  windowMs?: number;
}): Promise<FaultProxy> {
  const target = new URL(options.target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const faults: Faults = {
    down: false,
    throttleRate: 0,
    conflicts: Boolean(options.conflicts && options.keySchemas),
    windowMs: options.windowMs ?? DEFAULT_CONFLICT_WINDOW_MS,
  };
  let random = seededRandom(options.seed ?? 1);
  let statistics = emptyStats();
  const ledger = new TransactionLedger(options.keySchemas ?? {});
  let retries = new ConflictRetries();
  const conflictStats = (): ConflictStats => ({
    ...ledger.counts,
    retried: retries.retried,
  });
  const resetStatistics = () => {
    statistics = emptyStats();
    // Transactions in flight keep their items: only the counts start again.
    ledger.counts.transactionsCanceled = 0;
    ledger.counts.writesRefused = 0;
    retries = new ConflictRetries();
  };
  const sockets = new Set<Socket>();
  // Connections used for control requests survive "down" (they are not DynamoDB's).
  const controlSockets = new WeakSet<Socket>();

  const add = (
    bucket: Record<string, OperationStats>,
    key: string,
    read: number,
    write: number,
  ) => {
    const entry = (bucket[key] ??= { requests: 0, readUnits: 0, writeUnits: 0 });
    entry.requests += 1;
    entry.readUnits += read;
    entry.writeUnits += write;
  };

  const record = (operation: string, body: Buffer, request?: Buffer) => {
    let consumed: Consumed[] = [];
    try {
      const parsed = JSON.parse(body.toString('utf8')) as {
        ConsumedCapacity?: Consumed | Consumed[];
      };
      consumed = [parsed.ConsumedCapacity ?? []].flat();
    } catch {
      // not JSON (or empty): nothing to measure
    }
    const write = WRITE_OPERATIONS.test(operation);
    let read = 0;
    let billed = 0;
    let written = 0;
    for (const entry of consumed) {
      const units = entry.CapacityUnits ?? 0;
      const r = entry.ReadCapacityUnits ?? (write ? 0 : units);
      const w = entry.WriteCapacityUnits ?? (write ? units : 0);
      add(statistics.byTable, entry.TableName ?? '?', r, w);
      read += r;
      billed += write ? r : billedRead(operation, r, request);
      written += w;
    }
    if (consumed.length > 0) statistics.measured += 1;
    statistics.readUnits += read;
    statistics.billedReadUnits += billed;
    statistics.writeUnits += written;
    add(statistics.byOperation, operation, read, written);
  };

  // Items held as by a transaction that never ends (POST /__faults {hold}, {releaseHeld}).
  const releases: (() => void)[] = [];
  const holdItems = ({ table, keys }: { table: string; keys: Record<string, unknown>[] }) => {
    releases.push(ledger.hold(table, keys));
  };
  const releaseHeld = () => {
    for (const release of releases.splice(0)) release();
  };
  const hasKeySchemas = Object.keys(options.keySchemas ?? {}).length > 0;
  const setFaults = (next: Partial<Faults> & { seed?: number }) => {
    if (next.down !== undefined) faults.down = Boolean(next.down);
    if (next.throttleRate !== undefined) {
      faults.throttleRate = Math.min(1, Math.max(0, Number(next.throttleRate) || 0));
    }
    if (next.conflicts !== undefined) faults.conflicts = Boolean(next.conflicts) && hasKeySchemas;
    if (next.windowMs !== undefined) faults.windowMs = Math.max(0, Number(next.windowMs) || 0);
    if (next.seed !== undefined) random = seededRandom(next.seed);
    // Going down cuts the idle keep-alive connections too.
    if (faults.down) {
      for (const socket of sockets) if (!controlSockets.has(socket)) socket.destroy();
    }
  };

  const control = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.method === 'POST') {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Partial<Faults> & {
        seed?: number;
        resetStats?: boolean;
      } & HeldItems;
      if (body.resetStats) resetStatistics();
      if (body.releaseHeld) releaseHeld();
      if (body.hold) holdItems(body.hold);
      setFaults(body);
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ faults, stats: { ...statistics, conflicts: conflictStats() } }));
  };

  const server = http.createServer((request, response) => {
    if (request.url?.startsWith('/__faults')) {
      controlSockets.add(request.socket);
      control(request, response).catch((error: Error) => {
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: error.message }));
      });
      return;
    }
    statistics.requests += 1;
    if (faults.down) {
      statistics.cut += 1;
      request.socket.destroy();
      return;
    }
    const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '?';
    if (options.inspect) {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks);
        const answer = options.inspect!({ operation, headers: request.headers, body });
        if (answer) {
          statistics.refused += 1;
          response.writeHead(answer.status, answer.headers);
          response.end(answer.body);
          return;
        }
        pass(request, response, operation, body);
      });
      return;
    }
    pass(request, response, operation);
  });

  /** Throttles or forwards one request (its body already read when `body` is given). */
  const pass = (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    operation: string,
    body?: Buffer,
  ) => {
    if (faults.throttleRate > 0 && random() < faults.throttleRate) {
      statistics.throttled += 1;
      const throttle = THROTTLES[statistics.throttled % THROTTLES.length];
      const answer = () => {
        response.writeHead(400, {
          'content-type': 'application/x-amz-json-1.0',
          'x-amzn-requestid': `fault-proxy-${statistics.requests}`,
        });
        response.end(JSON.stringify({ __type: throttle.type, message: throttle.message }));
      };
      if (body) answer();
      else request.resume().on('end', answer);
      return;
    }
    if (!faults.conflicts) {
      forward(request, response, operation, body);
      return;
    }
    if (body) {
      forwardUnlessConflicting(request, response, operation, body);
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      forwardUnlessConflicting(request, response, operation, Buffer.concat(chunks));
    });
  };

  /** Forwards one request to DynamoDB Local; `onAnswer` may replace a 200 with a conflict. */
  const forward = (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    operation: string,
    body?: Buffer,
    onAnswer?: (status: number) => ConflictAnswer | undefined,
  ) => {
    const upstream = http.request(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent,
      },
      (reply) => {
        const chunks: Buffer[] = [];
        reply.on('data', (chunk: Buffer) => chunks.push(chunk));
        reply.on('end', () => {
          const answer = Buffer.concat(chunks);
          statistics.forwarded += 1;
          record(operation, answer, body);
          const conflict = onAnswer?.(reply.statusCode ?? 502);
          if (conflict) {
            answerConflict(response, conflict, sameRequestOf(body!));
            return;
          }
          response.writeHead(reply.statusCode ?? 502, reply.headers);
          response.end(answer);
        });
        reply.on('error', () => {
          onAnswer?.(502);
          request.socket.destroy();
        });
      },
    );
    upstream.on('error', () => {
      onAnswer?.(502);
      request.socket.destroy();
    });
    if (body) upstream.end(body);
    else request.pipe(upstream);
  };

  const sameRequestOf = (body: Buffer) =>
    JSON.stringify({ ...JSON.parse(body.toString('utf8')), ClientRequestToken: undefined });

  const answerConflict = (
    response: http.ServerResponse,
    conflict: ConflictAnswer,
    sameRequest: string,
  ) => {
    retries.conflicted(sameRequest);
    response.writeHead(conflict.status, {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': `fault-proxy-${statistics.requests}`,
    });
    response.end(JSON.stringify(conflict.body));
  };

  const forwardUnlessConflicting = (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    operation: string,
    body: Buffer,
  ) => {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      forward(request, response, operation, body);
      return;
    }
    // The SDK draws a new ClientRequestToken each time it serialises a transaction: the same
    // request sent again differs only by it.
    const sameRequest = JSON.stringify({ ...parsed, ClientRequestToken: undefined });
    retries.arrived(sameRequest);
    const admission = ledger.admit(operation, parsed);
    if (admission.conflict) {
      answerConflict(response, admission.conflict, sameRequest);
      return;
    }
    // Held until DynamoDB Local answers, or the window ends, whichever comes first.
    let released = false;
    let windowEnd: NodeJS.Timeout | undefined;
    const releaseOnce = (status: number) => {
      if (released) return undefined;
      released = true;
      clearTimeout(windowEnd);
      return admission.release({ status });
    };
    if (operation === 'TransactWriteItems') {
      windowEnd = setTimeout(() => releaseOnce(200), faults.windowMs);
    }
    forward(request, response, operation, body, releaseOnce);
  };

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    setFaults,
    faults: () => ({ ...faults }),
    stats: () => structuredClone({ ...statistics, conflicts: conflictStats() }),
    resetStats: resetStatistics,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
