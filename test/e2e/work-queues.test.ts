import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/adapters/table-keys';
import { vietnamToday } from '../../functions/domain/quota/report';
import { awsClients } from './support/aws-clients';
import { type ApiClient } from './support/api-client';
import { DEMO_NOMINATION, HAPPY_PATH } from './support/happy-path';
import { moveClock } from './support/clock';
import { officerClient } from './support/officers';
import { type RuntimeProcess, startRuntimeProcess } from './support/runtime-process';
import { createUnits, seedCandidates, type SeedSpec } from './support/seed-candidates';

let runtime: RuntimeProcess;
let admin: ApiClient;

beforeAll(async () => {
  runtime = await startRuntimeProcess();
  admin = await officerClient(runtime, { roles: ['admin'], unitId: 'hn' });
  await createUnits(admin, [
    { id: 'wq-g', name: 'Đảng ủy Công ty Hàng đợi', level: 'GRASSROOTS', parentId: 'hn-thanhtri' },
    { id: 'wq-c1', name: 'Chi bộ Một', level: 'CELL', parentId: 'wq-g' },
    { id: 'wq-c2', name: 'Chi bộ Hai', level: 'CELL', parentId: 'wq-g' },
    { id: 'wq-c3', name: 'Chi bộ Ba', level: 'CELL', parentId: 'wq-g' },
  ]);
});
afterAll(() => runtime?.stop());

type Item = {
  id: string;
  escalationLevel?: number;
  fullName: string;
  unitId: string;
  stage: string;
  dueOn?: string;
  overdue: boolean;
  stageEnteredAt: string;
};

/** Every page of a listing, following nextCursor. */
async function allPages(api: ApiClient, path: string): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await api.request('GET', `${path}${cursor ? `${sep}cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    items.push(...(page.body.items as Item[]));
    cursor = page.body.nextCursor as string | undefined;
    pages++;
  } while (cursor);
  return { items, pages };
}

const position = (i: Item) => `${i.dueOn ?? '9999-12-31'}#${i.stageEnteredAt}#${i.id}`;

describe('work queues over 1,000 candidates', () => {
  const STAGES = [
    'NOMINATED',
    'AWARENESS_CLASS',
    'CELL_RESOLUTION',
    'ADMISSION_DECISION',
    'CEREMONY',
  ];
  const today = vietnamToday(new Date());
  let seeded: { id: string; stage: string; dueOn?: string; unitId: string }[];

  beforeAll(async () => {
    // Three cells of one grassroots organisation, five stages, due dates around today.
    const specs: SeedSpec[] = Array.from({ length: 1000 }, (_, i) => {
      const stage = STAGES[i % STAGES.length];
      const dated = stage === 'ADMISSION_DECISION' || stage === 'CEREMONY';
      const day = new Date(Date.UTC(2026, 0, 1) + ((i * 7) % 600) * 86_400_000);
      return {
        fullName: `Người thứ ${i}`,
        unitPath: ['hn', 'hn-thanhtri', 'wq-g', `wq-c${(i % 3) + 1}`],
        stage: stage as SeedSpec['stage'],
        ...(dated ? { dueOn: day.toISOString().slice(0, 10) } : {}),
        // Many share an instant: the id still orders them.
        stageEnteredAt: `2026-01-0${(i % 5) + 1}T00:00:00.000Z`,
      };
    });
    seeded = (await seedCandidates(runtime, specs)).map(({ id, stage, dueOn, unitId }) => ({
      id,
      stage,
      dueOn,
      unitId,
    }));
  }, 120_000);

  it('pages through the subtree returning each candidate exactly once, in position order', async () => {
    const officer = await officerClient(runtime, { roles: ['committee-officer'], unitId: 'wq-g' });
    const { items, pages } = await allPages(officer, '/candidates?unit=wq-g&limit=37');
    expect(items).toHaveLength(1000);
    expect(new Set(items.map((i) => i.id)).size).toBe(1000);
    expect(new Set(items.map((i) => i.id))).toEqual(new Set(seeded.map((s) => s.id)));
    expect(pages).toBe(Math.ceil(1000 / 37));
    const positions = items.map(position);
    expect(positions).toEqual([...positions].sort());
    // No personal data in a listing.
    expect(JSON.stringify(items)).not.toContain('1995-01-01');
  });

  it('filters by stage (several at once), by cell, overdue and due before a day', async () => {
    const officer = await officerClient(runtime, {
      roles: ['cell-officer'],
      unitId: 'hn-thanhtri',
    });
    const ceremony = await allPages(officer, '/candidates?unit=wq-g&stage=CEREMONY&limit=100');
    expect(ceremony.items.map((i) => i.id).sort()).toEqual(
      seeded
        .filter((s) => s.stage === 'CEREMONY')
        .map((s) => s.id)
        .sort(),
    );
    const two = await allPages(
      officer,
      '/candidates?unit=wq-c2&stage=CEREMONY,ADMISSION_DECISION&limit=50',
    );
    expect(two.items.map((i) => i.id).sort()).toEqual(
      seeded
        .filter((s) => s.unitId === 'wq-c2' && ['CEREMONY', 'ADMISSION_DECISION'].includes(s.stage))
        .map((s) => s.id)
        .sort(),
    );
    const overdue = await allPages(officer, '/candidates?unit=wq-g&overdue=true&limit=100');
    const expectedOverdue = seeded.filter((s) => s.dueOn && s.dueOn < today);
    expect(expectedOverdue.length).toBeGreaterThan(0);
    expect(overdue.items.map((i) => i.id).sort()).toEqual(expectedOverdue.map((s) => s.id).sort());
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    const before = await allPages(officer, '/candidates?unit=wq-g&dueBefore=2026-03-01&limit=100');
    expect(before.items.map((i) => i.id).sort()).toEqual(
      seeded
        .filter((s) => s.dueOn && s.dueOn < '2026-03-01')
        .map((s) => s.id)
        .sort(),
    );
  });

  it('refuses a cursor of another listing, a unit outside the scope, and a bad stage', async () => {
    const officer = await officerClient(runtime, { roles: ['cell-officer'], unitId: 'wq-c1' });
    const first = await officer.request('GET', '/candidates?limit=5');
    expect(first.status).toBe(200);
    expect((first.body.items as Item[]).every((i) => i.unitId === 'wq-c1')).toBe(true);
    const cursor = first.body.nextCursor as string;
    const other = await officer.request('GET', `/candidates?stage=CEREMONY&cursor=${cursor}`);
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ code: 'INVALID_CURSOR', field: 'cursor' });
    const outside = await officer.request('GET', '/candidates?unit=wq-g');
    expect(outside.status).toBe(404);
    expect(outside.body).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'unit' });
    const stage = await officer.request('GET', '/candidates?stage=CEREMONY,SOMEWHERE');
    expect(stage.status).toBe(400);
    expect(stage.body).toMatchObject({ code: 'INVALID_QUERY' });
  });

  it('GET /tasks: an approver sees the decisions of the subtree, soonest due first', async () => {
    const approver = await officerClient(runtime, { roles: ['approver'], unitId: 'wq-g' });
    const { items } = await allPages(approver, '/tasks?limit=40');
    const expected = seeded.filter((s) => s.stage === 'ADMISSION_DECISION');
    expect(items.map((i) => i.id).sort()).toEqual(expected.map((s) => s.id).sort());
    const dues = items.map((i) => i.dueOn!);
    expect(dues).toEqual([...dues].sort());
    expect(items[0].dueOn).toBe(expected.map((s) => s.dueOn!).sort()[0]);
    // A cell officer's tasks at one cell: its candidates at the cell's stages, dated first.
    const cell = await officerClient(runtime, { roles: ['cell-officer'], unitId: 'wq-c3' });
    const tasks = await allPages(cell, '/tasks?limit=100');
    expect(tasks.items.map((i) => i.id).sort()).toEqual(
      seeded
        .filter((s) => s.unitId === 'wq-c3' && s.stage !== 'ADMISSION_DECISION')
        .map((s) => s.id)
        .sort(),
    );
    const firstUndated = tasks.items.findIndex((i) => !i.dueOn);
    expect(tasks.items.slice(0, firstUndated).every((i) => i.stage === 'CEREMONY')).toBe(true);
    expect(tasks.items.slice(firstUndated).every((i) => !i.dueOn)).toBe(true);
    // Operators act on no step.
    const ops = await officerClient(runtime, { roles: ['ops-viewer'], unitId: 'hn' });
    const refused = await ops.request('GET', '/tasks');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });
});

describe('Vietnamese name search', () => {
  beforeAll(async () => {
    const cell = await officerClient(runtime, { roles: ['cell-officer'], unitId: 'wq-c1' });
    for (const fullName of [
      'Nguyễn Văn Đức',
      'Nguyễn Thị Hồng',
      'Đặng Văn Nguyên',
      'Trần Đức Anh',
    ]) {
      const nominated = await cell.nominate({ ...DEMO_NOMINATION, unitId: 'wq-c1', fullName });
      expect(nominated.status).toBe(201);
    }
  });

  it.each([
    ['Nguyen Van', ['Nguyễn Văn Đức']],
    ['nguyễn văn', ['Nguyễn Văn Đức']],
    ['NGUYEN', ['Nguyễn Văn Đức', 'Nguyễn Thị Hồng', 'Đặng Văn Nguyên']],
    ['duc', ['Nguyễn Văn Đức', 'Trần Đức Anh']],
    ['Đặng', ['Đặng Văn Nguyên']],
    ['dang van nguyen', ['Đặng Văn Nguyên']],
    ['Lê Văn', []],
  ])('q=%s finds %j', async (q, names) => {
    const cell = await officerClient(runtime, { roles: ['cell-officer'], unitId: 'wq-g' });
    const { items } = await allPages(
      cell,
      `/candidates?unit=wq-c1&stage=NOMINATED&q=${encodeURIComponent(q)}&limit=2`,
    );
    expect(items.map((i) => i.fullName).sort()).toEqual([...names].sort());
  });
});

describe('due dates stored at each transition', () => {
  it('a candidate awaiting the decision is due 60 working days after the cell meeting', async () => {
    const cell = await officerClient(runtime, { roles: ['cell-officer'], unitId: 'wq-c2' });
    const committee = await officerClient(runtime, {
      roles: ['committee-officer'],
      unitId: 'wq-c2',
    });
    const approver = await officerClient(runtime, { roles: ['approver'], unitId: 'wq-g' });
    const nominated = await cell.nominate({
      ...DEMO_NOMINATION,
      unitId: 'wq-c2',
      fullName: 'Hà Văn Hạn',
    });
    const id = nominated.body.id as string;
    for (const step of HAPPY_PATH.slice(0, 7)) {
      const api = ['BACKGROUND_CHECK', 'GRASSROOTS_RESOLUTION'].includes(step.stage)
        ? committee
        : cell;
      const parked = await api.waitForStage(id, step.stage);
      expect(parked.dueOn).toBeUndefined();
      const acted = await api.act(id, {
        action: step.action,
        expectedVersion: parked.version,
        payload: step.payload,
      });
      expect(acted.status).toBe(202);
    }
    const awaiting = await approver.waitForStage(id, 'ADMISSION_DECISION');
    // Cell meeting 2025-04-20 (HAPPY_PATH): 60 working days on the Vietnamese calendar.
    expect(awaiting.dueOn).toMatch(/^2025-07-\d\d$/);
    const { items } = await allPages(approver, '/tasks?limit=100');
    expect(items.find((i) => i.id === id)).toMatchObject({
      stage: 'ADMISSION_DECISION',
      dueOn: awaiting.dueOn,
      overdue: true,
    });
    // The most overdue first: 2025 comes before the seeded 2026 decisions.
    expect(items[0].id).toBe(id);
    decisionWaiting = id;
  });
});

describe('npm run queues:backfill', () => {
  it('lists a candidate written before work queues existed, once', async () => {
    // An item as the code before work queues wrote it: no search key, no due date, no entries.
    const id = 'cbackfill00000000001';
    const at = '2025-05-01T03:00:00.000Z';
    await awsClients(runtime).documents.send(
      new PutCommand({
        TableName: runtime.tableName,
        Item: {
          ...keys.candidate(id),
          entity: 'CANDIDATE',
          id,
          fullName: 'Lường Thị Đông',
          dateOfBirth: '1990-01-01',
          nationalIdFingerprint: 'legacy',
          nationalIdMasked: '*********999',
          nominationSource: 'CELL',
          unitId: 'wq-c3',
          unitPath: ['hn', 'hn-thanhtri', 'wq-g', 'wq-c3'],
          stage: 'ADMISSION_DECISION',
          version: 8,
          createdAt: at,
          updatedAt: at,
          stageEnteredAt: at,
          dossier: { cellResolution: { meetingDate: '2025-04-20' } },
          execution: { name: `${id}-g1`, generation: 1 },
        },
      }),
    );
    const officer = await officerClient(runtime, { roles: ['cell-officer'], unitId: 'wq-g' });
    const search = '/candidates?unit=wq-g&q=luong%20thi%20dong';
    expect((await officer.request('GET', search)).body.items).toEqual([]);

    const backfill = () =>
      promisify(execFile)(
        'npm',
        [
          'run',
          '-s',
          'queues:backfill',
          '--',
          '--endpoint',
          runtime.dynamoDbEndpoint,
          '--table',
          runtime.tableName,
        ],
        { cwd: `${__dirname}/../..` },
      );
    expect((await backfill()).stdout).toContain(
      'unlisted candidates listed in the work queues: 1 of 1',
    );
    const found = (await officer.request('GET', search)).body.items as Item[];
    expect(found).toEqual([
      expect.objectContaining({ id, stage: 'ADMISSION_DECISION', overdue: true }),
    ]);
    expect(found[0].dueOn).toMatch(/^2025-07-\d\d$/);
    // Nothing left to do the second time.
    expect((await backfill()).stdout).toContain(
      'unlisted candidates listed in the work queues: 0 of 0',
    );
  });
});

/** The candidate of the test above, overdue at the admission decision. */
let decisionWaiting: string;

// Last in this file: it moves the runtime's business clock forward.
describe('escalation of an overdue step in the work queues', () => {
  it('shows how far the deadline watch has escalated the step, as the candidate does', async () => {
    const approver = await officerClient(runtime, { roles: ['approver'], unitId: 'wq-g' });
    // Each wake plans the next (at most 7 days on): a reminder, then one level up per interval.
    for (let week = 0; week < 4; week++) await moveClock(runtime, { advanceDays: 8 });
    const { deadline } = (await approver.candidate(decisionWaiting)).body as {
      deadline: { escalationLevel: number; overdueNoticesSent: number };
    };
    expect(deadline.overdueNoticesSent).toBeGreaterThanOrEqual(2);
    expect(deadline.escalationLevel).toBeGreaterThanOrEqual(1);
    const { items } = await allPages(approver, '/tasks?limit=100');
    expect(items.find((i) => i.id === decisionWaiting)).toMatchObject({
      escalationLevel: deadline.escalationLevel,
      overdue: true,
    });
  });
});
