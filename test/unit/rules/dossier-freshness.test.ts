import { assessDossierFreshness } from '../../../functions/domain/rules/dossier-freshness';
import { policyInForce } from '../../../functions/domain/rules/policy';

const policy = policyInForce('2025-03-11');

describe('dossier freshness (12 months without the cell considering it)', () => {
  it.each([
    ['2024-03-10', '2025-03-10', undefined, []],
    ['2024-03-10', '2025-03-11', undefined, ['3-KNĐ', '5-KNĐ', '2-KNĐ']],
    ['2024-03-10', '2025-03-11', 'YOUTH_UNION', ['3-KNĐ', '4-KNĐ', '5-KNĐ', '2-KNĐ']],
    ['2024-03-10', '2025-03-11', 'TRADE_UNION', ['3-KNĐ', '4A-KNĐ', '5-KNĐ', '2-KNĐ']],
  ] as const)('current since %s, meeting %s (%s) → redo %j', (since, meeting, org, forms) => {
    const freshness = assessDossierFreshness(
      { currentSince: since, organisationalSponsor: org },
      meeting,
      policy,
    );
    expect(freshness.lastFreshDay).toBe('2025-03-10');
    expect(freshness.stale).toBe(forms.length > 0);
    expect(freshness.documentsToRedo.map((d) => d.form)).toEqual(forms);
  });
});
