import { type Candidate } from '../../../functions/domain/candidate';
import { documentChecklist, missingForCurrentStep } from '../../../functions/domain/documents';
import { eligibilityPreCheck, type Nomination } from '../../../functions/domain/nomination';
import { type OrgUnit } from '../../../functions/domain/org-unit';
import { Refusal } from '../../../functions/domain/refusal';
import { prepareSubmission } from '../../../functions/domain/submission';
import { applySubmission } from '../../../functions/domain/transition';

/**
 * The rules as the pipeline table applies them: through prepareSubmission, with the policy in
 * force on the action's date recorded on the submission and its history event.
 */
const now = new Date('2027-06-01T03:00:00Z'); // after every date of the cases: none is in the future
const actor = {
  userId: 'u-1',
  name: 'Trần Thị Bình',
  role: 'cell-officer' as const,
  unitId: 'dd-kdn',
};
const ids = { submissionId: 's-1', idempotencyKey: 'key-00000001', now, actor };

const SPONSORSHIP = {
  sponsors: [
    {
      kind: 'MEMBER',
      name: 'Trần Thị Bình',
      official: true,
      togetherSince: '2023-03-01',
      documentDate: '2025-04-10',
    },
    { kind: 'YOUTH_UNION_RESOLUTION', documentDate: '2025-04-11' },
  ],
};

function candidate(stage: Candidate['stage'], over: Partial<Candidate> = {}): Candidate {
  return {
    id: 'c1',
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1996-08-17',
    nominationSource: 'YOUTH_UNION',
    nominatedBy: actor,
    nationalIdFingerprint: 'f'.repeat(64),
    nationalIdMasked: '*********345',
    unitId: 'dd-xltbd-kythuat',
    unitPath: ['hn', 'hn-dongda', 'dd-kdn', 'dd-xltbd', 'dd-xltbd-kythuat'],
    unitLevel: 'CELL',
    unitAreas: [],
    educationLevel: 'UPPER_SECONDARY',
    youthUnionMember: true,
    tradeUnionMember: false,
    stage,
    version: 4,
    createdAt: '2025-01-02T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
    stageEnteredAt: '2025-01-02T00:00:00.000Z',
    dossier: {
      awarenessClass: { result: 'PASSED', certificateNumber: 'CN 1', issuedOn: '2025-02-14' },
      application: { applicationReceivedOn: '2025-02-20', backgroundFormReceivedOn: '2025-02-20' },
      sponsorship: SPONSORSHIP,
    },
    execution: { name: 'c1-g1', generation: 1 },
    ...over,
  } as Candidate;
}

function submit(c: Candidate, action: string, payload: unknown) {
  return prepareSubmission(c, { action, expectedVersion: c.version, payload }, ids);
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

const vote = (meetingDate: string, officialMembers: number, votesFor: number, extra = {}) => ({
  meetingDate,
  officialMembers,
  excludedMembers: 0,
  excludedMembersAttending: 0,
  votesFor,
  votesAgainst: 0,
  ...extra,
});

describe('cell resolution: the 2/3 rule with its denominator', () => {
  it.each([
    // denominator, for, outcome
    [3, 2, 'passed'],
    [3, 1, 'failed'],
    [4, 3, 'passed'],
    [4, 2, 'failed'],
    [5, 4, 'passed'],
    [5, 3, 'failed'],
    [7, 5, 'passed'],
    [7, 4, 'failed'],
    [9, 6, 'passed'],
    [9, 5, 'failed'],
  ])('denominator %i with %i for → %s', (members, votesFor, outcome) => {
    const s = submit(
      candidate('CELL_RESOLUTION'),
      'recordCellResolution',
      vote('2025-04-20', members, votesFor),
    );
    expect(s.outcome).toBe(outcome);
    expect(s.findings?.vote).toMatchObject({
      denominator: members,
      votesNeeded: Math.ceil((2 * members) / 3),
    });
  });

  it.each([
    // 9 members, 3 excluded of whom 1 attended: denominator 7, 5 needed
    [
      { officialMembers: 9, excludedMembers: 3, excludedMembersAttending: 1, votesFor: 5 },
      7,
      'passed',
    ],
    [
      { officialMembers: 9, excludedMembers: 3, excludedMembersAttending: 1, votesFor: 4 },
      7,
      'failed',
    ],
    [
      { officialMembers: 9, excludedMembers: 3, excludedMembersAttending: 0, votesFor: 4 },
      6,
      'passed',
    ],
  ])(
    'excluded members who attended count again: %o → denominator %i, %s',
    (v, denominator, outcome) => {
      const s = submit(candidate('CELL_RESOLUTION'), 'recordCellResolution', {
        ...vote('2025-04-20', 0, 0),
        ...v,
      });
      expect(s.findings?.vote).toMatchObject({ denominator });
      expect(s.outcome).toBe(outcome);
    },
  );

  it('sends a passed vote of a cell that is itself grassroots straight to the admission decision', () => {
    const s = submit(
      candidate('CELL_RESOLUTION', { unitLevel: 'GRASSROOTS_CELL' }),
      'recordCellResolution',
      vote('2025-04-20', 5, 4),
    );
    expect(s).toMatchObject({ outcome: 'passedAtGrassrootsCell', toStage: 'ADMISSION_DECISION' });
  });
});

describe('cell resolution: age by month at the meeting date', () => {
  it.each([
    // born, meeting, expected
    ['2007-05-20', '2025-04-30', 'AGE_BELOW_MINIMUM'], // the month before the 18th birthday
    ['2007-05-20', '2025-05-01', 'passed'], // the month of the 18th birthday counts
    ['1965-03-15', '2025-03-31', 'passed'], // last day of the month the candidate turns 60
    ['1965-03-15', '2025-04-01', 'AGE_ABOVE_MAXIMUM'], // the first day over 60
  ])('born %s, meeting %s → %s', (dateOfBirth, meetingDate, expected) => {
    const c = candidate('CELL_RESOLUTION', {
      dateOfBirth,
      dossier: {
        awarenessClass: { result: 'PASSED', certificateNumber: 'CN 1', issuedOn: '2025-01-14' },
        sponsorship: {
          sponsors: [
            {
              kind: 'MEMBER',
              name: 'A',
              official: true,
              togetherSince: '2020-01-01',
              documentDate: '2025-03-10',
            },
            {
              kind: 'MEMBER',
              name: 'B',
              official: true,
              togetherSince: '2020-01-01',
              documentDate: '2025-03-10',
            },
          ],
        },
      },
    });
    const run = () => submit(c, 'recordCellResolution', vote(meetingDate, 5, 4));
    if (expected === 'passed') {
      expect(run().outcome).toBe('passed');
    } else {
      const refusal = refusalOf(run);
      expect(refusal.kind).toBe('rule');
      expect(refusal.body.code).toBe(expected);
      expect(refusal.body.message).toContain(meetingDate.split('-').reverse().join('/'));
      expect(refusal.body.message_en).toContain(meetingDate);
    }
  });

  it('admits someone over 60 only with a consent recorded before the meeting', () => {
    const c = candidate('CELL_RESOLUTION', {
      dateOfBirth: '1965-03-15',
      dossier: { sponsorship: { sponsors: [{ kind: 'MEMBER', documentDate: '2026-02-01' }] } },
    });
    const consent = { over60Consent: { givenOn: '2026-02-15', reference: '12-CV/TU' } };
    expect(
      submit(c, 'recordCellResolution', vote('2026-03-02', 5, 4, consent)).findings?.age,
    ).toMatchObject({
      consentUsed: true,
    });
    const late = { over60Consent: { givenOn: '2026-03-03' } };
    expect(
      refusalOf(() => submit(c, 'recordCellResolution', vote('2026-03-02', 5, 4, late))).body.code,
    ).toBe('AGE_CONSENT_NOT_PRIOR');
  });
});

describe('cell resolution: readmission of a former member (36 months after leaving, once)', () => {
  const former = (leftOn: string) =>
    candidate('CELL_RESOLUTION', {
      formerMembership: { leftOn, previousReadmissions: 0 },
      dossier: {
        awarenessClass: { result: 'PASSED', certificateNumber: 'CN 1', issuedOn: '2025-02-14' },
        sponsorship: SPONSORSHIP,
      },
    });

  it.each([
    ['2022-05-01', 'passed', '2025-05-01'], // 36 months to the day
    ['2022-05-02', 'READMISSION_TOO_SOON', '2025-05-02'],
  ])('left %s, meeting 2025-05-01 → %s', (leftOn, expected, earliest) => {
    const run = () => submit(former(leftOn), 'recordCellResolution', vote('2025-05-01', 5, 4));
    if (expected === 'passed') {
      const judged = run();
      expect(judged.outcome).toBe('passed');
      expect(judged.findings?.readmission).toEqual({ earliestMeetingDate: earliest });
    } else {
      const refusal = refusalOf(run);
      expect(refusal.kind).toBe('rule');
      expect(refusal.body.code).toBe(expected);
      expect(refusal.body.details).toMatchObject({ earliestMeetingDate: earliest });
      expect(refusal.body.message).toContain('01/05/2025');
    }
  });

  it('judges nobody who never left the Party', () => {
    const judged = submit(candidate('CELL_RESOLUTION'), 'recordCellResolution', {
      ...vote('2025-05-01', 5, 4),
    });
    expect(judged.findings).not.toHaveProperty('readmission');
  });
});

describe('cell resolution: certificate validity and dossier freshness (EXPIRED path)', () => {
  const withCertificate = (issuedOn: string, sponsorDate: string) =>
    candidate('CELL_RESOLUTION', {
      dossier: {
        awarenessClass: { result: 'PASSED', certificateNumber: 'CN 9', issuedOn },
        sponsorship: {
          sponsors: [
            {
              kind: 'MEMBER',
              name: 'A',
              official: true,
              togetherSince: '2015-01-01',
              documentDate: sponsorDate,
            },
            {
              kind: 'MEMBER',
              name: 'B',
              official: true,
              togetherSince: '2015-01-01',
              documentDate: sponsorDate,
            },
          ],
        },
      },
    });

  it.each([
    ['2020-03-15', '2025-03-15', 'passed', 'AWARENESS_CLASS'], // its last valid day
    ['2020-03-15', '2025-03-16', 'certificateExpired', 'AWARENESS_CLASS'], // the day after
  ])('certificate issued %s, meeting %s → %s', (issuedOn, meetingDate, outcome) => {
    const s = submit(
      withCertificate(issuedOn, '2025-03-01'),
      'recordCellResolution',
      vote(meetingDate, 5, 4),
    );
    expect(s.outcome).toBe(outcome);
    if (outcome === 'certificateExpired') {
      expect(s.toStage).toBe('AWARENESS_CLASS');
      expect(s.findings?.expired).toMatchObject({
        rule: 'AWARENESS_CERTIFICATE_EXPIRED',
        issuedOn,
        lastValidDay: '2025-03-15',
        meetingDate,
      });
    } else {
      expect(s.toStage).toBe('GRASSROOTS_RESOLUTION');
    }
  });

  it.each([
    ['2025-04-10', '2026-04-10', 'passed'], // 12 months to the day: still fresh
    ['2025-04-10', '2026-04-11', 'dossierStale'],
  ])('dossier current since %s, meeting %s → %s', (since, meetingDate, outcome) => {
    const s = submit(
      withCertificate('2025-02-14', since),
      'recordCellResolution',
      vote(meetingDate, 5, 4),
    );
    expect(s.outcome).toBe(outcome);
    if (outcome === 'dossierStale') {
      expect(s.toStage).toBe('SPONSORSHIP');
      expect(s.findings?.expired).toMatchObject({
        rule: 'DOSSIER_STALE',
        currentSince: since,
        lastFreshDay: '2026-04-10',
      });
    }
  });

  it('records the expiry with its policy in history; a pass on the retake returns to the cell meeting', () => {
    const before = withCertificate('2020-03-15', '2025-03-01');
    const s = submit(before, 'recordCellResolution', vote('2025-07-02', 5, 4));
    const { candidate: back, event } = applySubmission(before, s, now);
    expect(event).toMatchObject({
      toStage: 'AWARENESS_CLASS',
      outcome: 'certificateExpired',
      policyVersion: 'QD294-2025',
      findings: { expired: { rule: 'AWARENESS_CERTIFICATE_EXPIRED', lastValidDay: '2025-03-15' } },
    });
    expect(missingForCurrentStep(back)).toEqual(['CN-NTVĐ']);
    const retake = submit(back, 'recordClassResult', {
      result: 'PASSED',
      certificateNumber: 'CN 10',
      issuedOn: '2025-08-01',
    });
    expect(retake).toMatchObject({ outcome: 'passedAfterExpiry', toStage: 'CELL_RESOLUTION' });
  });
});

describe('policy versions', () => {
  it.each([
    ['2025-01-19', 'QD24-2021'],
    ['2025-01-20', 'QD232-2025'],
    ['2025-06-30', 'QD232-2025'],
    ['2025-07-01', 'QD294-2025'],
  ])('a cell meeting on %s is judged by %s and records it', (meetingDate, version) => {
    const c = candidate('CELL_RESOLUTION', {
      dossier: { sponsorship: { sponsors: [{ kind: 'MEMBER', documentDate: '2025-01-02' }] } },
    });
    const s = submit(c, 'recordCellResolution', vote(meetingDate, 3, 2));
    expect(s.policyVersion).toBe(version);
    expect(s.findings?.vote).toMatchObject({ policyVersion: version });
    expect(applySubmission(c, s, now).event.policyVersion).toBe(version);
  });
});

describe('sponsorship through checkSponsors', () => {
  it('accepts a Đoàn resolution and one member of 12 months together', () => {
    const s = submit(candidate('SPONSORSHIP'), 'recordSponsorship', SPONSORSHIP);
    expect(s.findings).toMatchObject({ route: 'YOUTH_UNION_AND_MEMBER' });
  });

  it.each([
    [{ togetherSince: '2024-04-11' }, 'SPONSOR_TOGETHER_TOO_SHORT'],
    [{ togetherSince: '2024-04-11', replacementAssignedOn: '2025-03-01' }, null],
    [{ official: false }, 'SPONSOR_NOT_OFFICIAL_MEMBER'],
  ])('member %o → %s', (change, code) => {
    const payload = {
      sponsors: [{ ...SPONSORSHIP.sponsors[0], ...change }, SPONSORSHIP.sponsors[1]],
    };
    const run = () => submit(candidate('SPONSORSHIP'), 'recordSponsorship', payload);
    if (!code) expect(run().outcome).toBe('sponsored');
    else {
      const refusal = refusalOf(run);
      expect(refusal.kind).toBe('rule');
      expect(refusal.body).toMatchObject({ code, details: { policyVersion: 'QD232-2025' } });
      expect(refusal.body.message_en).toContain('2025-04-10');
    }
  });

  it('refuses a resolution dated before the candidate was born', () => {
    // Born after the first policy took effect (so one is in force), nominated young, and a
    // sponsoring resolution typed with a date before the birth.
    const young = candidate('SPONSORSHIP', { dateOfBirth: '2020-08-17', dossier: {} });
    const payload = {
      sponsors: [
        { ...SPONSORSHIP.sponsors[0], togetherSince: '2017-03-01', documentDate: '2019-01-01' },
        { kind: 'YOUTH_UNION_RESOLUTION', documentDate: '2019-01-01' },
      ],
    };
    expect(refusalOf(() => submit(young, 'recordSponsorship', payload)).body).toMatchObject({
      code: 'DATE_OF_BIRTH_AFTER_DATE',
      field: 'dateOfBirth',
    });
  });

  it('refuses a Trade Union resolution for someone who is not a trade-union member', () => {
    const payload = {
      sponsors: [
        SPONSORSHIP.sponsors[0],
        { kind: 'TRADE_UNION_RESOLUTION', documentDate: '2025-04-11' },
      ],
    };
    expect(
      refusalOf(() => submit(candidate('SPONSORSHIP'), 'recordSponsorship', payload)).body.code,
    ).toBe('SPONSOR_TRADE_UNION_NOT_MEMBER');
  });
});

describe('background check, grassroots vote and ceremony', () => {
  it('needs the candidate and the parents verified, and every subject cleared for "cleared"', () => {
    const base = { completedOn: '2025-04-01', result: 'CLEARED' };
    expect(
      refusalOf(() =>
        submit(candidate('BACKGROUND_CHECK'), 'recordBackgroundCheck', {
          ...base,
          subjects: [{ relation: 'CANDIDATE', result: 'CLEARED' }],
        }),
      ).body.code,
    ).toBe('BACKGROUND_SUBJECTS_MISSING');
    expect(
      refusalOf(() =>
        submit(candidate('BACKGROUND_CHECK'), 'recordBackgroundCheck', {
          ...base,
          subjects: [
            { relation: 'CANDIDATE', result: 'CLEARED' },
            { relation: 'GUARDIAN', result: 'NOT_CLEARED' },
          ],
        }),
      ).body.code,
    ).toBe('BACKGROUND_RESULT_INCONSISTENT');
  });

  it.each([
    [7, 5, 'passed'],
    [7, 4, 'failed'],
    [9, 6, 'passed'],
  ])('grassroots committee of %i with %i for → %s', (committeeMembers, votesFor, outcome) => {
    const c = candidate('GRASSROOTS_RESOLUTION', {
      dossier: { cellResolution: { meetingDate: '2025-04-20' } },
    });
    const s = submit(c, 'recordGrassrootsResolution', {
      meetingDate: '2025-05-05',
      committeeMembers,
      votesFor,
      votesAgainst: 0,
    });
    expect(s.outcome).toBe(outcome);
  });

  it('holds the ceremony within 30 working days of the decision, later only with consent', () => {
    const c = candidate('CEREMONY', {
      dossier: { admissionDecision: { decision: 'APPROVE', decisionDate: '2025-06-02' } },
    });
    expect(submit(c, 'recordCeremony', { ceremonyDate: '2025-07-14' }).findings).toMatchObject({
      dueOn: '2025-07-14',
    });
    const late = refusalOf(() => submit(c, 'recordCeremony', { ceremonyDate: '2025-07-15' }));
    expect(late.body).toMatchObject({ code: 'CEREMONY_LATE', details: { dueOn: '2025-07-14' } });
    expect(
      submit(c, 'recordCeremony', {
        ceremonyDate: '2025-07-15',
        upperCommitteeConsent: { givenOn: '2025-07-10' },
      }).findings,
    ).toMatchObject({ late: true });
  });
});

describe('nomination pre-check and documents', () => {
  const unit = (areas: OrgUnit['areas']): OrgUnit => ({
    id: 'cell',
    name: 'Chi bộ',
    level: 'CELL',
    path: ['hn', 'cell'],
    effectiveFrom: '2020-01-01',
    areas,
  });
  const nomination = (over: Partial<Nomination>): Nomination =>
    ({
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1996-08-17',
      nominationSource: 'CELL',
      unitId: 'cell',
      nationalIdFingerprint: 'f',
      nationalIdMasked: '*',
      educationLevel: 'LOWER_SECONDARY',
      youthUnionMember: false,
      tradeUnionMember: false,
      ...over,
    }) as Nomination;

  it('refuses primary school except in a mountain, border, island or ethnic-minority area', () => {
    expect(
      refusalOf(() =>
        eligibilityPreCheck(nomination({ educationLevel: 'PRIMARY' }), unit([]), '2025-03-01'),
      ).body.code,
    ).toBe('EDUCATION_BELOW_MINIMUM');
    expect(
      eligibilityPreCheck(
        nomination({ educationLevel: 'PRIMARY' }),
        unit(['MOUNTAIN']),
        '2025-03-01',
      ),
    ).toMatchObject({
      policyVersion: 'QD232-2025',
      education: { required: 'PRIMARY', specialArea: true },
    });
  });

  it('only warns about age at nomination (it is judged at the cell meeting)', () => {
    const young = eligibilityPreCheck(
      nomination({ dateOfBirth: '2008-09-01' }),
      unit([]),
      '2026-01-10',
    );
    expect(young.warnings).toEqual([
      expect.objectContaining({ code: 'AGE_BELOW_MINIMUM', eligibleFrom: '2026-09-01' }),
    ]);
    expect(JSON.stringify(young)).not.toContain('2008-09-01');
  });

  it('refuses a second readmission and only warns a former member who left too recently', () => {
    const formerMembership = { leftOn: '2024-01-15', previousReadmissions: 0 };
    const early = eligibilityPreCheck(nomination({ formerMembership }), unit([]), '2026-01-10');
    expect(early.warnings).toEqual([
      expect.objectContaining({
        code: 'READMISSION_TOO_SOON',
        earliestMeetingDate: '2027-01-15',
        policyVersion: 'QD294-2025',
      }),
    ]);
    // The history keeps when the cell may meet, not the day the person left.
    expect(JSON.stringify(early)).not.toContain('2024-01-15');
    expect(
      eligibilityPreCheck(nomination({ formerMembership }), unit([]), '2027-01-15').warnings,
    ).toEqual([]);
    expect(
      refusalOf(() =>
        eligibilityPreCheck(
          nomination({ formerMembership: { leftOn: '2020-01-15', previousReadmissions: 1 } }),
          unit([]),
          '2026-01-10',
        ),
      ).body.code,
    ).toBe('READMISSION_ALREADY_USED');
  });

  it('lists the forms present and missing for the current step', () => {
    const c = candidate('SPONSORSHIP');
    const forms = documentChecklist(c);
    expect(forms.map((f) => f.form)).toEqual([
      'CN-NTVĐ',
      '1-KNĐ',
      '2-KNĐ',
      '3-KNĐ',
      '4-KNĐ',
      '5-KNĐ',
      '6-KNĐ',
      '8-KNĐ',
      '9-KNĐ',
      // Recognition after probation; 14-KNĐ only where a sub-committee reported.
      '10-KNĐ',
      '11-KNĐ',
      '12-KNĐ',
      '13-KNĐ',
      '15-KNĐ',
    ]);
    expect(forms.find((f) => f.form === '2-KNĐ')).toMatchObject({
      present: true,
      date: '2025-02-20',
    });
    expect(missingForCurrentStep(c)).toEqual(['3-KNĐ', '4-KNĐ', '5-KNĐ']);
    expect(
      documentChecklist(candidate('CEREMONY', { unitLevel: 'GRASSROOTS_CELL' })).map((f) => f.form),
    ).not.toContain('8-KNĐ');
  });
});
