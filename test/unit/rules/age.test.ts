import { ageAt, ageByMonth, checkAge } from '../../../functions/domain/rules/age';
import { policyInForce } from '../../../functions/domain/rules/policy';
import { refusalOf } from './refusal-of';

const policy = policyInForce('2025-07-01');

describe('age', () => {
  it.each([
    ['2000-05-20', '2018-05-19', 17, 11],
    ['2000-05-20', '2018-05-20', 18, 0],
    ['2000-02-29', '2018-02-28', 18, 0], // no 29th: the year completes on the month's last day
    ['2000-01-31', '2000-02-28', 0, 0],
    ['2000-01-31', '2000-02-29', 0, 1],
  ])('born %s, on %s: %i years %i months completed', (dob, date, years, months) => {
    expect(ageAt(dob, date)).toMatchObject({ years, months });
  });

  it.each([
    ['2007-05-20', '2025-05-01', 18, 0],
    ['2007-05-20', '2025-04-30', 17, 11],
    ['1965-03-15', '2026-02-28', 60, 11],
    ['1965-03-15', '2026-03-01', 61, 0],
  ])('counted by month, born %s, on %s: %i years %i months', (dob, date, years, months) => {
    expect(ageByMonth(dob, date)).toMatchObject({ years, months });
  });

  it('refuses a birth after the date', () => {
    expect(refusalOf(() => ageAt('2025-01-02', '2025-01-01')).body.code).toBe(
      'DATE_OF_BIRTH_AFTER_DATE',
    );
  });
});

describe('checkAge: 18 to 60 at the cell meeting, counted by month', () => {
  // Turns 18 on 20/5/2025: eligible for the whole of May 2025.
  it.each([
    ['2007-05-20', '2025-04-30', 'AGE_BELOW_MINIMUM'],
    ['2007-05-20', '2025-05-01', null],
    ['2007-05-20', '2025-05-19', null],
    // Turns 60 on 15/3/2025: "đủ 60 tuổi" through 31/3/2025, over 60 from 1/4/2025.
    ['1965-03-15', '2025-03-31', null],
    ['1965-03-15', '2025-04-01', 'AGE_ABOVE_MAXIMUM'],
    ['1965-03-15', '2026-03-15', 'AGE_ABOVE_MAXIMUM'],
    // Born on the first of the month: the reading matches turning 18 on that day.
    ['2007-06-01', '2025-05-31', 'AGE_BELOW_MINIMUM'],
    ['2007-06-01', '2025-06-01', null],
    ['1965-06-01', '2025-06-30', null],
    ['1965-06-01', '2025-07-01', 'AGE_ABOVE_MAXIMUM'],
  ])('born %s, meeting %s → %s', (dob, meeting, code) => {
    if (code === null) {
      expect(checkAge(dob, meeting, policy)).toMatchObject({
        consentUsed: false,
        policyVersion: 'QD294-2025',
      });
    } else {
      expect(refusalOf(() => checkAge(dob, meeting, policy)).body.code).toBe(code);
    }
  });

  it('reports the eligibility window', () => {
    expect(checkAge('2007-05-20', '2025-05-01', policy)).toMatchObject({
      eligibleFrom: '2025-05-01',
      lastEligibleDay: '2067-05-31',
      ageByMonth: { years: 18, months: 0 },
    });
  });

  it('names the dates and the policy in the refusal', () => {
    const refusal = refusalOf(() => checkAge('2007-05-20', '2025-04-30', policy));
    expect(refusal.kind).toBe('rule');
    expect(refusal.body.field).toBe('dateOfBirth');
    expect(refusal.body.message).toContain('30/04/2025');
    expect(refusal.body.message).toContain('01/05/2025');
    expect(refusal.body.message_en).toContain('2025-04-30');
    expect(refusal.body.details).toMatchObject({
      policyVersion: 'QD294-2025',
      eligibleFrom: '2025-05-01',
    });
  });

  it.each([
    [{ givenOn: '2026-02-01' }, null],
    [{ givenOn: '2026-03-01' }, null],
    [{ givenOn: '2026-03-02' }, 'AGE_CONSENT_NOT_PRIOR'],
  ])('over 60 with consent %o → %s', (consent, code) => {
    const run = () => checkAge('1965-03-15', '2026-03-01', policy, consent);
    if (code === null) expect(run()).toMatchObject({ consentUsed: true });
    else expect(refusalOf(run).body.code).toBe(code);
  });

  it('does not use a consent when none is needed', () => {
    expect(
      checkAge('1965-03-15', '2025-03-31', policy, { givenOn: '2025-01-01' }).consentUsed,
    ).toBe(false);
  });
});
