import { addDays } from '../../functions/domain/rules/calendar-date';
import { onboardingRow, type Row } from '../../test/e2e/support/onboarding';
import { WAITING_DAYS } from '../cost-model';
import {
  type CellPlace,
  type NationalOrganisation,
  placeSampler,
  randomSource,
  unitsOfPlace,
} from './organisation';

/**
 * The seeded population: files in flight at each human stage of admission in proportion to how
 * long a file waits there (bench/cost-model.ts, WAITING_DAYS: a stage where files wait twice as
 * long holds twice as many), each an onboarding row (the import's own columns) dated so that the
 * file entered its stage a few days to a few weeks ago.
 */

/** Day of the onboarding timeline (test/e2e/support/onboarding.ts) on which a file enters each stage. */
const ENTERED_ON_DAY: Record<string, number> = {
  NOMINATED: 0,
  AWARENESS_CLASS: 21,
  APPLICATION: 60,
  BACKGROUND_CHECK: 66,
  SPONSORSHIP: 106,
  CELL_RESOLUTION: 120,
  GRASSROOTS_RESOLUTION: 125,
  ADMISSION_DECISION: 140,
  CEREMONY: 168,
};

export const SEEDED_STAGES = Object.keys(ENTERED_ON_DAY);

/** Each stage's share of the files in flight (sums to 1). */
export function stageShares(): Record<string, number> {
  const days = SEEDED_STAGES.map((s) => WAITING_DAYS[s].days);
  const total = days.reduce((a, b) => a + b, 0);
  return Object.fromEntries(SEEDED_STAGES.map((s, i) => [s, days[i] / total]));
}

export interface SeededCandidate {
  serial: number;
  place: CellPlace;
  stage: string;
  row: Row;
}

/**
 * Candidate `serial` (1-based) of the population drawn with `seed`: the same serial always gives
 * the same person, cell and stage, so a population of 2,000 is the first 2,000 of 200,000.
 */
export function populationSampler(org: NationalOrganisation, today: string, seed = 1) {
  const place = placeSampler(org);
  const shares = stageShares();
  const cumulative: number[] = [];
  SEEDED_STAGES.reduce((sum, s) => (cumulative.push(sum + shares[s]), sum + shares[s]), 0);
  return (serial: number): SeededCandidate => {
    const random = randomSource(seed * 1_000_003 + serial);
    const where = place(random);
    const draw = random();
    const stage =
      SEEDED_STAGES[
        Math.max(
          0,
          cumulative.findIndex((c) => draw < c),
        )
      ];
    // Entered its stage 1 to `wait` days ago (at most two weeks for the long waits).
    const waited = 1 + Math.floor(random() * Math.min(14, WAITING_DAYS[stage].days));
    const start = addDays(today, -ENTERED_ON_DAY[stage] - waited);
    const cell = unitsOfPlace(where)[1];
    const row = onboardingRow({
      stage,
      unitId: cell.id,
      fullName: `Người thử ${serial}`,
      start,
      serial,
    });
    // Distinct people: the timeline's own ID number repeats across serials.
    row.nationalId = `9${String(serial).padStart(11, '0')}`;
    return { serial, place: where, stage, row };
  };
}
