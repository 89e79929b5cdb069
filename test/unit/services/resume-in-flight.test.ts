import { CheckpointMovedError } from '../../../functions/adapters/checkpoint-store';
import { describeResumeFailure } from '../../../functions/observability/resume-failure';
import {
  type ResumeFailure,
  resumeInFlight,
  type SweepReport,
} from '../../../functions/services/resume-in-flight';
import { candidate } from '../fakes/builders';
import { FakeSchedules, FakeWorkflow } from '../fakes/fake-workflow';
import { InMemoryCandidates } from '../fakes/in-memory-candidates';
import { InMemoryCheckpoints } from '../fakes/in-memory-checkpoints';

/** The resume job on in-memory fakes of its ports: each candidate repaired on its own. */

const CEREMONY = { ceremony: { ceremonyDate: '2025-06-19' } };
/** Probation of a 19 June 2025 ceremony ends on 19 June 2026; the wake-up is 00:00 in Hà Nội. */
const WAKE_UP = Date.parse('2026-06-18T17:00:00Z');
const HOUR = 60 * 60 * 1000;

function setUp(now: number) {
  const store = new InMemoryCandidates();
  const workflow = new FakeWorkflow();
  const schedules = new FakeSchedules();
  const checkpoints = new InMemoryCheckpoints();
  const failures: ResumeFailure[] = [];
  const pass = (options?: Parameters<typeof resumeInFlight>[1]): Promise<SweepReport> =>
    resumeInFlight(
      {
        store,
        workflow,
        schedules,
        checkpoints,
        now: () => new Date(now),
        onFailure: (failure) => failures.push(failure),
      },
      options,
    );
  return { store, workflow, schedules, checkpoints, failures, pass };
}

const admitted = (id: string, scheduled = true) =>
  candidate(id, {
    stage: 'ADMITTED',
    dossier: CEREMONY,
    execution: { name: `${id}-g1`, generation: 1 },
    ...(scheduled ? { probationSchedule: { name: `probation-${id}`, wakesOn: '2026-06-19' } } : {}),
  });

describe('resume job: one bad file never stops the pass', () => {
  it('resumes the candidates around a corrupt item and counts the corrupt one as a failure', async () => {
    const { store, workflow, failures, pass } = setUp(Date.parse('2025-07-01T00:00:00Z'));
    store.put(candidate('a'));
    // No execution record at all: reading its generation throws.
    store.put({ ...candidate('broken'), execution: undefined } as never);
    store.put(candidate('b', { stage: 'CEREMONY' }));
    const report = await pass();
    expect(report).toMatchObject({ inFlight: 3, resumed: 2, failures: 1 });
    expect(workflow.executions.map((e) => [e.name, e.input]).sort()).toEqual([
      ['a-g2', { candidateId: 'a', resumeFrom: 'CELL_RESOLUTION' }],
      ['b-g2', { candidateId: 'b', resumeFrom: 'CEREMONY' }],
    ]);
    expect(failures.map((f) => f.candidateId)).toEqual(['broken']);
  });

  it('goes on past a refused write, and logs the failure without what the error quoted', async () => {
    const { store, workflow, failures, pass } = setUp(Date.parse('2025-07-01T00:00:00Z'));
    store.put(candidate('a'), candidate('b'), admitted('c', false));
    store.failWrites.set(
      'a',
      Object.assign(new Error('Item {fullName: Nguyễn Văn Bí Mật, dateOfBirth: 1996-08-17}'), {
        name: 'ValidationException',
      }),
    );
    const report = await pass();
    expect(report).toMatchObject({ resumed: 1, probationSchedules: 1, failures: 1 });
    expect(workflow.executions.map((e) => e.name)).toEqual(['b-g2']);
    const logged = describeResumeFailure(failures[0]);
    expect(logged).toMatchObject({ candidateId: 'a', errorName: 'ValidationException' });
    expect(logged.thrownAt).toContain('resume-in-flight.test.ts');
    expect(JSON.stringify(logged)).not.toMatch(/Bí Mật|1996-08-17/);
  });

  it('lets a failure of the listing itself through: there is no pass without it', async () => {
    const { store, pass } = setUp(Date.now());
    store.listInFlight = () => Promise.reject(new Error('table unreachable'));
    await expect(pass()).rejects.toThrow('table unreachable');
  });
});

describe('repair sweep: bounded, checkpointed', () => {
  const ids = Array.from({ length: 25 }, (_, i) => `c${String(i).padStart(2, '0')}`);

  it('reads only the files in flight: ended files are not in the index', async () => {
    const { store, workflow, pass } = setUp(Date.parse('2025-07-01T00:00:00Z'));
    store.put(...ids.map((id) => candidate(id)));
    store.put(...ids.map((id) => candidate(`done-${id}`, { stage: 'REJECTED' })));
    const report = await pass({ pageSize: 10 });
    expect(report).toMatchObject({ read: 25, resumed: 25, passesFinished: 1 });
    expect(report.resumeAt).toBeUndefined();
    expect(workflow.executions).toHaveLength(25);
  });

  it('stops when its time is up, and the next run resumes from the checkpoint', async () => {
    const { store, workflow, checkpoints, pass } = setUp(Date.parse('2025-07-01T00:00:00Z'));
    store.put(...ids.map((id) => candidate(id)));
    let pages = 0;
    const first = await pass({ pageSize: 4, timeUp: () => pages++ >= 2 });
    expect(first).toMatchObject({ pages: 2, passesFinished: 0 });
    expect(first.resumeAt).toBeDefined();
    expect(checkpoints.saved.get('repair-sweep')).toMatchObject({ position: first.resumeAt });
    const repairedFirst = new Set(workflow.executions.map((e) => e.name));
    expect(repairedFirst.size).toBe(first.read);

    const second = await pass({ pageSize: 4 });
    // It went on from where the first stopped, wrapped round, and stopped where it began.
    expect(second.passesFinished).toBe(1);
    const names = workflow.executions.map((e) => e.name);
    expect(new Set(names).size).toBe(25);
    expect(names).toHaveLength(25);
  });

  it('stops, rather than overwrite, when another run moved the checkpoint meanwhile', async () => {
    const { store, checkpoints, workflow, pass } = setUp(Date.parse('2025-07-01T00:00:00Z'));
    store.put(...ids.map((id) => candidate(id)));
    const list = store.listInFlight.bind(store);
    store.listInFlight = async (from, limit) => {
      const page = await list(from, limit);
      // Another run saves its own position while this one repairs its page.
      const other = await checkpoints.load('repair-sweep');
      await checkpoints.save('repair-sweep', other, { position: { shard: 2 }, passesCompleted: 0 });
      return page;
    };
    await expect(pass({ pageSize: 4 })).rejects.toThrow(CheckpointMovedError);
    // The page it had read was repaired; the other run's position stands.
    expect(workflow.executions.length).toBeLessThanOrEqual(4);
    expect(checkpoints.saved.get('repair-sweep')).toMatchObject({ position: { shard: 2 } });
  });
});

describe('resume job: a member still on probation after its end', () => {
  it('leaves a member alone until an hour after the wake-up', async () => {
    const { store, workflow, pass } = setUp(WAKE_UP + HOUR - 1);
    store.put(admitted('m'));
    expect(await pass()).toMatchObject({ probationRepairs: 0, failures: 0 });
    expect(workflow.executions).toEqual([]);
  });

  it('starts recognition once at its scheduled entry, under the next generation', async () => {
    const { store, workflow, pass } = setUp(WAKE_UP + HOUR);
    store.put(admitted('m'));
    expect(await pass()).toMatchObject({ probationRepairs: 1, failures: 0 });
    expect(workflow.executions).toEqual([
      { phase: 'recognition', name: 'm-g2', input: { candidateId: 'm' }, status: 'RUNNING' },
    ]);
    // The next pass finds that execution running: nothing more is started.
    expect(await pass()).toMatchObject({ probationRepairs: 0, failures: 0 });
    expect(workflow.executions).toHaveLength(1);
  });

  it('reports, rather than retries, a repair execution that ended with the member still admitted', async () => {
    const { store, workflow, failures, pass } = setUp(WAKE_UP + 2 * HOUR);
    store.put(admitted('m'));
    await pass();
    workflow.executions[0].status = 'FAILED';
    expect(await pass()).toMatchObject({ probationRepairs: 0, failures: 1 });
    expect(workflow.executions).toHaveLength(1);
    expect(String((failures[0].error as Error).message)).toContain('m-g2');
  });

  it('schedules (rather than starts) a member whose wake-up was never recorded', async () => {
    const { store, workflow, schedules, pass } = setUp(WAKE_UP + 2 * HOUR);
    store.put(admitted('m', false));
    expect(await pass()).toMatchObject({ probationSchedules: 1, probationRepairs: 0 });
    expect(schedules.created.map((s) => s.name)).toEqual(['probation-m']);
    expect(workflow.executions).toEqual([]);
  });

  it('leaves members who moved on, and a recognised member, alone', async () => {
    const { store, workflow, pass } = setUp(WAKE_UP + 2 * HOUR);
    store.put(candidate('o', { stage: 'OFFICIAL', dossier: CEREMONY }));
    store.put(
      candidate('r', {
        stage: 'RECOGNITION_CELL_REVIEW',
        dossier: CEREMONY,
        execution: { name: 'scheduler-run', generation: 2 },
      }),
    );
    workflow.executions.push({
      phase: 'recognition',
      name: 'scheduler-run',
      input: {},
      status: 'RUNNING',
    });
    expect(await pass()).toMatchObject({ inFlight: 1, resumed: 0, probationRepairs: 0 });
    expect(workflow.executions).toHaveLength(1);
  });
});
