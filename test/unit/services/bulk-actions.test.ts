import { applyTransition } from '../../../functions/services/apply-transition';
import {
  actOnCandidate,
  type BulkItem,
  isContended,
  runBulk,
} from '../../../functions/services/bulk-actions';
import { caller, candidate, world } from '../fakes/builders';

/** One action on many candidates: each answered on its own, replays finding what was done. */

const PAYLOAD = { decisionDate: '2025-06-30', helperMemberName: 'Lê Văn Giúp' };
const item = (candidateId: string, fields: Partial<BulkItem> = {}): BulkItem => ({
  candidateId,
  action: 'confirmNomination',
  payload: PAYLOAD,
  ...fields,
});

function three() {
  const w = world();
  w.store.put(
    candidate('a', { stage: 'NOMINATED', version: 1 }),
    candidate('b', { stage: 'NOMINATED', version: 1 }),
    candidate('far', { stage: 'NOMINATED', version: 1, unitPath: ['hn', 'elsewhere'] }),
  );
  const bulk = (items: BulkItem[], key = 'bulk-1') =>
    runBulk(items, (i) => actOnCandidate(w, caller(), i, key));
  return { w, bulk };
}

describe('bulk actions', () => {
  it('answers each candidate in the request order, with a summary', async () => {
    const { w, bulk } = three();
    const response = await bulk([item('a'), item('far'), item('b', { expectedVersion: 0 })]);
    expect(response.results.map((r) => [r.candidateId, r.status])).toEqual([
      ['a', 'APPLIED'],
      ['far', 'REFUSED'],
      ['b', 'REFUSED'],
    ]);
    expect(response.results[1]).toMatchObject({
      httpStatus: 404,
      error: { code: 'CANDIDATE_NOT_FOUND' },
    });
    expect(response.results[2]).toMatchObject({
      httpStatus: 409,
      error: { code: 'VERSION_CONFLICT' },
    });
    expect(response.summary).toEqual({ total: 3, applied: 1, refused: 2, skipped: 0 });
    expect((await w.store.getCandidate('a'))?.submission?.idempotencyKey).toBe('bulk-1 a');
    expect((await w.store.getCandidate('b'))?.submission).toBeUndefined();
  });

  it('a replay finds recorded steps and applied ones, and records nothing twice', async () => {
    const { w, bulk } = three();
    const first = await bulk([item('a'), item('b')]);
    const submissionOfA = (await w.store.getCandidate('a'))!.submission!.id;
    await applyTransition(w, { candidateId: 'a', submissionId: submissionOfA });
    const replay = await bulk([item('a'), item('b')]);
    expect(replay.results.map((r) => r.status)).toEqual(['APPLIED', 'APPLIED']);
    expect(replay.results).toEqual(first.results);
    expect(w.store.historyOf('a')).toHaveLength(1);
  });

  it('skips a candidate whose dossier already holds exactly that entry', async () => {
    const { w, bulk } = three();
    w.store.items.get('a')!.dossier = { nomination: PAYLOAD };
    const response = await bulk([item('a')], 'bulk-2');
    expect(response.results[0]).toMatchObject({
      status: 'SKIPPED',
      reason: { code: 'ALREADY_RECORDED' },
    });
    expect((await w.store.getCandidate('a'))?.submission).toBeUndefined();
  });

  it('answers contention on one candidate with 503 for that candidate alone', async () => {
    const { w, bulk } = three();
    w.store.failWrites.set(
      'b',
      Object.assign(new Error('conflict'), { name: 'TransactionConflictException' }),
    );
    const response = await bulk([item('a'), item('b')]);
    expect(response.results[0].status).toBe('APPLIED');
    expect(response.results[1]).toMatchObject({ httpStatus: 503, error: { code: 'CONTENTION' } });
    expect(isContended(response)).toBe(true);
  });

  it('fails the whole request on any other error, for the client to replay', async () => {
    const { w, bulk } = three();
    w.store.failWrites.set('b', new Error('DynamoDB unavailable'));
    await expect(bulk([item('a'), item('b')])).rejects.toThrow('DynamoDB unavailable');
  });

  it('runs a precheck before writing anything', async () => {
    const { w } = three();
    const outcome = await runBulk([item('a')], (i) =>
      actOnCandidate(w, caller(), i, 'bulk-3', {
        precheck: () => {
          throw new (jest.requireActual('../../../functions/domain/refusal').Refusal)('conflict', {
            code: 'NOT_READY',
            message: 'Chưa sẵn sàng',
            message_en: 'Not ready',
          });
        },
      }),
    );
    expect(outcome.results[0]).toMatchObject({ status: 'REFUSED', error: { code: 'NOT_READY' } });
    expect((await w.store.getCandidate('a'))?.submission).toBeUndefined();
  });
});
