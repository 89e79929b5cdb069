import { checkAge } from '../../../functions/domain/rules/age';
import { checkAwarenessCertificate } from '../../../functions/domain/rules/certificate';
import { probationEnd } from '../../../functions/domain/rules/deadlines';
import { assessDossierFreshness } from '../../../functions/domain/rules/dossier-freshness';
import { policyInForce } from '../../../functions/domain/rules/policy';
import { checkReadmission } from '../../../functions/domain/rules/readmission';
import { checkSponsors } from '../../../functions/domain/rules/sponsors';
import { Refusal } from '../../../functions/domain/refusal';

/**
 * Every boundary counted in months, at its exact last day inside and first day outside.
 * Age is counted by calendar month ("tính theo tháng": the whole month of a birthday belongs to
 * the age reached in it); a period of N months ends on the matching day of its last month, or
 * that month's last day (Civil Code 2015, Art. 148).
 */
const policy = policyInForce('2025-07-01');

function holds(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (error) {
    if (error instanceof Refusal) return false;
    throw error;
  }
}

const sponsoredBy = (togetherSince: string, documentDate: string) => () =>
  checkSponsors(
    { dateOfBirth: '1990-01-01', youthUnionMember: false, tradeUnionMember: false },
    [
      { kind: 'MEMBER', name: 'A', official: true, togetherSince: '2000-01-01', documentDate },
      { kind: 'MEMBER', name: 'B', official: true, togetherSince, documentDate },
    ],
    policy,
  );

type Row = [rule: string, inside: string, outside: string, holdsOn: (date: string) => boolean];

const rows: Row[] = [
  // đủ 18 tuổi from the first day of the month of the 18th birthday
  [
    '18 years, born 2007-05-20',
    '2025-05-01',
    '2025-04-30',
    (d) => holds(() => checkAge('2007-05-20', d, policy)),
  ],
  [
    '18 years, born 2007-06-01',
    '2025-06-01',
    '2025-05-31',
    (d) => holds(() => checkAge('2007-06-01', d, policy)),
  ],
  // đủ 60 tuổi through the month of the 60th birthday; over 60 from the next month's first day
  [
    '60 years, born 1965-03-15',
    '2025-03-31',
    '2025-04-01',
    (d) => holds(() => checkAge('1965-03-15', d, policy)),
  ],
  [
    '60 years, born 1965-03-01',
    '2025-03-31',
    '2025-04-01',
    (d) => holds(() => checkAge('1965-03-01', d, policy)),
  ],
  [
    '60 years, born 1964-02-29',
    '2024-02-29',
    '2024-03-01',
    (d) => holds(() => checkAge('1964-02-29', d, policy)),
  ],
  [
    '60 years, born 1965-12-31',
    '2025-12-31',
    '2026-01-01',
    (d) => holds(() => checkAge('1965-12-31', d, policy)),
  ],
  // the awareness certificate: 60 months from its issue
  [
    'certificate of 2020-03-15',
    '2025-03-15',
    '2025-03-16',
    (d) =>
      holds(() => checkAwarenessCertificate({ number: 'CN', issuedOn: '2020-03-15' }, d, policy)),
  ],
  [
    'certificate of 2020-02-29',
    '2025-02-28',
    '2025-03-01',
    (d) =>
      holds(() => checkAwarenessCertificate({ number: 'CN', issuedOn: '2020-02-29' }, d, policy)),
  ],
  // probation: 12 months from the ceremony; the day it ends is still probation
  [
    'probation from 2024-02-29',
    '2025-02-28',
    '2025-03-01',
    (d) => d <= probationEnd('2024-02-29', policy),
  ],
  [
    'probation from 2025-08-31',
    '2026-08-31',
    '2026-09-01',
    (d) => d <= probationEnd('2025-08-31', policy),
  ],
  // a sponsor together with the candidate for 12 months by the letter's date
  [
    'sponsor together since 2024-03-31',
    '2025-03-31',
    '2025-03-30',
    (d) => holds(sponsoredBy('2024-03-31', d)),
  ],
  [
    'sponsor together since 2024-02-29',
    '2025-02-28',
    '2025-02-27',
    (d) => holds(sponsoredBy('2024-02-29', d)),
  ],
  // a dossier is fresh for 12 months
  [
    'dossier current since 2025-04-10',
    '2026-04-10',
    '2026-04-11',
    (d) => !assessDossierFreshness({ currentSince: '2025-04-10' }, d, policy).stale,
  ],
  // readmission: 36 months after leaving
  [
    'readmission after leaving 2020-01-31',
    '2023-01-31',
    '2023-01-30',
    (d) =>
      holds(() => checkReadmission({ leftOn: '2020-01-31', previousReadmissions: 0 }, d, policy)),
  ],
];

describe('month-counted boundaries', () => {
  it.each(rows)('%s: holds on %s, not on %s', (_rule, inside, outside, holdsOn) => {
    expect(holdsOn(inside)).toBe(true);
    expect(holdsOn(outside)).toBe(false);
  });

  it('over 60 is admitted with a consent given before the meeting', () => {
    expect(checkAge('1965-03-15', '2025-04-01', policy, { givenOn: '2025-03-20' })).toMatchObject({
      consentUsed: true,
      lastEligibleDay: '2025-03-31',
    });
  });
});
