import { policyInForce, POLICY_VERSIONS } from '../../../functions/domain/rules/policy';
import { refusalOf } from './refusal-of';

describe('policy versions', () => {
  it.each([
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
    const refusal = refusalOf(() => policyInForce('2021-07-29'));
    expect(refusal.body.code).toBe('POLICY_NOT_IN_FORCE');
    expect(refusal.body.message).toContain('29/07/2021');
    expect(refusal.body.message).toContain('30/07/2021');
    expect(refusal.body.message_en).toContain('2021-07-29');
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
});
