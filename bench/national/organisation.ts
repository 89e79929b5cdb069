import { type OrgUnit } from '../../functions/domain/org-unit';
import { type CapacityModel } from '../../lib/capacity-model';
import { seededRandom } from '../../lib/local/seeded-random';
import PROVINCES from './provinces.json';

/**
 * A country-sized organisation (lib/capacity-model.ts): the 34 provincial-level committees and
 * the central blocs (bench/national/provinces.json), their commune-level committees, then
 * grassroots organisations and cells. Provinces and communes are few and listed whole; grassroots
 * organisations and cells (hundreds of thousands) are addressed by index and built only when a
 * candidate needs one, so the benchmark writes the units its population uses and no more.
 *
 * Shape: province → commune (WARD_COMMITTEE) → grassroots → cell; central bloc → grassroots →
 * cell. Communes split among the provinces in proportion to the published counts; grassroots
 * organisations split among the communes evenly (a share set aside for the central blocs); cells
 * among the grassroots organisations evenly.
 */

const REORGANISED_ON = '2025-07-01';

export interface TopUnit {
  id: string;
  name: string;
  kind: 'province' | 'city' | 'central';
  /** Commune-level committees under it (0 for a central bloc). */
  communes: number;
  /** Index of its first commune in the national commune numbering. */
  firstCommune: number;
  /** Its grassroots organisations: a range of the national grassroots numbering. */
  firstGrassroots: number;
  grassroots: number;
}

export interface OrganisationSize {
  communes: number;
  grassroots: number;
  cells: number;
  /** Central blocs taken from the list (at most its length). */
  centralBlocs: number;
  /** Share of the grassroots organisations under the central blocs. */
  centralGrassrootsShare: number;
}

export interface NationalOrganisation {
  size: OrganisationSize;
  tops: TopUnit[];
}

/**
 * Share of grassroots organisations under the central blocs (assumption: the armed forces,
 * police and central agencies hold about a tenth of the party's grassroots organisations).
 */
const CENTRAL_GRASSROOTS_SHARE = 0.1;

export function sizeFromModel(model: CapacityModel): OrganisationSize {
  return {
    communes: model.organisation.communeCommittees,
    grassroots: model.organisation.grassrootsOrganisations,
    cells: model.organisation.cells,
    centralBlocs: model.organisation.centralBlocs,
    centralGrassrootsShare: CENTRAL_GRASSROOTS_SHARE,
  };
}

/** Splits `total` over `weights` with largest remainders: exact total, each part ≥ `min`. */
export function apportion(total: number, weights: number[], min = 0): number[] {
  const free = total - min * weights.length;
  if (free < 0) throw new Error(`Cannot give ${weights.length} parts at least ${min} of ${total}`);
  // What each part weighs beyond its minimum: weights that sum to the total come back unchanged.
  const above = weights.map((w) => Math.max(0, w - min));
  const shares = above.some((w) => w > 0) ? above : weights.map(() => 1);
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((w) => (free * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i]).sort((a, b) => b[0] - a[0]);
  const left = free - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) parts[order[k][1]]++;
  return parts.map((p) => p + min);
}

export function nationalOrganisation(size: OrganisationSize): NationalOrganisation {
  const provinces = PROVINCES.provinces as {
    id: string;
    name: string;
    kind: 'province' | 'city';
    communes: number;
  }[];
  const blocs = PROVINCES.centralBlocs.slice(0, size.centralBlocs);
  const communes = apportion(
    size.communes,
    provinces.map((p) => p.communes),
    1,
  );
  const central = blocs.length ? Math.round(size.grassroots * size.centralGrassrootsShare) : 0;
  const provincial = size.grassroots - central;
  if (provincial < size.communes) {
    throw new Error(
      `${size.grassroots} grassroots organisations cannot cover ${size.communes} communes`,
    );
  }
  const provinceGrassroots = apportion(provincial, communes);
  const blocGrassroots = apportion(
    central,
    blocs.map(() => 1),
  );
  const tops: TopUnit[] = [];
  let commune = 0;
  let grassroots = 0;
  provinces.forEach((p, i) => {
    tops.push({
      ...p,
      communes: communes[i],
      firstCommune: commune,
      firstGrassroots: grassroots,
      grassroots: provinceGrassroots[i],
    });
    commune += communes[i];
    grassroots += provinceGrassroots[i];
  });
  blocs.forEach((b, i) => {
    tops.push({
      ...b,
      kind: 'central',
      communes: 0,
      firstCommune: commune,
      firstGrassroots: grassroots,
      grassroots: blocGrassroots[i],
    });
    grassroots += blocGrassroots[i];
  });
  return { size, tops };
}

const unit = (fields: Omit<OrgUnit, 'effectiveFrom' | 'decidingBody' | 'areas'>): OrgUnit => ({
  ...fields,
  effectiveFrom: REORGANISED_ON,
  decidingBody: 'UPPER_STANDING_COMMITTEE',
  areas: [],
});

export function topUnit(top: TopUnit): OrgUnit {
  return unit({ id: top.id, name: top.name, level: 'CITY_COMMITTEE', path: [top.id] });
}

/** The communes of a province (its `n`-th: `<province>-x<n>`). */
export function communesOf(top: TopUnit): OrgUnit[] {
  return Array.from({ length: top.communes }, (_, n) =>
    unit({
      id: `${top.id}-x${n + 1}`,
      name: `Đảng ủy xã, phường số ${n + 1} (${top.name.replace(/^(Tỉnh|Thành) ủy /, '')})`,
      level: 'WARD_COMMITTEE',
      parentId: top.id,
      path: [top.id, `${top.id}-x${n + 1}`],
    }),
  );
}

/** The units from the top down to a cell: top, (commune), grassroots, cell. */
export interface CellPlace {
  top: TopUnit;
  /** Index of the commune within the top unit (absent under a central bloc). */
  commune?: number;
  /** Index of the grassroots organisation within its commune or bloc. */
  grassroots: number;
  /** Index of the cell within its grassroots organisation. */
  cell: number;
}

/** How many of `count` items numbered round-robin over `slots` land in slot `slot`. */
function roundRobinShare(count: number, slots: number, slot: number): number {
  return slot < count % slots ? Math.ceil(count / slots) : Math.floor(count / slots);
}

/** Grassroots organisations of one commune of a province (or of a central bloc). */
export function grassrootsUnder(top: TopUnit, commune?: number): number {
  return commune === undefined
    ? top.grassroots
    : roundRobinShare(top.grassroots, top.communes, commune);
}

/** Cells of one grassroots organisation: the national cells spread evenly over them. */
export function cellsUnder(
  org: NationalOrganisation,
  top: TopUnit,
  commune: number | undefined,
  grassroots: number,
): number {
  const index =
    top.firstGrassroots +
    (commune === undefined ? grassroots : grassroots * top.communes + commune);
  return roundRobinShare(org.size.cells, org.size.grassroots, index);
}

/** The `index`-th grassroots organisation of a commune of `top` (or of a central bloc). */
function grassrootsUnit(top: TopUnit, commune: number | undefined, index: number): OrgUnit {
  const communeId = commune === undefined ? undefined : `${top.id}-x${commune + 1}`;
  const parent = communeId ?? top.id;
  const id = `${parent}-g${index + 1}`;
  return unit({
    id,
    name: `Đảng bộ cơ sở số ${index + 1}`,
    level: 'GRASSROOTS',
    parentId: parent,
    path: [...(communeId ? [top.id, communeId] : [top.id]), id],
  });
}

/**
 * The units directly under a top unit: its communes, or a central bloc's grassroots
 * organisations. A top unit's report reads each of them, so they all exist whatever the
 * population (otherwise the report would read more units as more files create them).
 */
export function directChildrenOf(top: TopUnit): OrgUnit[] {
  return top.communes > 0
    ? communesOf(top)
    : Array.from({ length: top.grassroots }, (_, n) => grassrootsUnit(top, undefined, n));
}

/** The units of a cell's path below the top and commune (those are created apart, once). */
export function unitsOfPlace(place: CellPlace): OrgUnit[] {
  const grassroots = grassrootsUnit(place.top, place.commune, place.grassroots);
  const cellId = `${grassroots.id}-c${place.cell + 1}`;
  return [
    grassroots,
    unit({
      id: cellId,
      name: `Chi bộ số ${place.cell + 1}`,
      level: 'CELL',
      parentId: grassroots.id,
      path: [...grassroots.path, cellId],
    }),
  ];
}

/** A deterministic generator: the same seed gives the same population. */
export const randomSource = seededRandom;

/** Index drawn in proportion to `weights` (cumulative weights, ascending). */
function weightedPick(cumulative: number[], random: () => number): number {
  const target = random() * cumulative[cumulative.length - 1];
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid] > target) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * Where traffic and candidates come from: each top unit in proportion to its grassroots
 * organisations (the provinces' follow their communes), then uniformly down the tree.
 */
export function placeSampler(org: NationalOrganisation, only?: string) {
  const tops = only ? org.tops.filter((t) => t.id === only) : org.tops;
  if (!tops.length)
    throw new Error(`No top unit ${only}; known: ${org.tops.map((t) => t.id).join(', ')}`);
  const cumulative: number[] = [];
  tops.reduce((sum, t) => (cumulative.push(sum + t.grassroots), sum + t.grassroots), 0);
  return (random: () => number): CellPlace => {
    const top = tops[weightedPick(cumulative, random)];
    const commune = top.communes ? Math.floor(random() * top.communes) : undefined;
    const grassroots = Math.floor(random() * grassrootsUnder(top, commune));
    const cell = Math.floor(random() * cellsUnder(org, top, commune, grassroots));
    return { top, commune, grassroots, cell };
  };
}
