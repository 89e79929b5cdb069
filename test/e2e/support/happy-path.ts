/** The actions that take a candidate from nomination to ADMITTED, stage by stage. */
export const HAPPY_PATH: { stage: string; action: string; payload: unknown }[] = [
  {
    stage: 'NOMINATED',
    action: 'confirmNomination',
    payload: { decisionDate: '2025-01-06', helperMemberName: 'Trần Thị Bình' },
  },
  {
    stage: 'AWARENESS_CLASS',
    action: 'recordClassResult',
    payload: { result: 'PASSED', certificateNumber: 'CN-NTVĐ 1234/2025', issuedOn: '2025-02-14' },
  },
  {
    stage: 'APPLICATION',
    action: 'recordApplication',
    payload: { applicationReceivedOn: '2025-02-20', backgroundFormReceivedOn: '2025-02-20' },
  },
  {
    stage: 'BACKGROUND_CHECK',
    action: 'recordBackgroundCheck',
    payload: {
      completedOn: '2025-04-01',
      result: 'CLEARED',
      subjects: [
        { relation: 'CANDIDATE', result: 'CLEARED' },
        { relation: 'FATHER', result: 'CLEARED' },
        { relation: 'MOTHER', result: 'CLEARED' },
      ],
    },
  },
  {
    stage: 'SPONSORSHIP',
    action: 'recordSponsorship',
    payload: {
      sponsors: [
        {
          kind: 'MEMBER',
          name: 'Trần Thị Bình',
          togetherSince: '2023-03-01',
          documentDate: '2025-04-10',
        },
        { kind: 'YOUTH_UNION_RESOLUTION', name: 'BCH Đoàn cơ sở', documentDate: '2025-04-11' },
      ],
      commentsSummaryOn: '2025-04-15',
    },
  },
  {
    stage: 'CELL_RESOLUTION',
    action: 'recordCellResolution',
    payload: {
      meetingDate: '2025-04-20',
      officialMembers: 9,
      excludedMembers: 1,
      excludedMembersAttending: 0,
      votesFor: 7,
      votesAgainst: 1,
    },
  },
  {
    stage: 'GRASSROOTS_RESOLUTION',
    action: 'recordGrassrootsResolution',
    payload: { meetingDate: '2025-05-05', committeeMembers: 7, votesFor: 6, votesAgainst: 1 },
  },
  {
    stage: 'ADMISSION_DECISION',
    action: 'decideAdmission',
    payload: { decision: 'APPROVE', decisionNumber: '125-QĐ/ĐUK', decisionDate: '2025-06-02' },
  },
  { stage: 'CEREMONY', action: 'recordCeremony', payload: { ceremonyDate: '2025-06-19' } },
];

export const DEMO_NOMINATION = {
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1996-08-17',
  nominationSource: 'YOUTH_UNION',
  unitId: 'dd-xltbd-kythuat',
  educationLevel: 'UPPER_SECONDARY',
  youthUnionMember: true,
};
