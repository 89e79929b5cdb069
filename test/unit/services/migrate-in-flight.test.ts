import { StaleCandidateError } from '../../../functions/adapters/candidate-store';
import { migrateInFlight } from '../../../functions/services/migrate-in-flight';
import { restartAtStage } from '../../../functions/services/restart-at-stage';
import { candidate, world } from '../fakes/builders';

/** Moving parked candidates onto the current state machine definition: next generation, old stopped. */

function running() {
  const w = world();
  w.store.put(
    candidate('a', { stage: 'CELL_RESOLUTION' }),
    candidate('r', {
      stage: 'RECOGNITION_CELL_REVIEW',
      dossier: { ceremony: { ceremonyDate: '2024-06-01' } },
    }),
    candidate('m', { stage: 'ADMITTED' }),
    candidate('x', { stage: 'REJECTED' }),
  );
  for (const id of ['a', 'r']) {
    const phase = id === 'r' ? 'recognition' : 'admission';
    w.workflow.executions.push({ phase, name: `${id}-g1`, input: {}, status: 'RUNNING' });
  }
  return w;
}

describe('migrateInFlight', () => {
  it('restarts each parked candidate on a new generation and stops the superseded execution', async () => {
    const w = running();
    const lines: string[] = [];
    const report = await migrateInFlight(w, { log: (l) => lines.push(l) });
    expect(report).toEqual({ inFlight: 2, migrated: 2, movedMeanwhile: 0 });
    expect((await w.store.getCandidate('a'))?.execution).toEqual({ name: 'a-g2', generation: 2 });
    expect(w.workflow.find('a-g1', 'admission')?.status).toBe('ABORTED');
    expect(w.workflow.find('a-g2', 'admission')).toMatchObject({
      status: 'RUNNING',
      input: { candidateId: 'a', resumeFrom: 'CELL_RESOLUTION' },
    });
    expect(w.workflow.find('r-g2', 'recognition')?.status).toBe('RUNNING');
    expect(w.workflow.find('r-g1', 'recognition')?.status).toBe('ABORTED');
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain('Bí Mật');
  });

  it('a dry run counts and changes nothing', async () => {
    const w = running();
    expect(await migrateInFlight(w, { dryRun: true })).toEqual({
      inFlight: 2,
      migrated: 0,
      movedMeanwhile: 0,
    });
    expect((await w.store.getCandidate('a'))?.execution.generation).toBe(1);
    expect(w.workflow.executions.every((e) => e.status === 'RUNNING')).toBe(true);
  });

  it('leaves a candidate that moved meanwhile to its own next execution', async () => {
    const w = running();
    const record = w.store.recordExecution.bind(w.store);
    w.store.recordExecution = async (before, execution) => {
      if (before.id === 'a') throw new StaleCandidateError('moved');
      return record(before, execution);
    };
    expect(await migrateInFlight(w)).toEqual({ inFlight: 2, migrated: 1, movedMeanwhile: 1 });
    expect(w.workflow.find('a-g1', 'admission')?.status).toBe('RUNNING');
  });
});

describe('restartAtStage', () => {
  it('records the next generation before starting it, so the old execution is stale at once', async () => {
    const w = world();
    const c1 = candidate('c1', { stage: 'SPONSORSHIP' });
    w.store.put(c1);
    const order: string[] = [];
    const deps = {
      store: {
        recordExecution: async (...args: Parameters<typeof w.store.recordExecution>) => {
          order.push('record');
          return w.store.recordExecution(...args);
        },
      },
      workflow: Object.assign(w.workflow, {
        start: async (name: string) => {
          order.push(`start ${name}`);
        },
      }),
    };
    expect(await restartAtStage(deps, { ...c1, stage: 'SPONSORSHIP' })).toEqual({
      superseded: 'c1-g1',
    });
    expect(order).toEqual(['record', 'start c1-g2']);
    // The same restart from the stale copy finds the item moved: nothing is started.
    expect(await restartAtStage(deps, { ...c1, stage: 'SPONSORSHIP' })).toBeUndefined();
    expect(order).toEqual(['record', 'start c1-g2', 'record']);
  });
});
