import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { humanStage, type HumanStageId } from '../functions/domain/pipeline';
import { type AdmissionApi, createAdmissionClient } from '../client/api-client';
import { type LocalRuntime } from '../lib/local/runtime';
import { HAPPY_PATH } from '../test/e2e/support/happy-path';
import { nominationFor } from '../test/e2e/reliability/support';
import { type MeasuredUsage } from './cost-model';
import type { WalkRun } from './result';

const log = (line: string) => console.log(line);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface WalkOptions {
  candidates: number;
  concurrency: number;
  run: number;
  readsPerCandidate: number;
  /**
   * Where candidate `index` is nominated (its cell) and the unit of the officers who walk it
   * (each role's token is scoped there). Default: the demo nomination's cell, officers of dd-kdn.
   */
  placeOf?: (index: number) => { cellId?: string; officerUnitId: string };
}

/** The fields of an answer the walk reads (a candidate, or an error's code). */
type AnswerFields = {
  id?: string;
  stage?: string;
  status?: string;
  version?: number;
  code?: string;
};

/** Parses an answer's body: JSON when it is, else the text as it came (never throws). */
export function answerBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  if (body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/**
 * Walks candidates to ADMITTED over HTTP through the typed client generated from the OpenAPI
 * document, `concurrency` at a time, and measures what the walk cost (see bench/bench.ts).
 * Every answer is counted: one the walk did not expect (a 5xx included) is tallied by request,
 * status and code in `unexpected` and fails that candidate only.
 */
export async function walk(runtime: LocalRuntime, options: WalkOptions): Promise<WalkRun> {
  const placeOf =
    options.placeOf ??
    ((): { cellId?: string; officerUnitId: string } => ({ officerUnitId: 'dd-kdn' }));
  const clients = new Map<string, AdmissionApi>();
  const clientOf = (role: string, unitId: string) => {
    const key = `${role}@${unitId}`;
    if (!clients.has(key)) {
      const token = runtime.issueToken({
        sub: randomUUID(),
        name: `Bench ${role}`,
        groups: [role],
        unitId,
      });
      clients.set(key, createAdmissionClient({ baseUrl: runtime.url, token }));
    }
    return clients.get(key)!;
  };
  const samples: Record<string, number[]> = {};
  const unexpected: Record<string, number> = {};
  let serverErrors = 0;
  let transitions = 0;
  const writeLatencies: number[] = [];
  const timed = async (
    label: string,
    role: string,
    unitId: string,
    method: string,
    url: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<{ status: number; body: AnswerFields }> => {
    const started = performance.now();
    const { response, data, error } = await clientOf(role, unitId).request(
      method.toLowerCase() as 'get' | 'post',
      url as never,
      {
        headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
        body,
        parseAs: 'text',
      } as never,
    );
    (samples[label] ??= []).push(performance.now() - started);
    if (response.status >= 500) serverErrors++;
    return {
      status: response.status,
      body: (answerBody(response.ok ? data : error) ?? {}) as AnswerFields,
    };
  };
  let gets = 0;
  const settled = async (id: string, stage: string, unitId: string): Promise<number> => {
    for (let attempt = 0; attempt < 2000; attempt++) {
      gets++;
      const { status, body } = await timed(
        'GET',
        'cell-officer',
        unitId,
        'GET',
        `/candidates/${id}`,
      );
      if (status === 200 && body.stage === stage && body.status !== 'PROCESSING') {
        return body.version as number;
      }
      await sleep(25);
    }
    throw new Error(`Candidate ${id} never settled at ${stage}`);
  };
  // A write that the service asks to retry (503, 409 REQUEST_IN_PROGRESS) is retried; anything
  // else unexpected is counted and fails the candidate.
  const write = async (
    label: string,
    role: string,
    unitId: string,
    url: string,
    body: unknown,
    ok: number,
  ) => {
    // A resend is the same request: one idempotency key for every attempt, so a write that
    // succeeded behind a timeout is answered as it was, not refused as a duplicate.
    const idempotencyKey = randomUUID();
    for (let attempt = 0; attempt < 20; attempt++) {
      const response = await timed(label, role, unitId, 'POST', url, body, idempotencyKey);
      if (response.status === ok) {
        transitions++;
        writeLatencies.push(samples[label].at(-1)!);
        return response;
      }
      const key = `${label} ${response.status} ${response.body?.code ?? ''}`;
      unexpected[key] = (unexpected[key] ?? 0) + 1;
      if (response.status !== 503 && response.body?.code !== 'REQUEST_IN_PROGRESS') break;
      await sleep(200);
    }
    throw new Error(`${label} failed`);
  };

  runtime.faultProxy!.resetStats();
  const before = runtime.functions.stats();
  const snsBefore = runtime.notifications.list().length;
  const transitionsBefore = runtime.stepFunctions.stats().totalStateTransitions;
  const ids: { id: string; officers: string }[] = [];
  let next = 0;
  let admitted = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < options.candidates) {
      const index = next++;
      const place = placeOf(index);
      const person = {
        ...nominationFor(`Ứng viên ${options.run}-${index} ${randomUUID().slice(0, 8)}`),
        ...(place.cellId ? { unitId: place.cellId } : {}),
      };
      const officers = place.officerUnitId;
      try {
        const nominated = await write(
          'nominate',
          'cell-officer',
          officers,
          '/candidates',
          person,
          201,
        );
        const id = nominated.body.id as string;
        ids.push({ id, officers });
        for (const step of HAPPY_PATH) {
          const version = await settled(id, step.stage, officers);
          const actor = humanStage(step.stage as HumanStageId).actions.find(
            (a) => a.id === step.action,
          )!.actor;
          await write(
            step.action,
            actor,
            officers,
            `/candidates/${id}/actions`,
            { action: step.action, expectedVersion: version, payload: step.payload },
            202,
          );
        }
        await settled(id, 'ADMITTED', officers);
        admitted++;
      } catch (error) {
        log(`  candidate ${index}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const wallSeconds = (performance.now() - started) / 1000;

  // Let every execution finish its last transitions before counting them.
  const mine = runtime.stepFunctions
    .stats()
    .executions.filter((e) => e.stateMachineArn === runtime.stateMachineArn);
  await Promise.all(
    mine
      .filter((e) => e.status === 'RUNNING')
      .map((e) =>
        Promise.race([runtime.stepFunctions.whenExecutionDone(e.executionArn), sleep(10_000)]),
      ),
  );
  const sfn = runtime.stepFunctions.stats();
  const after = runtime.functions.stats();
  const proxy = runtime.faultProxy!.stats();
  const perFunction: WalkRun['perFunction'] = {};
  const sandboxes: WalkRun['sandboxes'] = {};
  let invocations = 0;
  let gbSeconds = 0;
  for (const [id, stats] of Object.entries(after)) {
    const invoked = stats.invocations - (before[id]?.invocations ?? 0);
    const gbs = stats.billedGbSeconds - (before[id]?.billedGbSeconds ?? 0);
    if (invoked === 0) continue;
    perFunction[id] = { invocations: invoked, gbSeconds: gbs, memoryMB: stats.memoryMB };
    sandboxes[id] = {
      coldStarts: stats.coldStarts - (before[id]?.coldStarts ?? 0),
      maxConcurrent: stats.maxConcurrent,
    };
    invocations += invoked;
    gbSeconds += gbs;
  }
  const getFunction = Object.keys(perFunction).find((id) => id.includes('GetCandidate'));
  const getStats = getFunction ? perFunction[getFunction] : { invocations: 0, gbSeconds: 0 };
  const gbSecondsPerGet = getStats.invocations ? getStats.gbSeconds / getStats.invocations : 0;

  // What one GET reads, measured alone: the walk's reads minus its polling, plus N reads each.
  runtime.faultProxy!.resetStats();
  const probe = ids.slice(0, 50);
  for (const { id, officers } of probe) {
    await timed('GET (probe)', 'cell-officer', officers, 'GET', `/candidates/${id}`);
  }
  const readUnitsPerGet = probe.length ? runtime.faultProxy!.stats().readUnits / probe.length : 0;
  delete samples['GET (probe)'];

  const usage: MeasuredUsage = {
    admitted,
    stateTransitions: sfn.totalStateTransitions - transitionsBefore,
    lambdaInvocations: invocations,
    lambdaGbSeconds: gbSeconds,
    readRequestUnits: proxy.readUnits,
    writeRequestUnits: proxy.writeUnits,
    snsPublishes: runtime.notifications.list().length - snsBefore,
    apiRequests: Object.values(samples).reduce((n, s) => n + s.length, 0),
  };
  const reads = options.readsPerCandidate * admitted;
  const modelledUsage: MeasuredUsage = {
    ...usage,
    lambdaInvocations: usage.lambdaInvocations - gets + reads,
    lambdaGbSeconds: usage.lambdaGbSeconds + (reads - gets) * gbSecondsPerGet,
    readRequestUnits: Math.max(0, usage.readRequestUnits + (reads - gets) * readUnitsPerGet),
    apiRequests: usage.apiRequests - gets + reads,
  };
  const latencyMs: WalkRun['latencyMs'] = {};
  for (const [label, values] of Object.entries(samples)) {
    const sorted = [...values].sort((a, b) => a - b);
    latencyMs[label] = {
      count: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    };
  }
  // Every candidate waited once at each human stage of the happy path.
  const stepsWaited = Object.fromEntries(HAPPY_PATH.map((s) => [s.stage, 1]));
  return {
    candidates: options.candidates,
    admitted,
    wallSeconds,
    candidatesPerMinute: (admitted / wallSeconds) * 60,
    latencyMs,
    unexpected,
    getsPerCandidate: gets / Math.max(1, admitted),
    usage,
    modelledUsage,
    perFunction,
    stepsWaited,
    readUnitsPerGet,
    gbSecondsPerGet,
    unmeasuredDynamoRequests: proxy.forwarded - proxy.measured,
    conflicts: proxy.conflicts,
    transitions,
    writeLatencyMs: (() => {
      const sorted = [...writeLatencies].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    })(),
    serverErrors,
    sandboxes,
  };
}
