import { assertSeparationOfDuties } from '../../../functions/domain/access';
import { type Caller } from '../../../functions/domain/caller';
import { type Candidate } from '../../../functions/domain/candidate';
import { Refusal } from '../../../functions/domain/refusal';
import { knownAction } from '../../../functions/domain/submission';

const approver = (userId: string): Caller => ({
  userId,
  name: 'Lê Văn Cường',
  roles: ['approver'],
  unitId: 'hn-dongda',
});

const candidate = {
  nominatedBy: { userId: 'u-nominator', name: 'A', role: 'cell-officer', unitId: 'dd-kdn' },
  dossier: {},
} as unknown as Candidate;

describe('separation of duties', () => {
  it('refuses the admission decision to the officer who nominated the candidate', () => {
    let refusal: unknown;
    try {
      assertSeparationOfDuties(approver('u-nominator'), candidate, knownAction('decideAdmission'));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(Refusal);
    expect((refusal as Refusal).kind).toBe('forbidden');
    expect((refusal as Refusal).body).toMatchObject({
      code: 'SEPARATION_OF_DUTIES',
      field: 'action',
    });
  });

  it('lets another approver decide', () => {
    expect(() =>
      assertSeparationOfDuties(approver('u-other'), candidate, knownAction('decideAdmission')),
    ).not.toThrow();
  });
});
