import { type DecidingBody, type OrgUnit, type UnitLevel } from '../../functions/domain/org-unit';
import { type SpecialArea } from '../../functions/domain/rules/education';

interface UnitSeed {
  id: string;
  name: string;
  level: UnitLevel;
  parentId?: string;
  /** Default DEMO_EFFECTIVE_FROM; a later date is a new version of the same unit. */
  effectiveFrom?: string;
  retiredOn?: string;
  areas?: SpecialArea[];
  decidingBody?: DecidingBody;
}

/**
 * A small organisation for trying the system, named after the units of the Đống Đa and
 * Thanh Trì reports (shared/seeds). Hà Nội keeps the shape before the 2025-07-01
 * reorganisation (district → bloc committee → grassroots → cells); Lào Cai shows the change
 * itself: Huyện ủy Sa Pa is abolished on 2025-07-01 and its grassroots units move under the new
 * Đảng ủy phường Sa Pa from that day (mountain and ethnic-minority areas: primary school suffices).
 */
/** Huyện ủy, quận ủy abolished; wards and province bloc committees above grassroots units. */
const REORGANISATION = '2025-07-01';

/** Each seed is a version of a unit; a later one repeats only what changed. */
const DEMO_SEEDS = [
  { id: 'hn', name: 'Thành ủy Hà Nội', level: 'CITY_COMMITTEE' },
  { id: 'hn-dongda', name: 'Quận ủy Đống Đa', level: 'DISTRICT_COMMITTEE', parentId: 'hn' },
  {
    id: 'dd-kdn',
    name: 'Đảng ủy Khối doanh nghiệp quận Đống Đa',
    level: 'BLOC_COMMITTEE',
    parentId: 'hn-dongda',
  },
  {
    id: 'dd-tbdl1',
    name: 'Chi bộ Công ty Cổ phần Thiết bị điện lực 1',
    level: 'GRASSROOTS_CELL',
    parentId: 'dd-kdn',
  },
  {
    id: 'dd-baobi',
    name: 'Chi bộ Công ty Sản xuất và Xuất nhập khẩu Bao bì',
    level: 'GRASSROOTS_CELL',
    parentId: 'dd-kdn',
  },
  {
    id: 'dd-xltbd',
    name: 'Đảng bộ Công ty Cổ phần Xây lắp thiết bị điện',
    level: 'GRASSROOTS',
    parentId: 'dd-kdn',
  },
  {
    id: 'dd-xltbd-kythuat',
    name: 'Chi bộ Phòng Kỹ thuật',
    level: 'CELL',
    parentId: 'dd-xltbd',
  },
  {
    id: 'dd-xltbd-xuong',
    name: 'Chi bộ Xưởng lắp đặt',
    level: 'CELL',
    parentId: 'dd-xltbd',
  },
  { id: 'hn-thanhtri', name: 'Huyện ủy Thanh Trì', level: 'DISTRICT_COMMITTEE', parentId: 'hn' },
  {
    id: 'tt-kdn',
    name: 'Đảng ủy Khối doanh nghiệp huyện Thanh Trì',
    level: 'BLOC_COMMITTEE',
    parentId: 'hn-thanhtri',
  },
  {
    id: 'tt-ngoquyen',
    name: 'Chi bộ Công ty TNHH Ngô Quyền',
    level: 'GRASSROOTS_CELL',
    parentId: 'tt-kdn',
  },
  // Lào Cai, before and after 2025-07-01.
  { id: 'lc', name: 'Tỉnh ủy Lào Cai', level: 'CITY_COMMITTEE' },
  { id: 'lc-sapa', name: 'Huyện ủy Sa Pa', level: 'DISTRICT_COMMITTEE', parentId: 'lc' },
  {
    id: 'sp-dulich',
    name: 'Chi bộ Công ty Cổ phần Du lịch Sa Pa',
    level: 'GRASSROOTS_CELL',
    parentId: 'lc-sapa',
    areas: ['MOUNTAIN', 'ETHNIC_MINORITY'],
  },
  {
    id: 'sp-che',
    name: 'Đảng bộ Công ty Chè Sa Pa',
    level: 'GRASSROOTS',
    parentId: 'lc-sapa',
    areas: ['MOUNTAIN', 'ETHNIC_MINORITY'],
    decidingBody: 'DELEGATED_GRASSROOTS_COMMITTEE',
  },
  {
    id: 'sp-che-doi1',
    name: 'Chi bộ Đội chè số 1',
    level: 'CELL',
    parentId: 'sp-che',
    areas: ['MOUNTAIN', 'ETHNIC_MINORITY'],
  },
  {
    id: 'lc-p-sapa',
    name: 'Đảng ủy phường Sa Pa',
    level: 'WARD_COMMITTEE',
    parentId: 'lc',
    effectiveFrom: REORGANISATION,
  },
  ...['sp-dulich', 'sp-che'].map((id) => ({
    id,
    parentId: 'lc-p-sapa',
    effectiveFrom: REORGANISATION,
  })),
  { id: 'sp-che-doi1', effectiveFrom: REORGANISATION },
  { id: 'lc-sapa', effectiveFrom: REORGANISATION, retiredOn: REORGANISATION },
] as (Partial<UnitSeed> & { id: string })[];

const DEMO_EFFECTIVE_FROM = '2020-01-01';

/**
 * Every version of the demo units, oldest first, with the ancestor path in force from each
 * version's date (a unit seeded twice, e.g. before and after 2025-07-01, has two versions).
 */
export function demoOrganisation(): OrgUnit[] {
  const latest = new Map<string, OrgUnit>();
  const versions: OrgUnit[] = [];
  const seeds = [...DEMO_SEEDS].sort((a, b) =>
    (a.effectiveFrom ?? DEMO_EFFECTIVE_FROM).localeCompare(b.effectiveFrom ?? DEMO_EFFECTIVE_FROM),
  );
  for (const seed of seeds) {
    const before = latest.get(seed.id);
    const merged = { ...before, ...seed } as UnitSeed;
    const parent = merged.parentId ? latest.get(merged.parentId) : undefined;
    const unit: OrgUnit = {
      id: merged.id,
      name: merged.name,
      level: merged.level,
      ...(merged.parentId ? { parentId: merged.parentId } : {}),
      path: parent ? [...parent.path, merged.id] : [merged.id],
      effectiveFrom: seed.effectiveFrom ?? DEMO_EFFECTIVE_FROM,
      decidingBody: merged.decidingBody ?? 'UPPER_STANDING_COMMITTEE',
      areas: merged.areas ?? [],
      ...(merged.retiredOn ? { retiredOn: merged.retiredOn } : {}),
    };
    latest.set(unit.id, unit);
    versions.push(unit);
  }
  return versions;
}

/** The demo units as they stand on a day (retired ones left out). */
export function demoOrganisationOn(day: string): OrgUnit[] {
  const inForce = new Map<string, OrgUnit>();
  for (const unit of demoOrganisation()) {
    if (unit.effectiveFrom <= day) inForce.set(unit.id, unit);
  }
  return [...inForce.values()]
    .filter((u) => !u.retiredOn || u.retiredOn > day)
    .sort((a, b) => a.path.join('/').localeCompare(b.path.join('/')));
}
