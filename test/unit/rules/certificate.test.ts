import { checkAwarenessCertificate } from '../../../functions/domain/rules/certificate';
import { policyInForce } from '../../../functions/domain/rules/policy';
import { refusalOf } from './refusal-of';

const policy = policyInForce('2025-03-16');

describe('awareness class certificate (CN-NTVĐ), valid 60 months', () => {
  it.each([
    ['2020-03-15', '2025-03-15', '2025-03-15', null], // last valid day
    ['2020-03-15', '2025-03-16', '2025-03-15', 'AWARENESS_CERTIFICATE_EXPIRED'], // the day after
    ['2020-02-29', '2025-02-28', '2025-02-28', null], // no 29/2/2025: ends on the 28th
    ['2020-02-29', '2025-03-01', '2025-02-28', 'AWARENESS_CERTIFICATE_EXPIRED'],
    ['2025-03-10', '2025-03-10', '2030-03-10', null], // issued on the meeting day
    ['2025-03-17', '2025-03-16', '2030-03-17', 'AWARENESS_CERTIFICATE_NOT_YET_ISSUED'],
  ])('issued %s, meeting %s (last valid %s) → %s', (issuedOn, meeting, lastValidDay, code) => {
    const run = () =>
      checkAwarenessCertificate({ number: 'CN-12/2020', issuedOn }, meeting, policy);
    if (code === null) {
      expect(run()).toEqual({ lastValidDay, policyVersion: 'QD232-2025' });
    } else {
      const refusal = refusalOf(run);
      expect(refusal.body.code).toBe(code);
      expect(refusal.body.details).toMatchObject({ lastValidDay, issuedOn });
    }
  });

  it('names the dates in both languages', () => {
    const refusal = refusalOf(() =>
      checkAwarenessCertificate(
        { number: 'CN-12/2020', issuedOn: '2020-03-15' },
        '2025-03-16',
        policy,
      ),
    );
    expect(refusal.body.message).toContain('15/03/2025');
    expect(refusal.body.message).toContain('16/03/2025');
    expect(refusal.body.message_en).toContain('2025-03-15');
    expect(refusal.body.message_en).toContain('2025-03-16');
  });
});
