/**
 * The size the system is built for (docs/architecture.md, "Capacity model"): the organisation
 * after the 2025-07-01 reorganisation, the admissions a year and the officers who work the files.
 * Throttling (lib/api-throttling.ts) is derived from these figures; a deployment for another size
 * overrides them through the CDK context value `capacityModel` (partial, merged over the defaults).
 *
 * Figures marked "published" follow public counts of the reorganisation; those marked "assumption"
 * are our estimates, to be replaced by measured figures once the system runs.
 */
export interface CapacityModel {
  organisation: {
    /** Provincial-level party committees: 28 provinces and 6 centrally-run cities (published). */
    provincialCommittees: number;
    /**
     * Party committees directly under the Central Committee besides the provinces: the central
     * party agencies, the Government, the National Assembly, the Fatherland Front and mass
     * organisations, the Central Military Commission and the Central Public Security Party
     * Committee (published structure; the count is what we model).
     */
    centralBlocs: number;
    /** Commune-level committees: communes, wards and special zones, about 3,321 (published). */
    communeCommittees: number;
    /** Grassroots party organisations: "tens of thousands" (assumption: 50,000). */
    grassrootsOrganisations: number;
    /** Party cells: "a few hundred thousand" (assumption: 270,000). */
    cells: number;
  };
  /** New members admitted a year, about 200,000 (published order of magnitude). */
  admissionsPerYear: number;
  /**
   * The busiest month against the average month: admissions cluster before anniversaries
   * (3 February, 19 May, 2 September) and the year-end (assumption: 3).
   */
  peakMonthFactor: number;
  /** The busiest working hour against the average working hour of that month (assumption: 3). */
  peakHourFactor: number;
  /** Working hours in a month: 22 days of 8 hours. */
  workingHoursPerMonth: number;
  /** Officers with an account: cell secretaries, committee staff, approvers (assumption: 60,000). */
  officers: number;
  /** Share of the officers at work in the busiest hour (assumption: 20%). */
  peakActiveShare: number;
  /** Nominations per admission: some files are withdrawn or refused (assumption: 1.3). */
  nominationsPerAdmission: number;
  /** Officer actions on one file from nomination to admission (the human steps, with returns). */
  actionsPerAdmission: number;
  /**
   * Throttling limits are the derived peak demand times this factor. A route's limit is shared by
   * every caller in the country, so it is wide: one district's burst must not starve the rest.
   */
  headroom: number;
}

export const NATIONAL_CAPACITY_MODEL: CapacityModel = {
  organisation: {
    provincialCommittees: 34,
    centralBlocs: 6,
    communeCommittees: 3_321,
    grassrootsOrganisations: 50_000,
    cells: 270_000,
  },
  admissionsPerYear: 200_000,
  peakMonthFactor: 3,
  peakHourFactor: 3,
  workingHoursPerMonth: 22 * 8,
  officers: 60_000,
  peakActiveShare: 0.2,
  nominationsPerAdmission: 1.3,
  actionsPerAdmission: 16,
  headroom: 4,
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** The defaults with a deployment's overrides (the `capacityModel` context value) merged over. */
export function capacityModel(overrides: DeepPartial<CapacityModel> = {}): CapacityModel {
  const model: CapacityModel = {
    ...NATIONAL_CAPACITY_MODEL,
    ...overrides,
    organisation: { ...NATIONAL_CAPACITY_MODEL.organisation, ...overrides.organisation },
  } as CapacityModel;
  for (const [name, value] of Object.entries({ ...model, ...model.organisation })) {
    if (typeof value === 'number' && !(Number.isFinite(value) && value > 0)) {
      throw new Error(`capacityModel.${name} must be a positive number, got ${value}`);
    }
  }
  return model;
}

/** Officers at work in the busiest hour of the busiest month. */
export function peakActiveOfficers(model: CapacityModel): number {
  return model.officers * model.peakActiveShare;
}

/** Admissions per second in the busiest working hour. */
export function peakAdmissionsPerSecond(model: CapacityModel): number {
  const perMonth = (model.admissionsPerYear / 12) * model.peakMonthFactor;
  return (perMonth / (model.workingHoursPerMonth * 3600)) * model.peakHourFactor;
}
