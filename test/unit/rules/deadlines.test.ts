import {
  admissionDecisionDue,
  ceremonyDue,
  checkCeremonyDate,
  isOverdue,
  probationEnd,
  recognitionDecisionDue,
  recognitionReviewDue,
} from '../../../functions/domain/rules/deadlines';
import { policyInForce } from '../../../functions/domain/rules/policy';
import { createCalendar } from '../../../functions/domain/rules/working-days';
import { refusalOf } from './refusal-of';

describe('admission decision: 60 working days after the cell resolution (+30)', () => {
  const policy = policyInForce('2024-12-20');

  it('crosses New Year and Tết 2025 (break 25/1–2/2, make-up Saturday 8/2)', () => {
    expect(admissionDecisionDue('2024-12-20', policy)).toEqual({
      from: '2024-12-20',
      dueOn: '2025-03-21',
      workingDays: 60,
      policyVersion: 'QD24-2021',
    });
  });

  it('extends by 30 across Giỗ Tổ and 30/4–1/5 2025', () => {
    expect(admissionDecisionDue('2024-12-20', policy, { recordedOn: '2025-03-01' })).toMatchObject({
      dueOn: '2025-05-07',
      workingDays: 90,
    });
  });

  it('follows the deployment calendar', () => {
    const withoutDecisions = createCalendar({ 2025: {} });
    // Statutory Tết 28/1–1/2 with 3/2 in lieu, and no make-up Saturday: one day later.
    expect(admissionDecisionDue('2024-12-20', policy, undefined, withoutDecisions).dueOn).toBe(
      '2025-03-24',
    );
  });
});

describe('ceremony: 30 working days after the decision is received', () => {
  it.each([
    ['2025-08-15', '2025-09-30'], // across 1–2 September 2025
    ['2026-01-30', '2026-03-20'], // across Tết 2026
    ['2025-03-07', '2025-04-21'], // across Giỗ Tổ 7/4/2025
  ])('received %s → due %s', (received, due) => {
    expect(ceremonyDue(received, policyInForce(received)).dueOn).toBe(due);
  });

  it.each([
    ['2025-09-30', undefined, null],
    ['2025-10-01', undefined, 'CEREMONY_LATE'],
    ['2025-10-01', { givenOn: '2025-09-25' }, null],
    ['2025-08-14', undefined, 'CEREMONY_BEFORE_DECISION'],
  ])('ceremony on %s with consent %o → %s', (ceremony, consent, code) => {
    const policy = policyInForce('2025-08-15');
    const run = () => checkCeremonyDate('2025-08-15', ceremony, policy, consent);
    if (code === null) expect(run().dueOn).toBe('2025-09-30');
    else {
      const refusal = refusalOf(run);
      expect(refusal.body.code).toBe(code);
      expect(refusal.body.details).toMatchObject({ policyVersion: 'QD294-2025' });
    }
  });
});

describe('probation and recognition', () => {
  const policy = policyInForce('2025-01-10');

  it.each([
    ['2025-01-10', '2026-01-10'],
    ['2024-02-29', '2025-02-28'],
    ['2025-08-31', '2026-08-31'],
    ['2025-03-31', '2026-03-31'],
  ])('ceremony %s → probation ends %s', (ceremony, end) => {
    expect(probationEnd(ceremony, policy)).toBe(end);
  });

  it('reviews recognition within 30 working days of the end of probation, across Tết 2026', () => {
    expect(recognitionReviewDue('2026-01-10', policy).dueOn).toBe('2026-02-27');
  });

  it('decides recognition within 30 working days (+30) of the resolution', () => {
    expect(recognitionDecisionDue('2025-08-15', policy).dueOn).toBe('2025-09-30');
    expect(
      recognitionDecisionDue('2025-08-15', policy, { recordedOn: '2025-09-01' }).workingDays,
    ).toBe(60);
  });

  it('is overdue only after the due date', () => {
    const due = ceremonyDue('2025-08-15', policy);
    expect(isOverdue(due, '2025-09-30')).toBe(false);
    expect(isOverdue(due, '2025-10-01')).toBe(true);
  });
});
