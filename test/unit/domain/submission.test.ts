import { type Candidate } from '../../../functions/domain/candidate';
import { Refusal } from '../../../functions/domain/refusal';
import { prepareSubmission } from '../../../functions/domain/submission';
import { applySubmission } from '../../../functions/domain/transition';

const now = new Date('2025-03-10T03:00:00Z');
const actor = {
  userId: 'u-1',
  name: 'Trần Thị Bình',
  role: 'cell-officer' as const,
  unitId: 'dd-kdn',
};
const ids = { submissionId: 's-1', idempotencyKey: 'key-00000001', now, actor };

function candidateAt(stage: Candidate['stage'], version = 4): Candidate {
  return {
    id: 'c1',
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1995-04-02',
    nominationSource: 'YOUTH_UNION',
    nominatedBy: actor,
    nationalIdFingerprint: 'f'.repeat(64),
    nationalIdMasked: '*********345',
    unitId: 'dd-tbdl1',
    unitPath: ['hn', 'hn-dongda', 'dd-kdn', 'dd-tbdl1'],
    stage,
    version,
    createdAt: '2025-01-02T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
    stageEnteredAt: '2025-01-02T00:00:00.000Z',
    dossier: {},
    execution: { name: 'c1-g1', generation: 1 },
  };
}

function refusalOf(run: () => unknown): Refusal {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const cellVote = {
  meetingDate: '2025-03-10',
  officialMembers: 7,
  excludedMembers: 1,
  excludedMembersAttending: 0,
  votesFor: 4,
  votesAgainst: 2,
};

describe('prepareSubmission', () => {
  it('accepts a valid action and computes where it leads', () => {
    const submission = prepareSubmission(
      candidateAt('CELL_RESOLUTION'),
      { action: 'recordCellResolution', expectedVersion: 4, payload: cellVote },
      ids,
    );
    expect(submission).toMatchObject({
      stage: 'CELL_RESOLUTION',
      outcome: 'passed',
      toStage: 'GRASSROOTS_RESOLUTION',
    });
  });

  it('refuses an unknown action with 400 UNKNOWN_ACTION', () => {
    const refusal = refusalOf(() =>
      prepareSubmission(
        candidateAt('APPLICATION'),
        { action: 'approveEverything', expectedVersion: 4 },
        ids,
      ),
    );
    expect(refusal.kind).toBe('invalid');
    expect(refusal.body).toMatchObject({ code: 'UNKNOWN_ACTION', field: 'action' });
    expect(refusal.body.message).toMatch(/approveEverything/);
    expect(refusal.body.message_en).toMatch(/approveEverything/);
  });

  it('refuses an action of another stage with 409 and names both stages', () => {
    const refusal = refusalOf(() =>
      prepareSubmission(
        candidateAt('APPLICATION'),
        { action: 'recordCeremony', expectedVersion: 4, payload: { ceremonyDate: '2025-03-01' } },
        ids,
      ),
    );
    expect(refusal.kind).toBe('conflict');
    expect(refusal.body.code).toBe('ACTION_NOT_ALLOWED_AT_STAGE');
    expect(refusal.body.message).toContain('Đơn và lý lịch');
    expect(refusal.body.message_en).toContain('Application and background form');
  });

  it('refuses a stale expectedVersion with 409 and the current version', () => {
    const refusal = refusalOf(() =>
      prepareSubmission(
        candidateAt('CEREMONY', 9),
        { action: 'recordCeremony', expectedVersion: 8, payload: { ceremonyDate: '2025-03-01' } },
        ids,
      ),
    );
    expect(refusal.kind).toBe('conflict');
    expect(refusal.body).toMatchObject({ code: 'VERSION_CONFLICT', field: 'expectedVersion' });
    expect(refusal.body.details).toMatchObject({ currentVersion: 9 });
  });

  it('refuses a malformed payload with 400 naming the field', () => {
    const refusal = refusalOf(() =>
      prepareSubmission(
        candidateAt('CELL_RESOLUTION'),
        {
          action: 'recordCellResolution',
          expectedVersion: 4,
          payload: { ...cellVote, meetingDate: '10/03/2025' },
        },
        ids,
      ),
    );
    expect(refusal.kind).toBe('invalid');
    expect(refusal.body).toMatchObject({ code: 'INVALID_PAYLOAD', field: 'payload.meetingDate' });
    expect(refusal.body.message).toMatch(/YYYY-MM-DD/);
  });

  it('refuses more votes than voting members', () => {
    const refusal = refusalOf(() =>
      prepareSubmission(
        candidateAt('CELL_RESOLUTION'),
        {
          action: 'recordCellResolution',
          expectedVersion: 4,
          payload: { ...cellVote, votesFor: 6, votesAgainst: 1 },
        },
        ids,
      ),
    );
    expect(refusal.body).toMatchObject({ code: 'INVALID_PAYLOAD', field: 'payload.votesFor' });
    expect(refusal.body.message_en).toMatch(/More votes than voting members/);
  });

  it('refuses a second action while one is being applied', () => {
    const candidate = candidateAt('CEREMONY');
    candidate.submission = {
      id: 's-0',
      stage: 'CEREMONY',
      action: 'recordCeremony',
      payload: {},
      outcome: 'held',
      toStage: 'ADMITTED',
      idempotencyKey: 'other-key-1',
      submittedAt: now.toISOString(),
      actor,
    };
    const refusal = refusalOf(() =>
      prepareSubmission(
        candidate,
        { action: 'recordCeremony', expectedVersion: 4, payload: { ceremonyDate: '2025-03-01' } },
        ids,
      ),
    );
    expect(refusal.body.code).toBe('STEP_ALREADY_DECIDED');
  });

  it('refuses any action on a closed candidate', () => {
    const refusal = refusalOf(() =>
      prepareSubmission(
        candidateAt('ADMITTED'),
        {
          action: 'withdraw',
          expectedVersion: 4,
          payload: { reason: 'MOVED_AWAY', effectiveOn: '2025-03-01' },
        },
        ids,
      ),
    );
    expect(refusal.body.code).toBe('ACTION_NOT_ALLOWED_AT_STAGE');
  });
});

describe('applySubmission', () => {
  it('moves the candidate, bumps the version and records the event with the same sequence', () => {
    const before = candidateAt('CELL_RESOLUTION');
    before.submission = prepareSubmission(
      before,
      { action: 'recordCellResolution', expectedVersion: 4, payload: cellVote },
      ids,
    );
    before.pendingStep = {
      stage: 'CELL_RESOLUTION',
      taskToken: 't',
      executionArn: 'arn',
      parkedAt: now.toISOString(),
    };
    const { candidate, event } = applySubmission(before, before.submission, now);
    expect(candidate).toMatchObject({ stage: 'GRASSROOTS_RESOLUTION', version: 5 });
    expect(candidate.pendingStep).toBeUndefined();
    expect(candidate.submission).toBeUndefined();
    expect(candidate.dossier.cellResolution).toEqual(cellVote);
    expect(event).toMatchObject({
      seq: 5,
      fromStage: 'CELL_RESOLUTION',
      toStage: 'GRASSROOTS_RESOLUTION',
      outcome: 'passed',
      submissionId: 's-1',
      actor: { userId: 'u-1', role: 'cell-officer' },
    });
    expect(JSON.stringify(event)).not.toContain(before.dateOfBirth);
  });
});
