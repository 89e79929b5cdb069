import { policyInForce } from '../../../functions/domain/rules/policy';
import { checkSponsors, type Sponsor } from '../../../functions/domain/rules/sponsors';
import { refusalOf } from './refusal-of';

const policy = policyInForce('2025-07-01');

const member = (name: string, togetherSince: string, extra: object = {}): Sponsor => ({
  kind: 'MEMBER',
  name,
  official: true,
  togetherSince,
  documentDate: '2025-08-01',
  ...extra,
});
const youthUnion: Sponsor = { kind: 'YOUTH_UNION_RESOLUTION', documentDate: '2025-08-01' };
const tradeUnion: Sponsor = { kind: 'TRADE_UNION_RESOLUTION', documentDate: '2025-08-01' };

const young = { dateOfBirth: '1995-08-01', youthUnionMember: true, tradeUnionMember: true };
const older = { dateOfBirth: '1994-07-31', youthUnionMember: true, tradeUnionMember: true };

describe('sponsors', () => {
  it.each([
    [
      'two official members',
      young,
      [member('An', '2024-08-01'), member('Bình', '2020-01-01')],
      'TWO_MEMBERS',
    ],
    [
      'Đoàn resolution + member, aged 30',
      young,
      [youthUnion, member('An', '2024-08-01')],
      'YOUTH_UNION_AND_MEMBER',
    ],
    [
      'Công đoàn resolution + member',
      older,
      [tradeUnion, member('An', '2024-08-01')],
      'TRADE_UNION_AND_MEMBER',
    ],
    [
      'a replacement with less than 12 months',
      young,
      [
        member('An', '2025-05-01', { replacementAssignedOn: '2025-07-15' }),
        member('Bình', '2020-01-01'),
      ],
      'TWO_MEMBERS',
    ],
  ] as const)('accepts %s', (_name, candidate, sponsors, route) => {
    expect(checkSponsors(candidate, sponsors, policy)).toMatchObject({
      route,
      policyVersion: 'QD294-2025',
    });
  });

  it.each([
    ['one member alone', young, [member('An', '2024-08-01')], 'SPONSORS_COMBINATION_INVALID'],
    ['two resolutions', young, [youthUnion, tradeUnion], 'SPONSORS_COMBINATION_INVALID'],
    [
      'three sponsors',
      young,
      [youthUnion, member('An', '2024-08-01'), member('Bình', '2020-01-01')],
      'SPONSORS_COMBINATION_INVALID',
    ],
    [
      'the same member twice',
      young,
      [member('An', '2024-08-01'), member('An', '2024-08-01')],
      'SPONSORS_SAME_MEMBER',
    ],
    [
      'a member one day short of 12 months',
      young,
      [member('An', '2024-08-02'), member('Bình', '2020-01-01')],
      'SPONSOR_TOGETHER_TOO_SHORT',
    ],
    [
      'a probationary member',
      young,
      [member('An', '2024-08-01', { official: false }), member('Bình', '2020-01-01')],
      'SPONSOR_NOT_OFFICIAL_MEMBER',
    ],
    [
      'Đoàn for a candidate aged 31',
      older,
      [youthUnion, member('An', '2024-08-01')],
      'SPONSOR_YOUTH_UNION_OVER_AGE',
    ],
    [
      'Đoàn for a non-member',
      { ...young, youthUnionMember: false },
      [youthUnion, member('An', '2024-08-01')],
      'SPONSOR_YOUTH_UNION_NOT_MEMBER',
    ],
    [
      'Công đoàn for a non-member',
      { ...young, tradeUnionMember: false },
      [tradeUnion, member('An', '2024-08-01')],
      'SPONSOR_TRADE_UNION_NOT_MEMBER',
    ],
  ] as const)('refuses %s', (_name, candidate, sponsors, code) => {
    const refusal = refusalOf(() => checkSponsors(candidate, sponsors, policy));
    expect(refusal.body.code).toBe(code);
    expect(refusal.body.details).toMatchObject({ policyVersion: 'QD294-2025' });
  });

  it('says when the 12 months together will be complete', () => {
    const refusal = refusalOf(() =>
      checkSponsors(young, [member('An', '2024-08-02'), member('Bình', '2020-01-01')], policy),
    );
    expect(refusal.body.message).toContain('02/08/2024');
    expect(refusal.body.message).toContain('01/08/2025');
    expect(refusal.body.details).toMatchObject({ earliest: '2025-08-02', monthsTogether: 11 });
  });
});
