import { type Candidate } from '../../../functions/domain/candidate';
import { refusalOf } from '../rules/refusal-of';
import { prepareSubmission } from '../../../functions/domain/submission';

/**
 * Issue 13: a history from 2016 on can be recorded, each rule judged under the version in force
 * on the day it is applied; nothing dated after today (Vietnam) and acts stay in order.
 */
const actor = { userId: 'u-1', name: 'Trần Thị Bình', role: 'cell-officer' as const, unitId: 'c' };

function candidateAt(
  stage: Candidate['stage'],
  dossier: Candidate['dossier'] = {},
  dateOfBirth = '1990-04-02',
): Candidate {
  return {
    id: 'c1',
    fullName: 'Nguyễn Văn An',
    dateOfBirth,
    nominationSource: 'YOUTH_UNION',
    nominatedBy: actor,
    nationalIdFingerprint: 'f'.repeat(64),
    nationalIdMasked: '*********345',
    unitId: 'dd-tbdl1',
    unitPath: ['hn', 'hn-dongda', 'dd-kdn', 'dd-tbdl1'],
    stage,
    version: 4,
    createdAt: '2016-01-02T00:00:00.000Z',
    updatedAt: '2016-01-02T00:00:00.000Z',
    stageEnteredAt: '2016-01-02T00:00:00.000Z',
    dossier,
    execution: { name: 'c1-g1', generation: 1 },
  };
}

function submit(candidate: Candidate, action: string, payload: unknown, now: string) {
  return prepareSubmission(
    candidate,
    { action, expectedVersion: 4, payload },
    { submissionId: 's-1', idempotencyKey: 'key-00000001', now: new Date(now), actor },
  );
}

const vote = {
  officialMembers: 7,
  excludedMembers: 0,
  excludedMembersAttending: 0,
  votesFor: 6,
  votesAgainst: 1,
};

describe('policy history from 2016 (failed before: POLICY_NOT_IN_FORCE)', () => {
  it("a certificate's issue date never selects the policy: one issued before the first version is recorded", () => {
    const submission = submit(
      candidateAt('AWARENESS_CLASS'),
      'recordClassResult',
      { result: 'PASSED', certificateNumber: 'CN-2020-17', issuedOn: '2016-03-01' },
      '2025-03-10T03:00:00Z',
    );
    expect(submission.outcome).toBe('passed');
  });

  it.each([
    ['2021-03-15', 'QD29-2016'],
    ['2021-07-29', 'QD29-2016'],
    ['2021-07-30', 'QD24-2021'],
  ])('a cell meeting on %s is judged under %s', (meetingDate, version) => {
    const candidate = candidateAt('CELL_RESOLUTION', {
      awarenessClass: { certificateNumber: 'CN-17', issuedOn: '2017-05-04' },
    });
    const submission = submit(
      candidate,
      'recordCellResolution',
      { meetingDate, ...vote },
      '2025-03-10T03:00:00Z',
    );
    expect(submission).toMatchObject({ policyVersion: version, outcome: 'passed' });
  });

  it('a certificate of 2017 is valid for 60 months at a 2021 meeting, expired at a 2022 one', () => {
    const candidate = candidateAt('CELL_RESOLUTION', {
      awarenessClass: { certificateNumber: 'CN-17', issuedOn: '2017-05-04' },
    });
    const at = (meetingDate: string) =>
      submit(candidate, 'recordCellResolution', { meetingDate, ...vote }, '2025-03-10T03:00:00Z');
    expect(at('2022-05-04').outcome).toBe('passed');
    expect(at('2022-05-05').outcome).toBe('certificateExpired');
  });
});

describe('no event after today in Vietnam (failed before: accepted)', () => {
  // 2025-03-10T18:00Z is already 2025-03-11 in Vietnam.
  const lateEvening = '2025-03-10T18:00:00Z';

  it.each([
    [
      'recordCellResolution',
      'CELL_RESOLUTION',
      { meetingDate: '2027-03-10', ...vote },
      'payload.meetingDate',
    ],
    [
      'decideAdmission',
      'ADMISSION_DECISION',
      { decision: 'APPROVE', decisionNumber: 'QĐ 1', decisionDate: '2025-03-12' },
      'payload.decisionDate',
    ],
    ['recordCeremony', 'CEREMONY', { ceremonyDate: '2025-04-01' }, 'payload.ceremonyDate'],
    [
      'recordSponsorship',
      'SPONSORSHIP',
      {
        sponsors: [
          { kind: 'MEMBER', name: 'A', togetherSince: '2023-01-01', documentDate: '2025-03-01' },
          { kind: 'MEMBER', name: 'B', togetherSince: '2026-01-01', documentDate: '2025-03-01' },
        ],
      },
      'payload.sponsors.1.togetherSince',
    ],
  ])('%s dated after today is refused, naming the field', (action, stage, payload, field) => {
    const refusal = refusalOf(() =>
      submit(candidateAt(stage as Candidate['stage']), action, payload, lateEvening),
    );
    expect(refusal.kind).toBe('invalid');
    expect(refusal.body).toMatchObject({ code: 'DATE_IN_FUTURE', field });
    expect(refusal.body.details).toMatchObject({ today: '2025-03-11' });
    expect(refusal.body.message).toContain('11/03/2025');
  });

  it("today in Vietnam is accepted although UTC's day is still yesterday", () => {
    const submission = submit(
      candidateAt('CELL_RESOLUTION'),
      'recordCellResolution',
      { meetingDate: '2025-03-11', ...vote },
      lateEvening,
    );
    expect(submission.outcome).toBe('passed');
  });

  it('a class may be planned ahead: enrolment dates are not events', () => {
    const submission = submit(
      candidateAt('AWARENESS_CLASS'),
      'enrolInClass',
      { classId: 'L-2025-05', startsOn: '2025-05-05', endsOn: '2025-05-09' },
      lateEvening,
    );
    expect(submission.outcome).toBe('enrolled');
  });
});

describe('acts stay in order (failed before: accepted)', () => {
  it('an admission decision dated before the cell meeting is refused', () => {
    const candidate = candidateAt('ADMISSION_DECISION', {
      cellResolution: { meetingDate: '2024-06-10', ...vote },
    });
    const refusal = refusalOf(() =>
      submit(
        candidate,
        'decideAdmission',
        { decision: 'APPROVE', decisionNumber: 'QĐ 1', decisionDate: '2024-06-01' },
        '2025-03-10T03:00:00Z',
      ),
    );
    expect(refusal.body).toMatchObject({
      code: 'DATE_BEFORE_PREVIOUS_STEP',
      field: 'payload.decisionDate',
    });
    expect(refusal.body.details).toMatchObject({ previous: '2024-06-10' });
  });

  it('a ceremony dated before the decision is refused', () => {
    const candidate = candidateAt('CEREMONY', {
      cellResolution: { meetingDate: '2024-06-10', ...vote },
      admissionDecision: {
        decision: 'APPROVE',
        decisionNumber: 'QĐ 1',
        decisionDate: '2024-07-01',
      },
    });
    const refusal = refusalOf(() =>
      submit(candidate, 'recordCeremony', { ceremonyDate: '2024-06-20' }, '2025-03-10T03:00:00Z'),
    );
    expect(refusal.body).toMatchObject({
      code: 'DATE_BEFORE_PREVIOUS_STEP',
      field: 'payload.ceremonyDate',
    });
  });
});
