import { randomUUID } from 'node:crypto';
import { type ApiClient, type CandidateBody } from './api-client';
import { DEMO_NOMINATION } from './happy-path';

type Outcome = {
  candidateId: string;
  status: 'APPLIED' | 'REFUSED' | 'SKIPPED';
  httpStatus?: number;
  error?: { code: string; message: string; message_en: string };
  reason?: { code: string };
  accepted?: { resultingVersion: number; toStage: string; action: string };
};
export type BulkBody = { results: Outcome[]; summary: Record<string, number> };

/** A write with an Idempotency-Key (a fresh one unless given). */
export function post(api: ApiClient, path: string, body: unknown, key = randomUUID()) {
  return api.request<BulkBody & Record<string, unknown>>('POST', path, {
    body,
    headers: { 'idempotency-key': key },
  });
}

/** Runs `task` over `items`, a few at a time. */
async function inBatches<T, R>(items: T[], task: (item: T) => Promise<R>, size = 6): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map(task))));
  }
  return out;
}

export function settleAll(api: ApiClient, ids: string[], stage: string): Promise<CandidateBody[]> {
  return inBatches(ids, (id) => api.waitForStage(id, stage, 60_000));
}

/**
 * Nominates `count` people spread over `unitIds` and takes them all past the nomination with one
 * bulk request: they wait at the awareness class stage.
 */
export async function candidatesAtClassStage(
  cell: ApiClient,
  count: number,
  unitIds: string[],
  namePrefix: string,
): Promise<string[]> {
  const ids = await inBatches(
    Array.from({ length: count }, (_, i) => i),
    async (i) => {
      const r = await cell.nominate({
        ...DEMO_NOMINATION,
        unitId: unitIds[i % unitIds.length],
        fullName: `${namePrefix} ${i}`,
      });
      if (r.status !== 201) throw new Error(`nomination ${i}: ${JSON.stringify(r.body)}`);
      return r.body.id as string;
    },
  );
  await settleAll(cell, ids, 'NOMINATED');
  const confirmed = await post(cell, '/candidates/bulk-actions', {
    items: ids.map((candidateId) => ({
      candidateId,
      action: 'confirmNomination',
      payload: { decisionDate: '2026-02-02', helperMemberName: 'Trần Thị Bình' },
    })),
  });
  if (confirmed.body.summary?.applied !== count) {
    throw new Error(`bulk confirmation: ${JSON.stringify(confirmed.body)}`);
  }
  await settleAll(cell, ids, 'AWARENESS_CLASS');
  return ids;
}

/** The results of a class of 37 as the districts report them: 26 passed, 6 failed, 5 absent. */
export function resultsOf37(ids: string[]) {
  return ids.map((candidateId, i) =>
    i < 26
      ? {
          candidateId,
          result: 'PASSED',
          certificateNumber: `CN-NTVĐ ${String(i + 1).padStart(3, '0')}/2026`,
        }
      : { candidateId, result: i < 32 ? 'FAILED' : 'ABSENT' },
  );
}
