import { executionStatusChangeEvent } from '../../../functions/ops/execution-status-event';
import { repairEndedExecution } from '../../../functions/services/repair-execution';
import { executionStatusChangeEvent as localEvent } from '../../../lib/local/event-rules';
import { candidate } from '../fakes/builders';
import { FakeSchedules, FakeWorkflow } from '../fakes/fake-workflow';
import { InMemoryCandidates } from '../fakes/in-memory-candidates';

function setUp() {
  const store = new InMemoryCandidates();
  const workflow = new FakeWorkflow();
  const deps = {
    store: Object.assign(store, { getCandidate: async (id: string) => store.items.get(id) }),
    workflow,
    schedules: new FakeSchedules(),
    now: () => new Date('2025-07-01T00:00:00Z'),
    supersededError: 'Superseded',
  };
  return { store, workflow, deps };
}

describe('repair of an execution that ended without a terminal stage', () => {
  it('gives its candidate the next generation, parked where the item says', async () => {
    const { store, workflow, deps } = setUp();
    store.put(candidate('c1'));
    const outcome = await repairEndedExecution(deps, {
      candidateId: 'c1',
      executionName: 'c1-g1',
      status: 'FAILED',
      error: 'States.TaskFailed',
    });
    expect(outcome).toBe('repaired');
    expect(workflow.executions).toEqual([
      {
        phase: 'admission',
        name: 'c1-g2',
        input: { candidateId: 'c1', resumeFrom: 'CELL_RESOLUTION' },
        status: 'RUNNING',
      },
    ]);
    expect(store.items.get('c1')?.execution).toEqual({ name: 'c1-g2', generation: 2 });
  });

  it('leaves a superseded execution, a live current one and an unknown id alone', async () => {
    const { store, workflow, deps } = setUp();
    store.put(candidate('c1', { execution: { name: 'c1-g2', generation: 2 } }));
    workflow.executions.push({ phase: 'admission', name: 'c1-g2', input: {}, status: 'RUNNING' });
    const ended = { candidateId: 'c1', executionName: 'c1-g1' } as const;
    expect(
      await repairEndedExecution(deps, { ...ended, status: 'ABORTED', error: 'Superseded' }),
    ).toBe('superseded');
    expect(await repairEndedExecution(deps, { ...ended, status: 'TIMED_OUT' })).toBe(
      'nothing-to-repair',
    );
    expect(
      await repairEndedExecution(deps, { ...ended, candidateId: 'nobody', status: 'FAILED' }),
    ).toBe('unknown-candidate');
    expect(workflow.executions).toHaveLength(1);
  });

  it('parses the event the local runtime puts on the bus, and refuses a SUCCEEDED one', () => {
    const machine = 'arn:aws:states:us-east-1:000000000000:stateMachine:S-admission';
    const event = localEvent(
      {
        executionArn: `${machine.replace(':stateMachine:', ':execution:')}:c1-g1`,
        stateMachineArn: machine,
        name: 'c1-g1',
        status: 'FAILED',
        startDate: new Date(0),
        stopDate: new Date(1000),
        input: '{"candidateId":"c1","resumeFrom":"CEREMONY"}',
        inputDetails: { included: true },
        error: 'States.Timeout',
        redriveCount: 0,
        redriveStatus: 'NOT_REDRIVABLE',
      },
      { region: 'us-east-1', accountId: '000000000000', now: 1000 },
    );
    const parsed = executionStatusChangeEvent.parse(event);
    expect(parsed.detail).toMatchObject({
      name: 'c1-g1',
      status: 'FAILED',
      input: { candidateId: 'c1' },
    });
    expect(
      executionStatusChangeEvent.safeParse({
        ...event,
        detail: { ...event.detail, status: 'SUCCEEDED' },
      }).success,
    ).toBe(false);
  });
});
