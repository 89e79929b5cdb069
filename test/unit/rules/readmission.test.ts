import { policyInForce } from '../../../functions/domain/rules/policy';
import { checkReadmission } from '../../../functions/domain/rules/readmission';
import { refusalOf } from './refusal-of';

const policy = policyInForce('2025-07-01');

describe('readmission: once, 36 months after leaving', () => {
  it.each([
    ['2022-03-31', 0, '2025-03-31', null],
    ['2022-03-31', 0, '2025-03-30', 'READMISSION_TOO_SOON'],
    ['2022-03-31', 1, '2026-01-01', 'READMISSION_ALREADY_USED'],
  ])('left %s, readmitted %i times, meeting %s → %s', (leftOn, previous, meeting, code) => {
    const run = () => checkReadmission({ leftOn, previousReadmissions: previous }, meeting, policy);
    if (code === null) expect(run().earliestMeetingDate).toBe('2025-03-31');
    else expect(refusalOf(run).body.code).toBe(code);
  });
});
