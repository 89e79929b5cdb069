import { checkEducation } from '../../../functions/domain/rules/education';
import { policyInForce } from '../../../functions/domain/rules/policy';
import { refusalOf } from './refusal-of';

const policy = policyInForce('2025-03-01');

describe('education', () => {
  it.each([
    ['LOWER_SECONDARY', [], true],
    ['UPPER_SECONDARY', [], true],
    ['TERTIARY', [], true],
    ['PRIMARY', [], false],
    ['NONE', [], false],
    ['PRIMARY', ['MOUNTAIN'], true],
    ['PRIMARY', ['BORDER'], true],
    ['PRIMARY', ['ISLAND'], true],
    ['PRIMARY', ['ETHNIC_MINORITY'], true],
    ['NONE', ['ETHNIC_MINORITY'], false],
  ] as const)('%s in areas %j → eligible %s', (level, areas, eligible) => {
    if (eligible) {
      expect(checkEducation(level, areas, policy)).toMatchObject({
        specialArea: areas.length > 0,
        policyVersion: 'QD232-2025',
      });
    } else {
      const refusal = refusalOf(() => checkEducation(level, areas, policy));
      expect(refusal.body.code).toBe('EDUCATION_BELOW_MINIMUM');
      expect(refusal.body.details).toMatchObject({ policyVersion: 'QD232-2025' });
    }
  });
});
