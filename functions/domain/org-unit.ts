/** Levels of the party organisation tree (ADMISSION-RULES.md, "Organisation tree"). */
export const UNIT_LEVELS = [
  'CITY_COMMITTEE',
  'DISTRICT_COMMITTEE',
  'BLOC_COMMITTEE',
  'WARD_COMMITTEE',
  'GRASSROOTS',
  'GRASSROOTS_CELL',
  'CELL',
] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export interface OrgUnit {
  id: string;
  name: string;
  level: UnitLevel;
  parentId?: string;
  /** Ancestor ids from the top-level committee down to this unit, inclusive. */
  path: string[];
  /** The version of the unit in force from this date (the tree changed on 2025-07-01). */
  effectiveFrom: string;
}

/** Candidates are nominated by cells: a cell inside a grassroots organisation, or a cell that is one. */
export function acceptsCandidates(unit: OrgUnit): boolean {
  return unit.level === 'CELL' || unit.level === 'GRASSROOTS_CELL';
}
