import { type UnitLookup } from '../adapters/candidate-store';
import { type Candidate } from '../domain/candidate';
import { levelsOf, type UnitPathWithLevels } from '../domain/notification';
import { type OrgUnit } from '../domain/org-unit';

/** The units from the top-level committee down to the candidate's cell, as in force on `on`. */
export async function unitsOnPath(
  store: UnitLookup,
  candidate: Pick<Candidate, 'unitPath'>,
  on: string,
): Promise<{ units: OrgUnit[]; path: UnitPathWithLevels }> {
  const units = (await Promise.all(candidate.unitPath.map((id) => store.getUnit(id, on)))).filter(
    (u): u is OrgUnit => Boolean(u),
  );
  return { units, path: { unitPath: candidate.unitPath, levels: levelsOf(units) } };
}
