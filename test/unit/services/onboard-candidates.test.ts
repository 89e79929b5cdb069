import { DuplicatePersonError } from '../../../functions/adapters/candidate-store';
import { type Caller } from '../../../functions/domain/caller';
import { type Candidate } from '../../../functions/domain/candidate';
import { type HistoryEvent } from '../../../functions/domain/history-event';
import { TEMPLATE_EXAMPLE } from '../../../functions/domain/onboarding/template';
import { type OrgUnit } from '../../../functions/domain/org-unit';
import {
  type OnboardingDependencies,
  onboardCandidates,
} from '../../../functions/services/onboard-candidates';

/**
 * The onboarding service on in-memory fakes of its ports: what it writes, what it starts, and
 * how each row answers — including a row imported before whose start a crash cut short.
 */
const UNITS: Record<string, OrgUnit> = {
  'dd-xltbd-kythuat': {
    id: 'dd-xltbd-kythuat',
    name: 'Chi bộ Phòng Kỹ thuật',
    level: 'CELL',
    parentId: 'dd-xltbd',
    path: ['hn', 'hn-dongda', 'dd-kdn', 'dd-xltbd', 'dd-xltbd-kythuat'],
    effectiveFrom: '2020-01-01',
  } as OrgUnit,
  'tt-ngoquyen': {
    id: 'tt-ngoquyen',
    name: 'Chi bộ Công ty TNHH Ngô Quyền',
    level: 'GRASSROOTS_CELL',
    parentId: 'tt-kdn',
    path: ['hn', 'hn-thanhtri', 'tt-kdn', 'tt-ngoquyen'],
    effectiveFrom: '2020-01-01',
  } as OrgUnit,
};
const CALLER: Caller = {
  userId: 'u-1',
  name: 'Phạm Thu Nhập',
  roles: ['committee-officer'],
  unitId: 'dd-kdn',
};

function fakes(options: { duplicateOf?: { id: string; path: string[] } } = {}) {
  const candidates = new Map<string, Candidate>();
  const histories = new Map<string, HistoryEvent[]>();
  const started: { name: string; resumeFrom: string }[] = [];
  const deps = {
    store: {
      getUnit: async (id: string) => UNITS[id],
      getCandidate: async (id: string) => candidates.get(id),
      createOnboardedCandidate: async (candidate: Candidate, events: HistoryEvent[]) => {
        if (options.duplicateOf) {
          throw new DuplicatePersonError(options.duplicateOf.id, options.duplicateOf.path);
        }
        candidates.set(candidate.id, candidate);
        histories.set(candidate.id, events);
      },
    },
    workflow: {
      start: async (name: string, input: { resumeFrom: string }) => {
        started.push({ name, resumeFrom: input.resumeFrom });
      },
    },
    schedules: { scheduleStart: async () => 'created' },
    now: () => new Date('2026-12-06T03:00:00Z'),
    fingerprintKey: Buffer.alloc(32, 7),
  } as unknown as OnboardingDependencies;
  return { deps, candidates, histories, started };
}

const file = (rows: Record<string, string>[]) => ({
  fileName: 'f.csv',
  sha256: 'abc',
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});

describe('onboardCandidates', () => {
  it('writes the candidate with its history, then starts its workflow at its stage', async () => {
    const { deps, candidates, histories, started } = fakes();
    const report = await onboardCandidates(deps, CALLER, file([TEMPLATE_EXAMPLE]));
    expect(report).toMatchObject({ rows: 1, applied: 1, skipped: 0, refused: 0 });
    const id = report.results[0].candidateId!;
    expect(candidates.get(id)).toMatchObject({ stage: 'CELL_RESOLUTION', version: 6 });
    expect(histories.get(id)).toHaveLength(6);
    expect(started).toEqual([{ name: `${id}-g1`, resumeFrom: 'CELL_RESOLUTION' }]);
  });

  it('skips a row imported before and completes a start a crash cut short', async () => {
    const { deps, candidates, started } = fakes();
    await onboardCandidates(deps, CALLER, file([TEMPLATE_EXAMPLE]));
    const [id] = candidates.keys();
    started.length = 0; // as if the process died between the write and the start
    const again = await onboardCandidates(deps, CALLER, file([TEMPLATE_EXAMPLE]));
    expect(again.results).toEqual([
      { row: 2, status: 'SKIPPED', candidateId: id, stage: 'CELL_RESOLUTION' },
    ]);
    expect(started).toEqual([{ name: `${id}-g1`, resumeFrom: 'CELL_RESOLUTION' }]);
  });

  it('answers a row outside the subtree as a unit that does not exist, before anything else', async () => {
    const { deps, candidates } = fakes();
    const outside = { ...TEMPLATE_EXAMPLE, unitId: 'tt-ngoquyen', nationalId: 'bad' };
    const report = await onboardCandidates(deps, CALLER, file([outside]));
    expect(report.results[0]).toMatchObject({
      status: 'REFUSED',
      error: { code: 'UNIT_NOT_FOUND', status: 404, field: 'unitId' },
    });
    expect(candidates.size).toBe(0);
  });

  it('names the other open file of the person only to someone who may see it', async () => {
    const inside = fakes({ duplicateOf: { id: 'c-other', path: UNITS['dd-xltbd-kythuat'].path } });
    const seen = await onboardCandidates(inside.deps, CALLER, file([TEMPLATE_EXAMPLE]));
    expect(seen.results[0].error).toMatchObject({
      code: 'DUPLICATE_NOMINATION',
      status: 409,
      details: { candidateId: 'c-other' },
    });
    const outside = fakes({ duplicateOf: { id: 'c-other', path: UNITS['tt-ngoquyen'].path } });
    const hidden = await onboardCandidates(outside.deps, CALLER, file([TEMPLATE_EXAMPLE]));
    expect(hidden.results[0].error).toMatchObject({
      code: 'NOMINATION_REFERRED_UPWARD',
      status: 409,
    });
    expect(JSON.stringify(hidden.results[0].error)).not.toContain('c-other');
    expect(outside.started).toEqual([]);
  });

  it('refuses a role that may not import before reading any row', async () => {
    const { deps } = fakes();
    await expect(
      onboardCandidates(deps, { ...CALLER, roles: ['approver'] }, file([TEMPLATE_EXAMPLE])),
    ).rejects.toMatchObject({ kind: 'forbidden', body: { code: 'ROLE_NOT_ALLOWED' } });
  });
});
