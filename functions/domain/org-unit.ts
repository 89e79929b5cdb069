import type { SpecialArea } from './rules/education';

/** Levels of the party organisation tree (docs/admission-rules.md, "Organisation tree"). */
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

/**
 * Who decides admissions for the unit's candidates: the standing committee of the direct upper
 * level, or a grassroots committee that has been delegated the authority (the committee as a whole).
 */
export const DECIDING_BODIES = [
  'UPPER_STANDING_COMMITTEE',
  'DELEGATED_GRASSROOTS_COMMITTEE',
] as const;
export type DecidingBody = (typeof DECIDING_BODIES)[number];

/**
 * One version of a unit, stored as `UNIT#<id>` / `META#<effectiveFrom>`: the version in force on
 * a day is the latest one that took effect on or before it (the tree changed on 2025-07-01).
 */
export interface OrgUnit {
  id: string;
  name: string;
  level: UnitLevel;
  parentId?: string;
  /** Ancestor ids from the top-level committee down to this unit, inclusive. */
  path: string[];
  /** The version of the unit in force from this date (the tree changed on 2025-07-01). */
  effectiveFrom: string;
  decidingBody?: DecidingBody;
  /** Mountain, border, island, ethnic-minority: primary school suffices (education rule). */
  areas?: SpecialArea[];
  /** The unit was abolished on this day: it no longer nominates nor has children. */
  retiredOn?: string;
}

/** Candidates are nominated by cells: a cell inside a grassroots organisation, or a cell that is one. */
export function acceptsCandidates(unit: OrgUnit): boolean {
  return unit.level === 'CELL' || unit.level === 'GRASSROOTS_CELL';
}

/** The version in force on a day: the latest that took effect on or before it. */
export function versionInForce<T extends Pick<OrgUnit, 'effectiveFrom'>>(
  versions: readonly T[],
  on: string,
): T | undefined {
  let inForce: T | undefined;
  for (const version of versions) {
    if (version.effectiveFrom <= on && (!inForce || version.effectiveFrom > inForce.effectiveFrom))
      inForce = version;
  }
  return inForce;
}

/** Whether the version in force on `on` is a retired unit. */
export function isRetired(unit: OrgUnit, on: string): boolean {
  return unit.retiredOn !== undefined && unit.retiredOn <= on;
}
