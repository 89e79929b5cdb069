import { type Account } from '../../../functions/domain/account';
import { type Caller } from '../../../functions/domain/caller';
import { type Candidate } from '../../../functions/domain/candidate';
import { type OrgUnit } from '../../../functions/domain/org-unit';
import { Refusal, type RefusalBody } from '../../../functions/domain/refusal';
import { FakeNotifier, FakeSchedules, FakeWorkflow } from './fake-workflow';
import { InMemoryCandidates } from './in-memory-candidates';

/** A small tree: a city committee, a district committee, a grassroots committee and its cell. */
const UNITS: OrgUnit[] = [
  {
    id: 'hn',
    name: 'Thành ủy Hà Nội',
    level: 'CITY_COMMITTEE',
    path: ['hn'],
    effectiveFrom: '2020-01-01',
  },
  {
    id: 'hn-dongda',
    name: 'Quận ủy Đống Đa',
    level: 'DISTRICT_COMMITTEE',
    parentId: 'hn',
    path: ['hn', 'hn-dongda'],
    effectiveFrom: '2020-01-01',
  },
  {
    id: 'dd-kdn',
    name: 'Đảng ủy Khối doanh nghiệp',
    level: 'GRASSROOTS',
    parentId: 'hn-dongda',
    path: ['hn', 'hn-dongda', 'dd-kdn'],
    effectiveFrom: '2020-01-01',
    decidingBody: 'UPPER_STANDING_COMMITTEE',
  },
  {
    id: 'dd-kythuat',
    name: 'Chi bộ Phòng Kỹ thuật',
    level: 'CELL',
    parentId: 'dd-kdn',
    path: ['hn', 'hn-dongda', 'dd-kdn', 'dd-kythuat'],
    effectiveFrom: '2020-01-01',
  },
];

export const CELL_PATH = ['hn', 'hn-dongda', 'dd-kdn', 'dd-kythuat'];

/** An enabled officer's account (a cell officer at cb-1 unless told), digest on, version 1. */
export function officerAccount(userId: string, fields: Partial<Account> = {}): Account {
  return {
    userId,
    username: userId,
    email: `${userId}@example.vn`,
    name: `Đồng chí ${userId}`,
    unitId: 'cb-1',
    roles: ['cell-officer'],
    enabled: true,
    digest: true,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...fields,
  };
}

export function caller(fields: Partial<Caller> = {}): Caller {
  return {
    userId: 'officer-1',
    name: 'Trần Văn Cán Bộ',
    roles: ['cell-officer'],
    unitId: 'dd-kythuat',
    ...fields,
  };
}

/** A candidate as the table holds it, at the cell of the small tree. */
export function candidate(id: string, fields: Partial<Candidate> = {}): Candidate {
  return {
    id,
    fullName: 'Nguyễn Văn Bí Mật',
    dateOfBirth: '1996-08-17',
    nationalIdFingerprint: `fp-${id}`,
    nationalIdMasked: '********1234',
    nominationSource: 'YOUTH_UNION',
    nominatedBy: {
      userId: 'nominator',
      name: 'Cán bộ',
      role: 'cell-officer',
      unitId: 'dd-kythuat',
    },
    unitId: 'dd-kythuat',
    unitPath: CELL_PATH,
    stage: 'CELL_RESOLUTION',
    version: 5,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-05-01T00:00:00.000Z',
    stageEnteredAt: '2025-05-01T00:00:00.000Z',
    dossier: {},
    execution: { name: `${id}-g1`, generation: 1 },
    ...fields,
  } as Candidate;
}

/** The refusal a service answers with; fails the test when it answers or throws anything else. */
export async function refusalFrom(run: Promise<unknown>): Promise<RefusalBody & { kind: string }> {
  try {
    await run;
  } catch (error) {
    if (error instanceof Refusal) return { kind: error.kind, ...error.body };
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A world of fakes at a fixed instant: the store (with the small tree), workflow, schedules, feed. */
export function world(at = '2025-07-01T03:00:00.000Z') {
  const store = new InMemoryCandidates().putUnits(...UNITS);
  const workflow = new FakeWorkflow();
  const schedules = new FakeSchedules();
  const notifier = new FakeNotifier();
  let now = new Date(at);
  return {
    store,
    workflow,
    schedules,
    notifier,
    classes: store.classes,
    now: () => new Date(now),
    setNow: (instant: string) => {
      now = new Date(instant);
    },
  };
}
