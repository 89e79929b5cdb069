import { assertUnitAcceptsCandidates } from '../../../functions/domain/nomination';
import { type OrgUnit } from '../../../functions/domain/org-unit';
import { Refusal } from '../../../functions/domain/refusal';

const cell: OrgUnit = {
  id: 'dd-xltbd-kythuat',
  name: 'Chi bộ Kỹ thuật',
  level: 'CELL',
  path: ['hn', 'hn-dongda', 'dd-kdn', 'dd-xltbd', 'dd-xltbd-kythuat'],
  effectiveFrom: '2025-07-01',
};

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return error.body.code;
    throw error;
  }
  return 'accepted';
}

describe('the unit a nomination names', () => {
  it('accepts a cell in force', () => {
    expect(codeOf(() => assertUnitAcceptsCandidates(cell, cell.id, '2026-01-05'))).toBe('accepted');
  });

  it('refuses a cell retired on or before the day, a missing unit and a committee', () => {
    const retired = { ...cell, retiredOn: '2026-01-01' };
    expect(codeOf(() => assertUnitAcceptsCandidates(retired, cell.id, '2026-01-01'))).toBe(
      'UNIT_RETIRED',
    );
    expect(codeOf(() => assertUnitAcceptsCandidates(retired, cell.id, '2025-12-31'))).toBe(
      'accepted',
    );
    expect(codeOf(() => assertUnitAcceptsCandidates(undefined, 'nowhere', '2026-01-05'))).toBe(
      'UNIT_NOT_FOUND',
    );
    const committee: OrgUnit = { ...cell, level: 'GRASSROOTS' };
    expect(codeOf(() => assertUnitAcceptsCandidates(committee, cell.id, '2026-01-05'))).toBe(
      'UNIT_NOT_A_CELL',
    );
  });
});
