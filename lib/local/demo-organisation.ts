import { OrgUnit, UnitLevel } from '../../functions/domain/org-unit';

interface UnitSeed {
  id: string;
  name: string;
  level: UnitLevel;
  parentId?: string;
}

/**
 * A small organisation for trying the system, named after the units of the Đống Đa and
 * Thanh Trì reports (shared/seeds), in the shape before the 2025-07-01 reorganisation.
 */
const DEMO_UNITS: UnitSeed[] = [
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
];

export const DEMO_EFFECTIVE_FROM = '2020-01-01';

/** The demo units with their ancestor paths filled in. */
export function demoOrganisation(): OrgUnit[] {
  const byId = new Map(DEMO_UNITS.map((u) => [u.id, u]));
  const pathOf = (unit: UnitSeed): string[] =>
    unit.parentId ? [...pathOf(byId.get(unit.parentId)!), unit.id] : [unit.id];
  return DEMO_UNITS.map((u) => ({ ...u, path: pathOf(u), effectiveFrom: DEMO_EFFECTIVE_FROM }));
}
