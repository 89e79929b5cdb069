import { type Candidate } from '../../../functions/domain/candidate';
import { documentChecklist, missingForCurrentStep } from '../../../functions/domain/documents';
import { probationOf } from '../../../functions/domain/recognition-rules';
import {
  policyInForce,
  recognitionDecisionDue,
  recognitionReviewDue,
} from '../../../functions/domain/rules';
import { prepareSubmission } from '../../../functions/domain/submission';
import { applySubmission } from '../../../functions/domain/transition';
import { refusalOf } from '../rules/refusal-of';

/**
 * Recognition after probation through the pipeline table (prepareSubmission → applySubmission):
 * deadlines from the END of the 12 months, 2/3 with the cell's denominator, escalation after the
 * third short vote, the grassroots stage skipped for a grassroots cell, OFFICIAL or REMOVED.
 */
const now = new Date('2027-06-01T03:00:00Z'); // after every date of the cases: none is in the future
const actor = { userId: 'u-1', name: 'Trần Thị Bình', role: 'cell-officer' as const, unitId: 'x' };
let n = 0;
const ids = () => ({ submissionId: `s-${++n}`, idempotencyKey: `key-${n}`, now, actor });

// Ceremony 31/8/2025 → the 12 months are complete on 31/8/2026.
const CEREMONY = '2025-08-31';
const PROBATION_ENDS = '2026-08-31';

function member(over: Partial<Candidate> = {}): Candidate {
  return {
    id: 'c1',
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1996-08-17',
    nominationSource: 'YOUTH_UNION',
    nominatedBy: actor,
    nationalIdFingerprint: 'f'.repeat(64),
    nationalIdMasked: '*********345',
    unitId: 'cell',
    unitPath: ['hn', 'ward', 'grassroots', 'cell'],
    unitLevel: 'CELL',
    stage: 'RECOGNITION_CELL_REVIEW',
    version: 12,
    createdAt: '2024-01-02T00:00:00.000Z',
    updatedAt: '2026-08-31T00:00:00.000Z',
    stageEnteredAt: '2026-08-31T00:00:00.000Z',
    dossier: {
      ceremony: { ceremonyDate: CEREMONY },
      admissionDecision: { decision: 'APPROVE', decisionNumber: '1', decisionDate: '2025-08-01' },
    },
    execution: { name: 'scheduler-run', generation: 2 },
    ...over,
  } as Candidate;
}

const review = (meetingDate: string, votesFor: number, extra = {}) => ({
  meetingDate,
  proposal: 'RECOGNISE',
  selfReviewOn: '2026-09-01',
  helperAssessmentOn: '2026-09-02',
  commentsSummaryOn: '2026-09-03',
  officialMembers: 9,
  excludedMembers: 0,
  excludedMembersAttending: 0,
  votesFor,
  votesAgainst: 9 - votesFor,
  ...extra,
});

function act(c: Candidate, action: string, payload: unknown): Candidate {
  const submission = prepareSubmission(c, { action, expectedVersion: c.version, payload }, ids());
  return applySubmission(c, submission, now).candidate;
}

describe('probation', () => {
  it.each([
    ['2025-08-31', '2026-08-31'],
    ['2024-02-29', '2025-02-28'],
    ['2025-01-31', '2026-01-31'],
  ])('ceremony %s → the 12 months are complete on %s', (ceremonyDate, endsOn) => {
    expect(probationOf({ dossier: { ceremony: { ceremonyDate } } }).endsOn).toBe(endsOn);
  });

  it('cannot start without a recorded ceremony', () => {
    expect(() => probationOf({ dossier: {} })).toThrow(/no recorded ceremony/);
  });
});

describe('cell review for official membership', () => {
  it('refuses a meeting before the 12 months are over, naming the dates', () => {
    const refusal = refusalOf(() =>
      act(member(), 'recordRecognitionCellReview', review('2026-08-30', 9)),
    );
    expect(refusal.kind).toBe('rule');
    expect(refusal.body).toMatchObject({
      code: 'RECOGNITION_BEFORE_PROBATION_END',
      field: 'payload.meetingDate',
      details: { date: '2026-08-30', previous: PROBATION_ENDS },
    });
    expect(refusal.body.message).toContain('30/08/2026');
    expect(refusal.body.message_en).toContain('2026-08-30');
  });

  it('refuses a self-review (10-KNĐ) dated after the meeting', () => {
    const refusal = refusalOf(() =>
      act(
        member(),
        'recordRecognitionCellReview',
        review('2026-09-05', 9, { selfReviewOn: '2026-09-06' }),
      ),
    );
    expect(refusal.body).toMatchObject({
      code: 'DOCUMENT_AFTER_MEETING',
      field: 'payload.selfReviewOn',
    });
  });

  it.each([
    [9, 0, 0, 6, 'RECOGNITION_GRASSROOTS'],
    [9, 0, 0, 5, 'RECOGNITION_CELL_REVIEW'],
    // Two on temporary transfer did not attend: the denominator is 7, so 5 pass and 4 do not.
    [9, 2, 0, 5, 'RECOGNITION_GRASSROOTS'],
    [9, 2, 0, 4, 'RECOGNITION_CELL_REVIEW'],
    [9, 2, 1, 5, 'RECOGNITION_CELL_REVIEW'],
    [3, 0, 0, 2, 'RECOGNITION_GRASSROOTS'],
  ])(
    '%i members, %i excluded, %i of them attending, %i for → %s',
    (officialMembers, excludedMembers, excludedMembersAttending, votesFor, next) => {
      const after = act(
        member(),
        'recordRecognitionCellReview',
        review('2026-09-10', votesFor, {
          officialMembers,
          excludedMembers,
          excludedMembersAttending,
          votesAgainst: 0,
        }),
      );
      expect(after.stage).toBe(next);
    },
  );

  it('holds the vote again after a short one and escalates after the third', () => {
    let c = member();
    const stages: string[] = [];
    for (const meetingDate of ['2026-09-10', '2026-09-24', '2026-10-08']) {
      c = act(c, 'recordRecognitionCellReview', review(meetingDate, 5));
      stages.push(c.stage);
    }
    expect(stages).toEqual([
      'RECOGNITION_CELL_REVIEW',
      'RECOGNITION_CELL_REVIEW',
      'RECOGNITION_GRASSROOTS',
    ]);
    expect(c.dossier.recognitionCellReview).toMatchObject({
      meetingDate: '2026-10-08',
      outcome: 'escalated',
      failedVotes: 3,
    });
    // An escalated case has no cell resolution (13-KNĐ) on file.
    expect(documentChecklist(c).find((d) => d.form === '13-KNĐ')).toMatchObject({
      present: false,
    });
  });

  it('sends a third short vote of a grassroots cell straight to the deciding committee', () => {
    let c = member({ unitLevel: 'GRASSROOTS_CELL' });
    for (const meetingDate of ['2026-09-10', '2026-09-24', '2026-10-08']) {
      c = act(c, 'recordRecognitionCellReview', review(meetingDate, 5));
    }
    expect(c.stage).toBe('RECOGNITION_DECISION');
  });

  it('refuses a second review dated on or before the previous one', () => {
    const once = act(member(), 'recordRecognitionCellReview', review('2026-09-10', 5));
    const refusal = refusalOf(() =>
      act(once, 'recordRecognitionCellReview', review('2026-09-10', 6)),
    );
    expect(refusal.body).toMatchObject({
      code: 'DATE_BEFORE_PREVIOUS_STEP',
      details: { previous: '2026-09-10' },
    });
  });

  it('counts the deadline from the end of the 12 months, and records a late meeting as late', () => {
    const policy = policyInForce(CEREMONY);
    const due = recognitionReviewDue(PROBATION_ENDS, policy).dueOn;
    const inTime = prepareSubmission(
      member(),
      {
        action: 'recordRecognitionCellReview',
        expectedVersion: 12,
        payload: review(due, 6, {
          selfReviewOn: due,
          helperAssessmentOn: due,
          commentsSummaryOn: due,
        }),
      },
      ids(),
    );
    expect(inTime.findings).toMatchObject({
      probationEndsOn: PROBATION_ENDS,
      reviewDueOn: due,
      late: false,
      attempt: 1,
    });
    const late = prepareSubmission(
      member(),
      {
        action: 'recordRecognitionCellReview',
        expectedVersion: 12,
        payload: review('2026-12-15', 6),
      },
      ids(),
    );
    expect(late.findings).toMatchObject({ reviewDueOn: due, late: true });
    expect(late.toStage).toBe('RECOGNITION_GRASSROOTS');
  });

  it('skips the grassroots review when the cell is itself grassroots', () => {
    const after = act(
      member({ unitLevel: 'GRASSROOTS_CELL' }),
      'recordRecognitionCellReview',
      review('2026-09-10', 6),
    );
    expect(after.stage).toBe('RECOGNITION_DECISION');
    expect(documentChecklist(after).map((d) => d.form)).not.toContain('15-KNĐ');
  });
});

describe('grassroots review and decision', () => {
  const atGrassroots = () => act(member(), 'recordRecognitionCellReview', review('2026-09-10', 7));
  const grassroots = (meetingDate: string, votesFor: number, extra = {}) => ({
    meetingDate,
    proposal: 'RECOGNISE',
    committeeMembers: 7,
    votesFor,
    votesAgainst: 7 - votesFor,
    ...extra,
  });

  it('needs 2/3 of the committee; short of it, the committee meets again', () => {
    expect(
      act(atGrassroots(), 'recordRecognitionGrassroots', grassroots('2026-09-20', 4)).stage,
    ).toBe('RECOGNITION_GRASSROOTS');
    expect(
      act(atGrassroots(), 'recordRecognitionGrassroots', grassroots('2026-09-20', 5)).stage,
    ).toBe('RECOGNITION_DECISION');
    const refusal = refusalOf(() =>
      act(atGrassroots(), 'recordRecognitionGrassroots', grassroots('2026-09-09', 7)),
    );
    expect(refusal.body).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP' });
  });

  it('recognises the member as official from the end of probation, even when decided late', () => {
    const decided = act(
      atGrassroots(),
      'recordRecognitionGrassroots',
      grassroots('2026-09-20', 6, {
        subCommitteeReportOn: '2026-09-15',
      }),
    );
    expect(missingForCurrentStep(decided)).toEqual([]);
    const policy = policyInForce('2026-09-20');
    const submission = prepareSubmission(
      decided,
      {
        action: 'decideRecognition',
        expectedVersion: decided.version,
        payload: { decision: 'RECOGNISE', decisionNumber: '31-QĐ/ĐU', decisionDate: '2027-01-15' },
      },
      { ...ids(), actor: { ...actor, role: 'approver' } },
    );
    expect(submission.toStage).toBe('OFFICIAL');
    expect(submission.findings).toEqual({
      officialSince: PROBATION_ENDS,
      decisionDueOn: recognitionDecisionDue('2026-09-20', policy).dueOn,
      late: true,
    });
    const official = applySubmission(decided, submission, now).candidate;
    expect(
      documentChecklist(official)
        .filter((d) => /^1[0-5]-KNĐ$/.test(d.form))
        .map((d) => [d.form, d.present, d.date]),
    ).toEqual([
      ['10-KNĐ', true, '2026-09-01'],
      ['11-KNĐ', true, '2026-09-02'],
      ['12-KNĐ', true, '2026-09-03'],
      ['13-KNĐ', true, '2026-09-10'],
      ['14-KNĐ', true, '2026-09-15'],
      ['15-KNĐ', true, '2026-09-20'],
    ]);
  });

  it('removes the member (xóa tên) on the decision, and refuses a decision before the resolution', () => {
    const decided = act(atGrassroots(), 'recordRecognitionGrassroots', grassroots('2026-09-20', 6));
    const removed = act(decided, 'decideRecognition', {
      decision: 'REMOVE',
      decisionNumber: '32-QĐ/ĐU',
      decisionDate: '2026-10-01',
      reason: 'Không đủ tư cách đảng viên',
    });
    expect(removed.stage).toBe('REMOVED');
    const refusal = refusalOf(() =>
      act(decided, 'decideRecognition', {
        decision: 'RECOGNISE',
        decisionNumber: '31-QĐ/ĐU',
        decisionDate: '2026-09-19',
      }),
    );
    expect(refusal.body).toMatchObject({
      code: 'DATE_BEFORE_PREVIOUS_STEP',
      field: 'payload.decisionDate',
      details: { date: '2026-09-19', previous: '2026-09-20' },
    });
  });

  it('refuses a recognition action at an admission stage', () => {
    const refusal = refusalOf(() =>
      act(member({ stage: 'CEREMONY' }), 'recordRecognitionCellReview', review('2026-09-10', 9)),
    );
    expect(refusal.kind).toBe('conflict');
    expect(refusal.body.code).toBe('ACTION_NOT_ALLOWED_AT_STAGE');
  });
});
