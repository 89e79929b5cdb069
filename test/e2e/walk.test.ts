import { DescribeExecutionCommand, GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { humanStage, type HumanStageId } from '../../functions/domain/pipeline';
import { type ApiClient, nationalIdFor } from './support/api-client';
import { awsClients } from './support/aws-clients';
import { DEMO_NOMINATION, HAPPY_PATH } from './support/happy-path';
import { demoOfficers } from './support/officers';
import { READY_MARKER, type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';

let runtime: RuntimeProcess;
let api: ApiClient;
let officers: Awaited<ReturnType<typeof demoOfficers>>;

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  officers = await demoOfficers(runtime);
  api = officers.cell;
});
afterAll(() => runtime?.stop());

describe('one candidate from nomination to ADMITTED, over HTTP only', () => {
  it('walks every stage and leaves a complete history and a succeeded execution', async () => {
    const nominationKey = randomUUID();
    const nominated = await api.nominate(DEMO_NOMINATION, nominationKey);
    expect(nominated.status).toBe(201);
    expect(nominated.body).toMatchObject({
      stage: 'NOMINATED',
      stageLabel: 'Quần chúng ưu tú được giới thiệu',
      version: 1,
      unitPath: ['hn', 'hn-dongda', 'dd-kdn', 'dd-xltbd', 'dd-xltbd-kythuat'],
    });
    const id = nominated.body.id as string;
    expect(nominated.headers.get('location')).toBe(`/candidates/${id}`);

    const keys: string[] = [];
    for (const step of HAPPY_PATH) {
      const parked = await api.waitForStage(id, step.stage);
      expect(parked.awaiting.actions.map((a: { action: string }) => a.action)).toContain(
        step.action,
      );
      expect(JSON.stringify(parked)).not.toMatch(/taskToken/);
      const key = randomUUID();
      keys.push(key);
      const accepted = await officers
        .forAction(step.stage, step.action)
        .act(
          id,
          { action: step.action, expectedVersion: parked.version, payload: step.payload },
          key,
        );
      expect(accepted.status).toBe(202);
      expect(accepted.body).toMatchObject({
        status: 'ACCEPTED',
        fromStage: step.stage,
        resultingVersion: parked.version + 1,
      });
    }

    const admitted = await api.waitForStage(id, 'ADMITTED');
    expect(admitted).toMatchObject({
      status: 'CLOSED',
      version: 10,
      stageLabel: 'Đảng viên dự bị',
    });
    expect(admitted.dossier.admissionDecision).toMatchObject({ decisionNumber: '125-QĐ/ĐUK' });

    const history = admitted.history as Record<string, unknown>[];
    expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(history[0]).toMatchObject({
      type: 'NOMINATED',
      toStage: 'NOMINATED',
      idempotencyKey: nominationKey,
    });
    const expectedStages = [...HAPPY_PATH.map((s) => s.stage), 'ADMITTED'];
    HAPPY_PATH.forEach((step, i) => {
      expect(history[i + 1]).toMatchObject({
        type: 'TRANSITION',
        fromStage: step.stage,
        toStage: expectedStages[i + 1],
        action: step.action,
        payload: step.payload,
        idempotencyKey: keys[i],
        actor: {
          role: humanStage(step.stage as HumanStageId).actions.find((a) => a.id === step.action)!
            .actor,
        },
      });
    });
    expect(history[0]).toMatchObject({
      actor: { name: 'Trần Thị Bình', role: 'cell-officer', unitId: 'dd-kdn' },
    });
    expect(history[8]).toMatchObject({ actor: { name: 'Vũ Mạnh Chiến', role: 'approver' } });
    // Where an officer acted from is for the audit export only (audit.test.ts).
    expect((history[1] as { actor: { sourceIp?: string } }).actor.sourceIp).toBeUndefined();
    expect(JSON.stringify(history)).not.toContain(DEMO_NOMINATION.dateOfBirth);

    // Each parked step told the people who must act, in their unit's inbox, and only them.
    const inbox = async (role: string, unit: string) => {
      const response = await fetch(`${runtime.url}/inbox.json?role=${role}&unit=${unit}`);
      const body = (await response.json()) as {
        notifications: { stage: string; subject: string; body: string }[];
      };
      return body.notifications.filter((n) => n.body.includes(id));
    };
    const told = {
      cell: await inbox('cell-officer', 'dd-xltbd-kythuat'),
      committee: await inbox('committee-officer', 'dd-xltbd'),
      approver: await inbox('approver', 'dd-kdn'),
    };
    expect(told.cell.map((n) => n.stage).sort()).toEqual(
      [
        'NOMINATED',
        'AWARENESS_CLASS',
        'APPLICATION',
        'SPONSORSHIP',
        'CELL_RESOLUTION',
        'CEREMONY',
      ].sort(),
    );
    expect(told.committee.map((n) => n.stage).sort()).toEqual([
      'BACKGROUND_CHECK',
      'GRASSROOTS_RESOLUTION',
    ]);
    expect(told.approver.map((n) => n.stage)).toEqual(['ADMISSION_DECISION']);
    expect(told.approver[0].body).toContain('Nguyễn Văn An');
    expect(told.approver[0].body).toContain('Quyết định kết nạp');
    const everything = JSON.stringify(told);
    expect(everything).not.toContain(DEMO_NOMINATION.dateOfBirth);
    expect(everything).not.toContain('17/08/1996');

    // Personal data never reaches logs, notifications or any stored item other than the candidate.
    const rawId = nationalIdFor(DEMO_NOMINATION);
    // Only what the running system wrote: the start-up banner shows a sample nomination.
    const logs = runtime.output().split(READY_MARKER)[1];
    expect(logs).toContain('Transition applied'); // the functions' logs were captured
    for (const secret of [DEMO_NOMINATION.dateOfBirth, '17/08/1996', rawId]) {
      expect(logs).not.toContain(secret);
    }
    const { documents: scanClient } = awsClients(runtime);
    const everyItem = JSON.stringify(
      (await scanClient.send(new ScanCommand({ TableName: runtime.tableName }))).Items,
    );
    expect(everyItem).toContain(id);
    expect(everyItem).not.toContain(rawId);

    // The execution that carried the candidate is the one the synthesized state machine ran.
    const { sfn, documents } = awsClients(runtime);
    const executionArn = `${runtime.stateMachineArn.replace(':stateMachine:', ':execution:')}:${id}-g1`;
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(execution.status).toBe('SUCCEEDED');
    const events = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }),
    );
    const entered = (events.events ?? [])
      .filter((e) => e.type?.endsWith('StateEntered'))
      .map((e) => e.stateEnteredEventDetails?.name);
    for (const step of HAPPY_PATH) {
      expect(entered).toContain(`Await_${step.stage}`);
      expect(entered).toContain(`Apply_${step.stage}`);
    }
    expect(entered[entered.length - 1]).toBe('ADMITTED');

    // What DynamoDB holds: no pending step or submission left behind.
    const { Item } = await documents.send(
      new GetCommand({ TableName: runtime.tableName, Key: { PK: `CAND#${id}`, SK: 'META' } }),
    );
    expect(Item).toMatchObject({ stage: 'ADMITTED', version: 10 });
    // The retired listing indexes are no longer written.
    expect(Object.keys(Item!).filter((name) => /^GSI[12]/.test(name))).toEqual([]);
    expect(Item!.pendingStep).toBeUndefined();
    expect(Item!.submission).toBeUndefined();
  });
});
