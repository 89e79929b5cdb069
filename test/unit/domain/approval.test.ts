import {
  approvalLinkExpiry,
  decideAdmissionPayload,
  documentsChecklist,
  dossierSummary,
  endOfVietnamDay,
  informationRequestedOf,
} from '../../../functions/domain/approval';
import { admissionDecisionDeadline } from '../../../functions/domain/stage-deadlines';

const DAY = 24 * 60 * 60 * 1000;

describe('approval link expiry', () => {
  const now = new Date('2026-03-02T03:00:00Z');

  it('ends with the decision deadline (end of that day in Vietnam) when it comes first', () => {
    expect(approvalLinkExpiry(now, '2026-03-10').toISOString()).toBe('2026-03-10T17:00:00.000Z');
    expect(endOfVietnamDay('2026-03-10').toISOString()).toBe('2026-03-10T17:00:00.000Z');
  });

  it('lasts at most 30 days', () => {
    expect(approvalLinkExpiry(now, '2026-12-31').getTime()).toBe(now.getTime() + 30 * DAY);
    expect(approvalLinkExpiry(now).getTime()).toBe(now.getTime() + 30 * DAY);
  });

  it('gives an already overdue step the 30 days rather than a dead link', () => {
    expect(approvalLinkExpiry(now, '2025-07-15').getTime()).toBe(now.getTime() + 30 * DAY);
  });
});

const dossier = {
  nomination: { decisionDate: '2025-01-06', helperMemberName: 'Trần Thị Bình' },
  awarenessClass: { result: 'PASSED', certificateNumber: 'CN 1', issuedOn: '2025-02-14' },
  application: { applicationReceivedOn: '2025-02-20', backgroundFormReceivedOn: '2025-02-20' },
  backgroundCheck: { completedOn: '2025-04-01', result: 'CLEARED' },
  sponsorship: {
    sponsors: [
      { kind: 'MEMBER', name: 'Trần Thị Bình', documentDate: '2025-04-10', memberUserId: 'u-1' },
      { kind: 'YOUTH_UNION_RESOLUTION', name: 'BCH Đoàn', documentDate: '2025-04-11' },
    ],
  },
  cellResolution: {
    meetingDate: '2025-04-20',
    officialMembers: 9,
    excludedMembers: 1,
    excludedMembersAttending: 0,
    votesFor: 7,
    votesAgainst: 1,
  },
  grassrootsResolution: {
    meetingDate: '2025-05-05',
    committeeMembers: 7,
    votesFor: 4,
    votesAgainst: 3,
  },
};

describe('approval page data', () => {
  it('summarises the dossier with the votes and their denominator, without sponsor accounts', () => {
    const summary = dossierSummary({ dossier });
    expect(summary.cellVote).toEqual({
      meetingDate: '2025-04-20',
      votesFor: 7,
      votesAgainst: 1,
      denominator: 8,
      passed: true,
    });
    expect(summary.grassrootsVote).toMatchObject({ committeeMembers: 7, passed: false });
    expect(JSON.stringify(summary)).not.toContain('u-1');
  });

  it('checks the forms of every stage up to the decision', () => {
    const documents = documentsChecklist({ dossier }, 'ADMISSION_DECISION');
    expect(documents.map((d) => d.code)).toEqual([
      'CN-NTVĐ',
      '1-KNĐ',
      '2-KNĐ',
      '3-KNĐ',
      '4-KNĐ',
      '4A-KNĐ',
      '5-KNĐ',
      '6-KNĐ',
      '7-KNĐ',
      '8-KNĐ',
      '9-KNĐ',
    ]);
    expect(documents.filter((d) => !d.present).map((d) => d.code)).toEqual(['9-KNĐ']);
    const early = documentsChecklist(
      { dossier: { nomination: dossier.nomination } },
      'ADMISSION_DECISION',
    );
    expect(early.filter((d) => d.present)).toEqual([]);
  });

  it('knows the decision deadline from the cell resolution', () => {
    expect(admissionDecisionDeadline({ dossier })?.dueOn).toMatch(/^2025-07-\d\d$/);
    expect(admissionDecisionDeadline({ dossier: {} })).toBeUndefined();
  });
});

describe('the decision', () => {
  it('becomes a decideAdmission payload', () => {
    expect(
      decideAdmissionPayload({
        decision: 'APPROVE',
        decisionNumber: '1',
        decisionDate: '2025-06-02',
      }),
    ).toEqual({ decision: 'APPROVE', decisionNumber: '1', decisionDate: '2025-06-02' });
    expect(decideAdmissionPayload({ decision: 'REQUEST_INFO', reason: 'r' })).toEqual({
      decision: 'REQUEST_INFO',
      reason: 'r',
    });
  });

  it('tells the cell when the approver asked for more information', () => {
    const asked = {
      ...dossier,
      admissionDecision: { decision: 'REQUEST_INFO', reason: 'Thiếu 5-KNĐ' },
    };
    expect(informationRequestedOf({ dossier: asked }, 'ADMISSION_DECISION')).toEqual({
      reason: 'Thiếu 5-KNĐ',
    });
    expect(informationRequestedOf({ dossier }, 'ADMISSION_DECISION')).toBeUndefined();
    // A failed class loops too, but the cell is the one acting there anyway.
    const failed = { awarenessClass: { result: 'FAILED', classEndedOn: '2025-01-10' } };
    expect(informationRequestedOf({ dossier: failed }, 'AWARENESS_CLASS')).toBeUndefined();
  });
});
