import {
  createUnit,
  getUnitOn,
  importUnits,
  moveUnit,
  retireUnit,
} from '../../../functions/services/org-units';
import { caller, candidate, refusalFrom, world } from '../fakes/builders';
import { InMemoryOrg } from '../fakes/in-memory-org';

/** The organisation tree by day: units created, moved (with their subtree and open files), retired. */

const ADMIN = caller({ userId: 'admin-1', roles: ['admin'], unitId: 'hn' });

function tree() {
  const w = world('2025-07-01T03:00:00.000Z');
  w.store.putUnits({
    id: 'hn-badinh',
    name: 'Quận ủy Ba Đình',
    level: 'DISTRICT_COMMITTEE',
    parentId: 'hn',
    path: ['hn', 'hn-badinh'],
    effectiveFrom: '2020-01-01',
  });
  w.store.put(
    candidate('open', { stage: 'CELL_RESOLUTION' }),
    candidate('closed', { stage: 'REJECTED' }),
  );
  const org = new InMemoryOrg(w.store);
  return { w, org, deps: { org, now: w.now } };
}

const CELL = {
  id: 'dd-moi',
  name: 'Chi bộ Mới',
  level: 'CELL' as const,
  parentId: 'dd-kdn',
  effectiveFrom: '2025-07-01',
  decidingBody: 'UPPER_STANDING_COMMITTEE' as const,
  areas: [],
};

describe('org units', () => {
  it('creates a unit under a parent in scope, at its level, once', async () => {
    const { deps } = tree();
    const unit = await createUnit(deps, ADMIN, CELL);
    expect(unit.path).toEqual(['hn', 'hn-dongda', 'dd-kdn', 'dd-moi']);
    expect(await getUnitOn(deps, ADMIN, 'dd-moi')).toMatchObject({ id: 'dd-moi', retired: false });
    expect(await refusalFrom(createUnit(deps, ADMIN, CELL))).toMatchObject({ code: 'UNIT_EXISTS' });
    const wrongLevel = await refusalFrom(
      createUnit(deps, ADMIN, { ...CELL, id: 'x', parentId: 'hn' }),
    );
    expect(wrongLevel).toMatchObject({ code: 'UNIT_LEVEL_NOT_ALLOWED', field: 'parentId' });
    const officer = await refusalFrom(createUnit(deps, caller(), { ...CELL, id: 'y' }));
    expect(officer).toMatchObject({ kind: 'forbidden' });
  });

  it('refuses a unit without a parent, a move under its own subtree and an oversized import', async () => {
    const { w, deps } = tree();
    const orphan: Omit<typeof CELL, 'parentId'> & { parentId?: string } = { ...CELL };
    delete orphan.parentId;
    expect(await refusalFrom(createUnit(deps, ADMIN, orphan))).toMatchObject({
      code: 'UNIT_PARENT_REQUIRED',
      field: 'parentId',
    });
    const cycle = await refusalFrom(
      moveUnit(deps, ADMIN, 'hn-dongda', { newParentId: 'dd-kdn', effectiveFrom: '2025-07-01' }),
    );
    expect(cycle).toMatchObject({ code: 'UNIT_MOVE_CYCLE', field: 'newParentId' });
    const rows = Array.from({ length: 501 }, (_, i) => ({
      line: i + 2,
      row: { ...CELL, id: `cb-${i}` },
    }));
    expect(await refusalFrom(importUnits(deps, ADMIN, rows))).toMatchObject({
      code: 'UNIT_IMPORT_TOO_LARGE',
    });
    const rowWithoutParent = await refusalFrom(
      importUnits(deps, ADMIN, [{ line: 2, row: orphan }]),
    );
    expect(JSON.stringify(rowWithoutParent)).toContain('UNIT_PARENT_REQUIRED');
    expect(await w.store.getUnit('dd-moi', '2025-07-01')).toBeUndefined();
    expect(await w.store.getUnit('cb-0', '2025-07-01')).toBeUndefined();
  });

  it('moves a unit with its subtree from a day, and re-paths the open files only', async () => {
    const { w, deps } = tree();
    const result = await moveUnit(deps, ADMIN, 'dd-kdn', {
      newParentId: 'hn-badinh',
      effectiveFrom: '2025-07-01',
    });
    expect(result).toMatchObject({ unitsRepathed: 2, candidatesUpdated: 1 });
    expect((await w.store.getUnit('dd-kythuat', '2025-07-01'))?.path).toEqual([
      'hn',
      'hn-badinh',
      'dd-kdn',
      'dd-kythuat',
    ]);
    // Earlier days keep the tree as it was.
    expect((await w.store.getUnit('dd-kythuat', '2025-06-30'))?.path).toEqual([
      'hn',
      'hn-dongda',
      'dd-kdn',
      'dd-kythuat',
    ]);
    expect((await w.store.getCandidate('open'))?.unitPath).toEqual([
      'hn',
      'hn-badinh',
      'dd-kdn',
      'dd-kythuat',
    ]);
    expect((await w.store.getCandidate('closed'))?.unitPath).toEqual([
      'hn',
      'hn-dongda',
      'dd-kdn',
      'dd-kythuat',
    ]);
  });

  it('refuses a move into the unit itself, a move in the future, and one before a later version', async () => {
    const { deps } = tree();
    const cycle = await refusalFrom(
      moveUnit(deps, ADMIN, 'dd-kdn', { newParentId: 'dd-kythuat', effectiveFrom: '2025-07-01' }),
    );
    expect(cycle.code).toMatch(/UNIT_MOVE_CYCLE|UNIT_LEVEL_NOT_ALLOWED/);
    const future = await refusalFrom(
      moveUnit(deps, ADMIN, 'dd-kdn', { newParentId: 'hn-badinh', effectiveFrom: '2025-07-02' }),
    );
    expect(future).toMatchObject({ code: 'UNIT_MOVE_IN_FUTURE', field: 'effectiveFrom' });
    await moveUnit(deps, ADMIN, 'dd-kdn', {
      newParentId: 'hn-badinh',
      effectiveFrom: '2025-07-01',
    });
    const earlier = await refusalFrom(
      moveUnit(deps, ADMIN, 'dd-kdn', { newParentId: 'hn-dongda', effectiveFrom: '2025-06-01' }),
    );
    expect(earlier.code).toBe('UNIT_LATER_VERSION_EXISTS');
  });

  it('refuses a move between directly under the top-level committee and deeper, and changes nothing', async () => {
    const { w, deps } = tree();
    w.store.putUnits({
      id: 'hn-cty',
      name: 'Đảng bộ Tổng công ty',
      level: 'GRASSROOTS',
      parentId: 'hn',
      path: ['hn', 'hn-cty'],
      effectiveFrom: '2020-01-01',
    });
    // Up: a grassroots organisation of a commune to directly under the city committee.
    const up = await refusalFrom(
      moveUnit(deps, ADMIN, 'dd-kdn', { newParentId: 'hn', effectiveFrom: '2025-07-01' }),
    );
    expect(up).toMatchObject({
      kind: 'rule',
      code: 'UNIT_MOVE_CROSSES_LEDGER_LEVEL',
      field: 'newParentId',
      details: { unitId: 'dd-kdn', from: 'nested', to: 'first' },
    });
    expect(up.message).toMatch(/^Không thể chuyển Đảng ủy/);
    expect(up.message_en).toContain('come to sit directly under a top-level committee');
    // Down: a grassroots organisation directly under the city committee to under a commune.
    const down = await refusalFrom(
      moveUnit(deps, ADMIN, 'hn-cty', { newParentId: 'hn-dongda', effectiveFrom: '2025-07-01' }),
    );
    expect(down).toMatchObject({
      code: 'UNIT_MOVE_CROSSES_LEDGER_LEVEL',
      details: { from: 'first', to: 'nested' },
    });
    expect(down.message_en).toContain('no longer sit directly under its top-level committee');
    // Nothing changed: no new version of either unit or of the subtree, the open file's path kept.
    expect((await w.store.unitVersions('dd-kdn')).map((v) => v.effectiveFrom)).toEqual([
      '2020-01-01',
    ]);
    expect((await w.store.getUnit('dd-kythuat', '2025-07-01'))?.path).toEqual([
      'hn',
      'hn-dongda',
      'dd-kdn',
      'dd-kythuat',
    ]);
    expect((await w.store.getUnit('hn-cty', '2025-07-01'))?.path).toEqual(['hn', 'hn-cty']);
    expect((await w.store.getCandidate('open'))?.unitPath).toEqual([
      'hn',
      'hn-dongda',
      'dd-kdn',
      'dd-kythuat',
    ]);
  });

  it('lets the administrator instead move the cells into a unit created under the intended parent', async () => {
    const { w, deps } = tree();
    await createUnit(deps, ADMIN, {
      id: 'hn-kdn',
      name: 'Đảng bộ Khối doanh nghiệp (trực thuộc Thành ủy)',
      level: 'GRASSROOTS',
      parentId: 'hn',
      effectiveFrom: '2025-07-01',
      decidingBody: 'UPPER_STANDING_COMMITTEE',
      areas: [],
    });
    // A cell stays below the top's direct children (depth 3 to 2): its ledger keeps its place.
    const cell = await moveUnit(deps, ADMIN, 'dd-kythuat', {
      newParentId: 'hn-kdn',
      effectiveFrom: '2025-07-01',
    });
    expect(cell).toMatchObject({ unitsRepathed: 1, candidatesUpdated: 1 });
    expect((await w.store.getCandidate('open'))?.unitPath).toEqual(['hn', 'hn-kdn', 'dd-kythuat']);
    // The old organisation has no live child and no open file left: it is retired.
    expect(await retireUnit(deps, ADMIN, 'dd-kdn', { retiredOn: '2025-07-01' })).toMatchObject({
      retiredOn: '2025-07-01',
    });
  });

  it('retires a unit only without live children and open files', async () => {
    const { w, deps } = tree();
    expect(
      (await refusalFrom(retireUnit(deps, ADMIN, 'dd-kdn', { retiredOn: '2025-07-01' }))).code,
    ).toBe('UNIT_HAS_CHILDREN');
    expect(
      (await refusalFrom(retireUnit(deps, ADMIN, 'dd-kythuat', { retiredOn: '2025-07-01' }))).code,
    ).toBe('UNIT_HAS_OPEN_FILES');
    w.store.items.delete('open');
    const retired = await retireUnit(deps, ADMIN, 'dd-kythuat', { retiredOn: '2025-07-01' });
    expect(retired).toMatchObject({ retiredOn: '2025-07-01' });
    expect(await getUnitOn(deps, ADMIN, 'dd-kythuat', '2025-07-01')).toMatchObject({
      retired: true,
    });
    expect(await getUnitOn(deps, ADMIN, 'dd-kythuat', '2025-06-30')).toMatchObject({
      retired: false,
    });
  });

  it('imports all rows or none, listing every fault by line', async () => {
    const { w, deps } = tree();
    const rows = [
      { line: 2, row: { ...CELL, id: 'a-cell' } },
      { line: 3, row: { ...CELL, id: 'dd-kythuat' } },
      { line: 4, row: { ...CELL, id: 'b-cell', parentId: 'nowhere' } },
      { line: 5, row: { ...CELL, id: 'BAD ID' } },
    ];
    const refusal = await refusalFrom(importUnits(deps, ADMIN, rows));
    expect(JSON.stringify(refusal)).toMatch(/"line":3.*UNIT_EXISTS|UNIT_EXISTS.*"line":3/);
    expect(JSON.stringify(refusal)).toContain('UNIT_NOT_FOUND');
    expect(await w.store.getUnit('a-cell', '2025-07-01')).toBeUndefined();

    const grassroots = {
      ...CELL,
      id: 'new-gr',
      level: 'GRASSROOTS' as const,
      parentId: 'hn-badinh',
    };
    const result = await importUnits(deps, ADMIN, [
      { line: 2, row: grassroots },
      { line: 3, row: { ...CELL, id: 'new-cell', parentId: 'new-gr' } },
    ]);
    expect(result).toEqual({ count: 2, units: ['new-gr', 'new-cell'] });
    expect((await w.store.getUnit('new-cell', '2025-07-01'))?.path).toEqual([
      'hn',
      'hn-badinh',
      'new-gr',
      'new-cell',
    ]);
  });
});
