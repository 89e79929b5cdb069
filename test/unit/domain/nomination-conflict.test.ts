import {
  buildNominationConflictNotification,
  conflictRecipient,
  lowestCommonUnit,
} from '../../../functions/domain/nomination-conflict';

describe('a nomination that meets an open file out of the officer’s sight', () => {
  it.each([
    [['hn', 'hn-dongda', 'dd-kdn', 'dd-a'], ['hn', 'hn-thanhtri', 'tt-b'], 'hn'],
    [['hn', 'hn-dongda', 'dd-kdn', 'dd-a'], ['hn', 'hn-dongda', 'dd-xl', 'dd-b'], 'hn-dongda'],
    [['hn', 'x'], ['hcm', 'y'], undefined],
  ])('%j and %j meet at %s', (a, b, common) => {
    expect(lowestCommonUnit(a, b)).toBe(common);
  });

  it.each([
    ['GRASSROOTS', 'committee-officer'],
    ['GRASSROOTS_CELL', 'committee-officer'],
    ['DISTRICT_COMMITTEE', 'approver'],
    ['CITY_COMMITTEE', 'approver'],
  ] as const)('at a %s it goes to the %s', (level, role) => {
    expect(conflictRecipient({ id: 'u', level })).toEqual({ role, unitId: 'u' });
  });

  it('names the open file, its unit and stage, and who tried — never the ID number', () => {
    const notification = buildNominationConflictNotification(
      {
        existing: {
          candidateId: 'c123',
          unitPath: ['hn', 'hn-dongda', 'dd-a'],
          stage: 'SPONSORSHIP',
        },
        nominating: {
          unitPath: ['hn', 'hn-thanhtri', 'tt-b'],
          unitName: 'Chi bộ 034197001234',
          officerName: 'Trần Thị Bình',
        },
      },
      { role: 'approver', unitId: 'hn' },
    );
    expect(notification.attributes).toEqual({
      role: 'approver',
      unitId: 'hn',
      stage: 'SPONSORSHIP',
      kind: 'NOMINATION_CONFLICT',
    });
    expect(notification.body).toContain('c123');
    expect(notification.body).toContain('dd-a');
    expect(notification.body).toContain('tt-b');
    expect(notification.body).toContain('Trần Thị Bình');
    expect(notification.body).not.toContain('034197001234');
  });
});
