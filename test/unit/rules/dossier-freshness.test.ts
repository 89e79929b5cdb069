import {
  assessDossierFreshness,
  requireFreshDossier,
} from '../../../functions/domain/rules/dossier-freshness';
import { policyInForce } from '../../../functions/domain/rules/policy';
import { refusalOf } from './refusal-of';

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

  it('refuses the meeting on a stale dossier, listing what to redo', () => {
    const refusal = refusalOf(() =>
      requireFreshDossier({ currentSince: '2024-03-10' }, '2025-03-11', policy),
    );
    expect(refusal.body.code).toBe('DOSSIER_STALE');
    expect(refusal.body.message).toContain('10/03/2024');
    expect(refusal.body.message).toContain('11/03/2025');
    expect(refusal.body.message_en).toContain('3-KNĐ');
    expect(refusal.body.details).toMatchObject({ policyVersion: 'QD232-2025' });
  });

  it('lets a fresh dossier through', () => {
    expect(requireFreshDossier({ currentSince: '2024-03-10' }, '2025-03-10', policy).stale).toBe(
      false,
    );
  });
});
