import { levelMayHaveParent } from '../../../functions/domain/org-admin';
import { NATIONAL_CAPACITY_MODEL } from '../../../lib/capacity-model';
import {
  apportion,
  cellsUnder,
  communesOf,
  directChildrenOf,
  grassrootsUnder,
  nationalOrganisation,
  placeSampler,
  randomSource,
  sizeFromModel,
  topUnit,
  unitsOfPlace,
} from '../../../bench/national/organisation';
import PROVINCES from '../../../bench/national/provinces.json';

describe('the provincial-level units after 2025-07-01', () => {
  it('are 28 provinces and 6 centrally-run cities, 3,321 communes in all, each named once', () => {
    const { provinces } = PROVINCES;
    expect(provinces).toHaveLength(34);
    expect(provinces.filter((p) => p.kind === 'province')).toHaveLength(28);
    expect(provinces.filter((p) => p.kind === 'city').map((p) => p.name)).toEqual([
      'Thành ủy Hà Nội',
      'Thành ủy Huế',
      'Thành ủy Hải Phòng',
      'Thành ủy Đà Nẵng',
      'Thành ủy Thành phố Hồ Chí Minh',
      'Thành ủy Cần Thơ',
    ]);
    expect(new Set(provinces.map((p) => p.id)).size).toBe(34);
    expect(new Set(provinces.map((p) => p.name)).size).toBe(34);
    expect(provinces.reduce((sum, p) => sum + p.communes, 0)).toBe(3_321);
    for (const p of provinces)
      expect(p.name).toMatch(p.kind === 'city' ? /^Thành ủy / : /^Tỉnh ủy /);
    expect(PROVINCES.source).toMatch(/202\/2025\/QH15/);
    expect(PROVINCES.centralBlocs).toHaveLength(NATIONAL_CAPACITY_MODEL.organisation.centralBlocs);
  });
});

describe('apportion', () => {
  it('splits the exact total in proportion, with the minimum for each part', () => {
    expect(apportion(10, [1, 1, 2])).toEqual([3, 2, 5]);
    const parts = apportion(3_321, [126, 40, 168]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(3_321);
    expect(parts[2] / parts[1]).toBeCloseTo(168 / 40, 1);
    expect(apportion(5, [0, 0, 100], 1)).toEqual([1, 1, 3]);
    expect(() => apportion(2, [1, 1, 1], 1)).toThrow(/at least 1/);
  });
});

describe('the national organisation', () => {
  const org = nationalOrganisation(sizeFromModel(NATIONAL_CAPACITY_MODEL));

  it('has the capacity model’s counts: communes, grassroots (a tenth central), cells', () => {
    const model = NATIONAL_CAPACITY_MODEL.organisation;
    expect(org.tops).toHaveLength(model.provincialCommittees + model.centralBlocs);
    expect(org.tops.reduce((n, t) => n + t.communes, 0)).toBe(model.communeCommittees);
    expect(org.tops.reduce((n, t) => n + t.grassroots, 0)).toBe(model.grassrootsOrganisations);
    const central = org.tops.filter((t) => t.kind === 'central');
    expect(central.reduce((n, t) => n + t.grassroots, 0)).toBe(model.grassrootsOrganisations / 10);
    // Published commune counts are kept when the totals agree.
    expect(org.tops.find((t) => t.id === 'hcm')!.communes).toBe(168);
  });

  it('spreads every grassroots organisation and cell exactly once', () => {
    const small = nationalOrganisation({
      communes: 100,
      grassroots: 1_000,
      cells: 5_400,
      centralBlocs: 6,
      centralGrassrootsShare: 0.1,
    });
    let grassroots = 0;
    let cells = 0;
    for (const top of small.tops) {
      const communes = top.communes
        ? Array.from({ length: top.communes }, (_, c) => c)
        : [undefined];
      for (const commune of communes) {
        const under = grassrootsUnder(top, commune);
        grassroots += under;
        for (let g = 0; g < under; g++) {
          const n = cellsUnder(small, top, commune, g);
          expect(n).toBeGreaterThanOrEqual(5);
          cells += n;
        }
      }
    }
    expect(grassroots).toBe(1_000);
    expect(cells).toBe(5_400);
  });

  it('builds units whose levels and paths the tree accepts', () => {
    const hanoi = org.tops.find((t) => t.id === 'hanoi')!;
    const top = topUnit(hanoi);
    expect(levelMayHaveParent(top.level)).toBe(true);
    const [commune] = communesOf(hanoi);
    expect(levelMayHaveParent(commune.level, top.level)).toBe(true);
    for (const place of [
      { top: hanoi, commune: 0, grassroots: 2, cell: 1 },
      { top: org.tops.find((t) => t.kind === 'central')!, grassroots: 5, cell: 0 },
    ]) {
      const [grassroots, cell] = unitsOfPlace(place);
      const parentLevel = place.commune === undefined ? 'CITY_COMMITTEE' : commune.level;
      expect(levelMayHaveParent(grassroots.level, parentLevel)).toBe(true);
      expect(levelMayHaveParent(cell.level, grassroots.level)).toBe(true);
      expect(cell.path).toEqual([...grassroots.path, cell.id]);
      expect(cell.path[0]).toBe(place.top.id);
      expect(cell.id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
    }
  });

  it('writes every unit a top unit’s report reads: its communes, or a bloc’s grassroots', () => {
    const hanoi = org.tops.find((t) => t.id === 'hanoi')!;
    const bloc = org.tops.find((t) => t.kind === 'central')!;
    expect(directChildrenOf(hanoi).map((u) => u.id)).toEqual(communesOf(hanoi).map((u) => u.id));
    const blocChildren = directChildrenOf(bloc);
    expect(blocChildren).toHaveLength(bloc.grassroots);
    expect(blocChildren.every((u) => u.parentId === bloc.id && u.path.length === 2)).toBe(true);
    // The grassroots organisation a file's place names is one of them, not a second copy.
    const [grassroots] = unitsOfPlace({ top: bloc, grassroots: 3, cell: 0 });
    expect(blocChildren[3]).toEqual(grassroots);
  });

  it('draws places in proportion to each top unit’s grassroots organisations', () => {
    const sample = placeSampler(org);
    const random = randomSource(42);
    const counts = new Map<string, number>();
    const draws = 40_000;
    for (let i = 0; i < draws; i++) {
      const id = sample(random).top.id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const total = org.tops.reduce((n, t) => n + t.grassroots, 0);
    for (const top of org.tops) {
      const expected = (top.grassroots / total) * draws;
      expect(Math.abs((counts.get(top.id) ?? 0) - expected)).toBeLessThan(
        5 * Math.sqrt(expected) + 5,
      );
    }
    const onlyHue = placeSampler(org, 'hue');
    expect(new Set(Array.from({ length: 200 }, () => onlyHue(random).top.id))).toEqual(
      new Set(['hue']),
    );
    expect(() => placeSampler(org, 'atlantis')).toThrow(/No top unit atlantis/);
  });
});
