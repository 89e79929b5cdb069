import type { OrgStore } from '../adapters/dynamodb-org-store';
import { assertMayAdministerUnits, assertMayReadUnits, isInScope } from '../domain/access';
import { type Caller } from '../domain/caller';
import {
  importRefused,
  type ImportRowError,
  levelMayHaveParent,
  rowError,
  type UnitDefinition,
  unitDefinitionSchema,
} from '../domain/org-admin';
import { isRetired, type OrgUnit } from '../domain/org-unit';
import { ledgerPlaceOf } from '../domain/quota/ledger-depth';
import { unitNotFound } from '../domain/unit-not-found';
import { refuse } from '../domain/refusal';
import { vietnameseDate } from '../domain/rules';

export interface OrgDeps {
  org: OrgStore;
  now: () => Date;
}

/** Most rows an import takes in one request. */
const MAX_UNITS_PER_IMPORT = 500;

function today(deps: OrgDeps): string {
  return new Date(deps.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The unit in force on `on`, if the caller may see it (outside the subtree: as missing). */
async function unitInScope(deps: OrgDeps, caller: Caller, id: string, on: string, field: string) {
  const unit = await deps.org.getUnit(id, on);
  if (!unit || !isInScope(caller, unit.path)) return unitNotFound(id, field, on);
  return unit;
}

function assertParentFits(level: OrgUnit['level'], parent: OrgUnit, on: string, field: string) {
  if (isRetired(parent, on)) {
    refuse('rule', {
      code: 'UNIT_RETIRED',
      message: `${parent.name} đã giải thể từ ngày ${vietnameseDate(parent.retiredOn!)}`,
      message_en: `${parent.name} was retired on ${parent.retiredOn}`,
      field,
      details: { unitId: parent.id, retiredOn: parent.retiredOn, on },
    });
  }
  if (!levelMayHaveParent(level, parent.level)) {
    refuse('rule', {
      code: 'UNIT_LEVEL_NOT_ALLOWED',
      message: `Đơn vị cấp ${level} không thể trực thuộc ${parent.name} (${parent.level})`,
      message_en: `A ${level} unit cannot sit under ${parent.name} (${parent.level})`,
      field,
      details: { level, parentLevel: parent.level },
    });
  }
}

function toUnit(def: UnitDefinition, parentPath: string[]): OrgUnit {
  const { parentId, ...rest } = def;
  return { ...rest, ...(parentId ? { parentId } : {}), path: [...parentPath, def.id] };
}

export async function createUnit(deps: OrgDeps, caller: Caller, def: UnitDefinition) {
  assertMayAdministerUnits(caller);
  if (!def.parentId) {
    return refuse('rule', {
      code: 'UNIT_PARENT_REQUIRED',
      message: 'Đơn vị mới phải trực thuộc một đơn vị trong phạm vi quản lý',
      message_en: 'A new unit must sit under a unit of your subtree',
      field: 'parentId',
    });
  }
  if ((await deps.org.unitVersions(def.id)).length) {
    return refuse('conflict', {
      code: 'UNIT_EXISTS',
      message: `Đơn vị ${def.id} đã có`,
      message_en: `Unit ${def.id} already exists`,
      field: 'id',
    });
  }
  const parent = await unitInScope(deps, caller, def.parentId, def.effectiveFrom, 'parentId');
  assertParentFits(def.level, parent, def.effectiveFrom, 'parentId');
  const unit = toUnit(def, parent.path);
  await deps.org.putUnitVersion(unit);
  return unit;
}

/**
 * A move may not change where the unit's ledger sits in its top-level committee's sums
 * (docs/architecture.md, "Sharded ledger items"): the unit's past counters stay with the
 * committees they were counted under, so a unit going from directly under a top-level committee
 * to under a commune (or back) would leave its history out of the top's figures (or count it
 * twice). Its descendants move by the same number of levels and lie below it, so none of them can
 * change place unless the unit itself does.
 */
function assertKeepsLedgerPlace(unit: OrgUnit, parent: OrgUnit) {
  const from = ledgerPlaceOf(unit.path);
  const to = ledgerPlaceOf([...parent.path, unit.id]);
  if (from === to) return;
  refuse('rule', {
    code: 'UNIT_MOVE_CROSSES_LEDGER_LEVEL',
    message:
      `Không thể chuyển ${unit.name} sang ${parent.name}: đơn vị sẽ ` +
      (to === 'first'
        ? 'chuyển thành trực thuộc thẳng cấp ủy trực thuộc Trung ương'
        : 'thôi trực thuộc thẳng cấp ủy trực thuộc Trung ương') +
      ', làm sai số liệu chỉ tiêu đã tính của cấp ủy đó. Hãy lập đơn vị mới dưới ' +
      `${parent.name}, chuyển các đơn vị trực thuộc sang rồi giải thể ${unit.name}`,
    message_en:
      `${unit.name} cannot move under ${parent.name}: it would ` +
      (to === 'first'
        ? 'come to sit directly under a top-level committee'
        : 'no longer sit directly under its top-level committee') +
      ", which would make that committee's past quota figures wrong. Create a new unit under " +
      `${parent.name}, move its units into it, then retire ${unit.name}`,
    field: 'newParentId',
    details: { unitId: unit.id, from, to },
  });
}

/**
 * Moves a unit under a new parent from a date: a new version of the unit and of each of its
 * descendants takes effect that day (their paths change from then on; earlier days keep the old
 * tree). Open files of the subtree get the new path at once — scope and future counters follow
 * the tree in force — while history events keep the path they were written with, so past
 * reports do not change, except a top-level committee's: its figures are the sum of the children
 * it has now, so a commune moved to another province takes its counts with it
 * (docs/architecture.md, "Sharded ledger items"). A move must therefore not be dated in the
 * future, nor take a unit between directly under a top-level committee and deeper.
 */
export async function moveUnit(
  deps: OrgDeps,
  caller: Caller,
  id: string,
  move: { newParentId: string; effectiveFrom: string },
) {
  assertMayAdministerUnits(caller);
  const on = move.effectiveFrom;
  if (on > today(deps)) {
    refuse('rule', {
      code: 'UNIT_MOVE_IN_FUTURE',
      message: `Chỉ ghi nhận việc chuyển đơn vị khi đã có hiệu lực (ngày ${vietnameseDate(on)} chưa tới)`,
      message_en: `A move is recorded once in force (${on} is in the future)`,
      field: 'effectiveFrom',
    });
  }
  const unit = await unitInScope(deps, caller, id, on, 'id');
  const parent = await unitInScope(deps, caller, move.newParentId, on, 'newParentId');
  if (parent.path.includes(id)) {
    refuse('rule', {
      code: 'UNIT_MOVE_CYCLE',
      message: `${parent.name} nằm trong ${unit.name}; không thể chuyển đơn vị vào chính nó`,
      message_en: `${parent.name} is inside ${unit.name}; a unit cannot move under itself`,
      field: 'newParentId',
    });
  }
  assertParentFits(unit.level, parent, on, 'newParentId');
  assertKeepsLedgerPlace(unit, parent);
  const later = (await deps.org.unitVersions(id)).filter((v) => v.effectiveFrom > on);
  if (later.length) {
    refuse('conflict', {
      code: 'UNIT_LATER_VERSION_EXISTS',
      message: `${unit.name} đã có thay đổi từ ngày ${vietnameseDate(later[0].effectiveFrom)}, sau ngày ${vietnameseDate(on)}`,
      message_en: `${unit.name} already changed on ${later[0].effectiveFrom}, after ${on}`,
      field: 'effectiveFrom',
    });
  }
  const paths = new Map<string, string[]>();
  const moved: OrgUnit = {
    ...unit,
    parentId: parent.id,
    path: [...parent.path, id],
    effectiveFrom: on,
  };
  await deps.org.putUnitVersion(moved, unit.parentId);
  paths.set(id, moved.path);
  const queue = [moved];
  while (queue.length) {
    const above = queue.shift()!;
    for (const childId of await deps.org.childIds(above.id)) {
      const child = await deps.org.getUnit(childId, on);
      if (!child || isRetired(child, on)) continue;
      const next = { ...child, path: [...above.path, childId], effectiveFrom: on };
      await deps.org.putUnitVersion(next, child.parentId);
      paths.set(childId, next.path);
      queue.push(next);
    }
  }
  let candidatesUpdated = 0;
  for await (const candidate of deps.org.openCandidatesUnder(id)) {
    const path = paths.get(candidate.unitId);
    if (!path) continue;
    await deps.org.setUnitPath(candidate, path);
    candidatesUpdated++;
  }
  return { unit: moved, unitsRepathed: paths.size, candidatesUpdated };
}

/** Retires (abolishes) a unit from a date; it must have no open files and no live children. */
export async function retireUnit(
  deps: OrgDeps,
  caller: Caller,
  id: string,
  retirement: { retiredOn: string; reason?: string },
) {
  assertMayAdministerUnits(caller);
  const on = retirement.retiredOn;
  const unit = await unitInScope(deps, caller, id, on, 'id');
  const liveChildren: string[] = [];
  for (const childId of await deps.org.childIds(id)) {
    const child = await deps.org.getUnit(childId, on);
    if (child && child.parentId === id && !isRetired(child, on)) liveChildren.push(childId);
  }
  if (liveChildren.length) {
    refuse('rule', {
      code: 'UNIT_HAS_CHILDREN',
      message: `${unit.name} còn ${liveChildren.length} đơn vị trực thuộc vào ngày ${vietnameseDate(on)}; hãy chuyển hoặc giải thể trước`,
      message_en: `${unit.name} still has ${liveChildren.length} units under it on ${on}; move or retire them first`,
      field: 'id',
      details: { children: liveChildren },
    });
  }
  for await (const candidate of deps.org.openCandidatesUnder(id)) {
    refuse('rule', {
      code: 'UNIT_HAS_OPEN_FILES',
      message: `${unit.name} còn hồ sơ kết nạp đang xử lý (${candidate.id})`,
      message_en: `${unit.name} still has open admission files (${candidate.id})`,
      field: 'id',
    });
  }
  const retired: OrgUnit = { ...unit, effectiveFrom: on, retiredOn: on };
  await deps.org.putUnitVersion(retired, unit.parentId);
  return retired;
}

export async function getUnitOn(deps: OrgDeps, caller: Caller, id: string, on?: string) {
  assertMayReadUnits(caller);
  const day = on ?? today(deps);
  const unit = await unitInScope(deps, caller, id, day, 'id');
  return { ...unit, on: day, retired: isRetired(unit, day) };
}

/**
 * An import is all or nothing: every row is checked (schema, duplicate ids, parent in force on
 * the row's date — in the store or on an earlier row —, scope and level) before anything is
 * written; a file with any bad row writes nothing and lists every fault by line.
 */
export async function importUnits(
  deps: OrgDeps,
  caller: Caller,
  rows: { line: number; row: unknown }[],
) {
  assertMayAdministerUnits(caller);
  if (rows.length > MAX_UNITS_PER_IMPORT) {
    refuse('rule', {
      code: 'UNIT_IMPORT_TOO_LARGE',
      message: `Tệp có ${rows.length} đơn vị, tối đa ${MAX_UNITS_PER_IMPORT}`,
      message_en: `The file has ${rows.length} units; at most ${MAX_UNITS_PER_IMPORT}`,
      field: 'body',
    });
  }
  const errors: ImportRowError[] = [];
  const accepted = new Map<string, OrgUnit>();
  for (const { line, row } of rows) {
    const parsed = unitDefinitionSchema().safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.') || null;
        errors.push(
          rowError(
            line,
            field,
            'INVALID_FIELD',
            `${field ?? 'dòng'}: ${issue.message}`,
            `${field ?? 'row'}: ${issue.message}`,
          ),
        );
      }
      continue;
    }
    const def = parsed.data;
    if (accepted.has(def.id) || (await deps.org.unitVersions(def.id)).length) {
      errors.push(
        rowError(
          line,
          'id',
          'UNIT_EXISTS',
          `Đơn vị ${def.id} đã có`,
          `Unit ${def.id} already exists`,
        ),
      );
      continue;
    }
    if (!def.parentId) {
      errors.push(
        rowError(
          line,
          'parentId',
          'UNIT_PARENT_REQUIRED',
          'Thiếu đơn vị cấp trên',
          'The parent is missing',
        ),
      );
      continue;
    }
    const inFile = accepted.get(def.parentId);
    const parent =
      inFile && inFile.effectiveFrom <= def.effectiveFrom
        ? inFile
        : await deps.org.getUnit(def.parentId, def.effectiveFrom);
    if (!parent || !isInScope(caller, parent.path)) {
      errors.push(
        rowError(
          line,
          'parentId',
          'UNIT_NOT_FOUND',
          `Không tìm thấy đơn vị cấp trên ${def.parentId} vào ngày ${vietnameseDate(def.effectiveFrom)}`,
          `Parent ${def.parentId} does not exist on ${def.effectiveFrom}`,
        ),
      );
      continue;
    }
    if (isRetired(parent, def.effectiveFrom) || !levelMayHaveParent(def.level, parent.level)) {
      errors.push(
        rowError(
          line,
          'level',
          'UNIT_LEVEL_NOT_ALLOWED',
          `Đơn vị cấp ${def.level} không thể trực thuộc ${parent.name}`,
          `A ${def.level} unit cannot sit under ${parent.name}`,
        ),
      );
      continue;
    }
    accepted.set(def.id, toUnit(def, parent.path));
  }
  if (errors.length) importRefused(errors);
  for (const unit of accepted.values()) await deps.org.putUnitVersion(unit);
  return { count: accepted.size, units: [...accepted.keys()] };
}
