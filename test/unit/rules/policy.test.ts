import { policyInForce, POLICY_VERSIONS } from '../../../functions/domain/rules/policy';
import { refusalOf } from './refusal-of';

describe('policy versions', () => {
  it.each([
    ['2016-07-25', 'QD29-2016'],
    ['2019-12-31', 'QD29-2016'],
    ['2021-07-29', 'QD29-2016'],
    ['2021-07-30', 'QD24-2021'],
    ['2024-12-31', 'QD24-2021'],
    ['2025-01-19', 'QD24-2021'],
    ['2025-01-20', 'QD232-2025'],
    ['2025-06-30', 'QD232-2025'],
    ['2025-07-01', 'QD294-2025'],
    ['2030-01-01', 'QD294-2025'],
  ])('on %s the version in force is %s', (date, version) => {
    expect(policyInForce(date).version).toBe(version);
  });

  it('refuses a date before the first version, naming both dates', () => {
    const refusal = refusalOf(() => policyInForce('2016-07-24'));
    expect(refusal.body.code).toBe('POLICY_NOT_IN_FORCE');
    expect(refusal.body.message).toContain('24/07/2016');
    expect(refusal.body.message).toContain('25/07/2016');
    expect(refusal.body.message_en).toContain('2016-07-24');
  });

  it('chooses by effective date, whatever the order of the list', () => {
    const reversed = [...POLICY_VERSIONS].reverse();
    expect(policyInForce('2025-06-30', reversed).version).toBe('QD232-2025');
    expect(policyInForce('2025-07-01', reversed).version).toBe('QD294-2025');
  });

  it.each(POLICY_VERSIONS.map((p) => [p.version, p] as const))(
    '%s carries every parameter of docs/admission-rules.md',
    (_version, policy) => {
      expect(policy).toMatchObject({
        age: { minYears: 18, maxYears: 60 },
        education: { minimum: 'LOWER_SECONDARY', minimumInSpecialAreas: 'PRIMARY' },
        youthUnionMaxAgeYears: 30,
        awarenessCertificateValidityMonths: 60,
        staleDossierMonths: 12,
        voteThreshold: { numerator: 2, denominator: 3 },
        sponsorMonthsTogether: 12,
        admissionDecisionWorkingDays: 60,
        admissionDecisionExtensionWorkingDays: 30,
        ceremonyWorkingDays: 30,
        probationMonths: 12,
        recognitionReviewWorkingDays: 30,
        recognitionDecisionWorkingDays: 30,
        recognitionDecisionExtensionWorkingDays: 30,
        recognitionCellVotesBeforeEscalation: 3,
        overdueNoticeWorkingDays: 5,
        readmissionMonthsAfterLeaving: 36,
        readmissionsAllowed: 1,
      });
      expect(policy.documents.length).toBeGreaterThan(0);
    },
  );

  it('QD29-2016 names a source for every parameter, and marks the uncertain ones "check"', () => {
    const qd29 = POLICY_VERSIONS.find((p) => p.version === 'QD29-2016')!;
    const parameters = Object.keys(qd29).filter(
      (k) => !['version', 'inForceFrom', 'documents', 'sources'].includes(k),
    );
    expect(Object.keys(qd29.sources ?? {}).sort()).toEqual(parameters.sort());
    const checked = Object.entries(qd29.sources ?? {})
      .filter(([, s]) => s.check)
      .map(([k]) => k);
    expect(checked).toEqual(
      expect.arrayContaining(['awarenessCertificateValidityMonths', 'staleDossierMonths']),
    );
    expect(qd29.documents.join(' ')).toMatch(/29-QĐ\/TW.*01-HD\/TW/);
  });
});
